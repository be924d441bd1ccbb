import type { RunStatus, StepStatus } from './types';

type Status = RunStatus | StepStatus;

export const STATUS_LABELS: Record<Status, string> = {
  queued: 'Queued',
  pending: 'Waiting',
  running: 'Running',
  succeeded: 'Succeeded',
  partial: 'Partly failed',
  failed: 'Failed',
  cancelled: 'Cancelled',
  skipped: 'Not run',
};

export const STATUS_COLORS: Record<Status, string> = {
  queued: 'gray',
  pending: 'gray',
  running: 'blue',
  succeeded: 'green',
  partial: 'orange',
  failed: 'red',
  cancelled: 'gray',
  skipped: 'gray',
};

/** Whether the run may still change (the page keeps polling it). */
export const isActive = (status: RunStatus) => status === 'queued' || status === 'running';

/** "850 ms", "12 s", "3 min 5 s", "1 h 2 min". */
export function formatDuration(ms: number | null): string {
  if (ms === null) return '—';
  if (ms < 1000) return `${String(ms)} ms`;
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${String(seconds)} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${String(minutes)} min ${String(seconds % 60)} s`;
  return `${String(Math.floor(minutes / 60))} h ${String(minutes % 60)} min`;
}

const number = new Intl.NumberFormat();
export const formatCount = (n: number) => number.format(n);

/** A cron expression of 5 fields (minute hour day month weekday), or 6 with seconds. */
export function cronError(cron: string): string | null {
  const fields = cron.trim().split(/\s+/).filter(Boolean);
  if (fields.length === 0) return 'Enter a cron expression, like 0 2 * * * for 2:00 every night.';
  if (fields.length < 5 || fields.length > 6) {
    return 'A cron expression has 5 fields: minute hour day-of-month month day-of-week.';
  }
  if (fields.some((field) => !/^[\d*/,\-A-Za-z?LW#]+$/.test(field))) {
    return 'Use numbers, *, /, - and , in each field.';
  }
  return null;
}
