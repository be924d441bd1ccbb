import type { AuditEntry, AuditOutcome } from './types';

export const OUTCOME_LABELS: Record<AuditOutcome, string> = {
  success: 'Success',
  denied: 'Denied',
  failed: 'Failed',
};

export const OUTCOME_COLORS: Record<AuditOutcome, string> = {
  success: 'green',
  denied: 'orange',
  failed: 'red',
};

/** Who acted: the user's email, or the kind of actor (system, api). */
export function actorOf(entry: AuditEntry): string {
  if (entry.actorEmail) return entry.actorEmail;
  if (entry.actorType === 'system') return 'System';
  if (entry.actorType === 'api') return 'API client';
  return entry.actorId ?? 'Unknown';
}

/** What was acted on: its label, else its type and id. */
export function targetOf(entry: AuditEntry): string {
  if (entry.targetLabel) return entry.targetLabel;
  const parts = [entry.targetType, entry.targetId].filter((part) => part !== null && part !== '');
  return parts.length === 0 ? '—' : parts.join(' ');
}

/** A recorded value, readable: text as is, nothing as "(none)", the rest as JSON. */
export function showValue(value: unknown): string {
  if (value === null || value === undefined) return '(none)';
  if (typeof value === 'string') return value === '' ? '(empty)' : value;
  return JSON.stringify(value);
}
