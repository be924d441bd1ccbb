import type { InvoiceStatus, SubscriptionStatus } from './types';

export const STATUS_LABELS: Record<SubscriptionStatus, string> = {
  trialing: 'Trial',
  active: 'Active',
  past_due: 'Past due',
  read_only: 'Read-only',
  cancelled: 'Cancelled',
};

export const STATUS_COLORS: Record<SubscriptionStatus, string> = {
  trialing: 'blue',
  active: 'green',
  past_due: 'orange',
  read_only: 'red',
  cancelled: 'gray',
};

export const INVOICE_STATUS_LABELS: Record<InvoiceStatus, string> = {
  open: 'Open',
  paid: 'Paid',
  void: 'Void',
};

export const INVOICE_STATUS_COLORS: Record<InvoiceStatus, string> = {
  open: 'orange',
  paid: 'green',
  void: 'gray',
};

/** Why a subscription is where it is, in words (the server's `statusReason`). */
export const REASON_TEXT: Record<string, string> = {
  trial_started: 'The trial started.',
  trial_converted: 'The trial ended with a plan chosen.',
  trial_ended: 'The trial ended before a plan was chosen.',
  invoice_overdue: 'An invoice is past its due date.',
  invoice_unpaid: 'An invoice stayed unpaid after its grace period.',
  payment_received: 'A payment was received.',
  plan_without_charge: 'A plan without charge was chosen.',
  cancelled: 'The subscription was cancelled.',
};

export const isRestricted = (status: SubscriptionStatus) =>
  status === 'read_only' || status === 'cancelled';
