import type { RunStatus, StepCounts, StepStatus } from './types.js';

export interface StepProgress extends StepCounts {
  name: string;
  status: StepStatus;
  /** Rows handled so far (read). */
  done: number;
  total: number | null;
  /** Rows per second since the step started. */
  rate: number;
  startedAt: number | null;
}

export interface RunProgress {
  runId: string;
  status: RunStatus;
  steps: StepProgress[];
}

interface LiveRun extends RunProgress {
  cancelRequested: boolean;
}

const live = new Map<string, LiveRun>();

export const emptyCounts = (): StepCounts => ({
  read: 0,
  created: 0,
  updated: 0,
  unchanged: 0,
  skipped: 0,
  failed: 0,
});

/** Live progress of the runs working in this process, for the HTTP API and the CLI bars. */
export const liveProgress = {
  start(runId: string, plan: readonly string[]): LiveRun {
    const run: LiveRun = {
      runId,
      status: 'running',
      cancelRequested: false,
      steps: plan.map((name) => ({
        name,
        status: 'pending',
        done: 0,
        total: null,
        rate: 0,
        startedAt: null,
        ...emptyCounts(),
      })),
    };
    live.set(runId, run);
    return run;
  },
  get(runId: string): RunProgress | undefined {
    const run = live.get(runId);
    if (!run) return undefined;
    return {
      runId,
      status: run.status,
      steps: run.steps.map((step) => ({
        ...step,
        rate:
          step.startedAt && step.status === 'running'
            ? Math.round(step.done / Math.max((Date.now() - step.startedAt) / 1000, 0.001))
            : step.rate,
      })),
    };
  },
  /** Asks a run working in this process to stop at its next batch; false if it is not here. */
  requestCancel(runId: string): boolean {
    const run = live.get(runId);
    if (!run) return false;
    run.cancelRequested = true;
    return true;
  },
  isCancelRequested: (runId: string) => live.get(runId)?.cancelRequested ?? false,
  finish(runId: string): void {
    live.delete(runId);
  },
};
