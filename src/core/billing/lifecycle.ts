import { recordAudit, type AuditContext } from '../audit/service.js';
import type { Queryable } from '../db/client.js';
import { ConflictError } from '../errors.js';
import type { BillingDeps, Tally } from './context.js';
import {
  RESTRICTED_STATUSES,
  updateSubscription,
  type SubscriptionRow,
  type SubscriptionValues,
} from './data/subscriptions.js';
import { billingPageUrl, sendNotice } from './notices.js';
import type { SubscriptionStatus } from './schema.js';

/** Why a subscription moved: stored on it and in the audit record. */
export type TransitionReason =
  | 'trial_started'
  | 'trial_converted'
  | 'trial_ended'
  | 'invoice_overdue'
  | 'invoice_unpaid'
  | 'payment_received'
  | 'plan_without_charge'
  | 'cancelled';

/**
 * The lifecycle of DOMAIN.md §1.7: trialing → active → past_due → read_only → active again on
 * payment; cancelled. A site admin may put any subscription (back) on a trial.
 */
const TRANSITIONS: Record<SubscriptionStatus, readonly SubscriptionStatus[]> = {
  trialing: ['active', 'read_only', 'cancelled'],
  active: ['past_due', 'cancelled'],
  past_due: ['active', 'read_only', 'cancelled'],
  read_only: ['active', 'cancelled'],
  cancelled: ['active'],
};

export const canTransition = (from: SubscriptionStatus, to: SubscriptionStatus): boolean =>
  to === 'trialing' || TRANSITIONS[from].includes(to);

/** Writes are refused (402) in these: everything stays readable and exportable. */
export const isRestricted = (status: SubscriptionStatus): boolean =>
  RESTRICTED_STATUSES.includes(status);

/**
 * Moves a subscription to `to`, in the caller's transaction: the new status and its reason, the
 * audit record, and — on entering read-only — the read-only notice to the tenant's admins.
 */
export async function transition(
  q: Queryable,
  deps: Pick<BillingDeps, 'emailSender' | 'baseUrl'>,
  subscription: SubscriptionRow,
  to: SubscriptionStatus,
  reason: TransitionReason,
  audit: AuditContext,
  extra: SubscriptionValues = {},
  tally?: Tally,
): Promise<SubscriptionRow> {
  const from = subscription.status;
  if (!canTransition(from, to)) {
    throw new ConflictError(`A subscription cannot go from ${from} to ${to}`);
  }
  const changedAt = new Date();
  const updated = await updateSubscription(q, subscription.id, {
    ...extra,
    status: to,
    statusReason: reason,
    statusChangedAt: changedAt,
  });
  await recordAudit(
    q,
    { ...audit, tenantId: subscription.tenantId },
    {
      action: 'core.subscription.status_changed',
      target: { type: 'subscription', id: subscription.id, label: updated.planCode },
      changes: { status: [from, to] },
      meta: { reason },
    },
  );
  if (to === 'read_only') {
    await sendNotice(
      q,
      deps,
      updated,
      `read-only:${changedAt.toISOString()}`,
      { template: 'billing-read-only', data: { url: billingPageUrl(deps) } },
      tally,
    );
  }
  return updated;
}
