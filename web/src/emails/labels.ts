import type { BulkStatus, DeliveryAttempt, EmailStatus } from './types';

export const STATUS_LABELS: Record<EmailStatus, string> = {
  queued: 'Queued',
  sending: 'Sending',
  sent: 'Sent',
  failed: 'Failed',
  blocked: 'Blocked',
};

export const STATUS_COLORS: Record<EmailStatus, string> = {
  queued: 'gray',
  sending: 'blue',
  sent: 'green',
  failed: 'red',
  blocked: 'orange',
};

export const STATUS_HINTS: Record<EmailStatus, string> = {
  queued: 'Waiting for the delivery worker (or for its next retry)',
  sending: 'Being handed to the mail server now',
  sent: 'Accepted by the mail server',
  failed: 'Every attempt failed; the last error is kept',
  blocked: 'Not delivered on purpose: allowlist or kill switch',
};

export const OUTCOME_LABELS: Record<DeliveryAttempt['outcome'], string> = {
  sent: 'Sent',
  retry: 'Will retry',
  failed: 'Failed',
  blocked: 'Blocked',
};

export const OUTCOME_COLORS: Record<DeliveryAttempt['outcome'], string> = {
  sent: 'green',
  retry: 'yellow',
  failed: 'red',
  blocked: 'orange',
};

export const BULK_STATUS_LABELS: Record<BulkStatus, string> = {
  running: 'Running',
  completed: 'Completed',
};

/** Whether the worker may still change the email: lists refresh themselves while so. */
export const isInFlight = (status: EmailStatus) => status === 'queued' || status === 'sending';

/** "password-reset" → "Password reset". */
export function templateLabel(name: string): string {
  const words = name.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
