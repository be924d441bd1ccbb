import type { Queryable } from '../db/client.js';
import type { TemplateData, TemplateName } from '../email/templates.js';
import type { BillingDeps, Tally } from './context.js';
import { claimNotice } from './data/notices.js';
import { billingContacts, type SubscriptionRow } from './data/subscriptions.js';
import { BILLING_PAGE_PATH } from './policy.js';

export type BillingTemplate = 'billing-trial-ending' | 'billing-payment-due' | 'billing-read-only';

export const billingPageUrl = (deps: Pick<BillingDeps, 'baseUrl'>) =>
  `${deps.baseUrl}${BILLING_PAGE_PATH}`;

/**
 * Queues a billing email to the tenant's administrators through the outbox, in the caller's
 * transaction, once per `key`: a key already recorded sends nothing. Returns the emails queued.
 */
export async function sendNotice<N extends BillingTemplate & TemplateName>(
  q: Queryable,
  deps: Pick<BillingDeps, 'emailSender'>,
  subscription: SubscriptionRow,
  key: string,
  email: { template: N; data: TemplateData<N> },
  tally?: Tally,
): Promise<number> {
  const { tenantId } = subscription;
  if (!(await claimNotice(q, { tenantId, subscriptionId: subscription.id, key }))) return 0;
  const recipients = await billingContacts(q, tenantId);
  for (const to of recipients) {
    await deps.emailSender.send(q, { template: email.template, to, tenantId, data: email.data });
  }
  if (tally) tally.emails += recipients.length;
  return recipients.length;
}

/** Records a notice as due but not sent (a later notice superseded it); true if it was new. */
export const skipNotice = (q: Queryable, subscription: SubscriptionRow, key: string) =>
  claimNotice(q, {
    tenantId: subscription.tenantId,
    subscriptionId: subscription.id,
    key,
    sent: false,
  });
