import { recordAudit, type AuditContext } from '../audit/service.js';
import type { Queryable } from '../db/client.js';
import { ConflictError, NotFoundError, ValidationError } from '../errors.js';
import type { BillingDeps, Tally } from './context.js';
import { dayOfMonth } from './dates.js';
import { findInvoice, lockInvoice, overdueInvoices, setInvoiceStatus } from './data/invoices.js';
import { insertPayment, type PaymentRow } from './data/payments.js';
import { lockByTenant, type SubscriptionRow } from './data/subscriptions.js';
import { transition } from './lifecycle.js';

export interface PaymentInput {
  invoiceId: string;
  /** Defaults to what is left to pay. */
  amountCents?: number;
  provider: string;
  /** The provider's payment id: a payment reported twice is recorded once. */
  providerRef?: string;
  receivedOn: string;
  note?: string;
  recordedById?: string;
}

/**
 * Whether a payment may bring the subscription back: it is past due or read-only, or it was
 * cancelled and a plan has been chosen since.
 */
function awaitsPayment(subscription: SubscriptionRow): boolean {
  if (subscription.status === 'past_due' || subscription.status === 'read_only') return true;
  return (
    subscription.status === 'cancelled' &&
    subscription.planChosenAt !== null &&
    subscription.planChosenAt > subscription.statusChangedAt
  );
}

/**
 * Reactivation on payment: once nothing is overdue, a past-due, read-only (or re-subscribed
 * cancelled) subscription is active again. Periods skipped while it was read-only are not
 * billed: billing resumes from `day`.
 */
export async function reactivateIfSettled(
  q: Queryable,
  deps: Pick<BillingDeps, 'emailSender' | 'baseUrl'>,
  subscription: SubscriptionRow,
  day: string,
  audit: AuditContext,
  tally?: Tally,
): Promise<SubscriptionRow> {
  if (!awaitsPayment(subscription)) return subscription;
  if ((await overdueInvoices(q, subscription.id, day)).length > 0) return subscription;
  const resume =
    subscription.nextPeriodStart === null || subscription.nextPeriodStart < day
      ? { nextPeriodStart: day, anchorDay: dayOfMonth(day) }
      : {};
  return transition(q, deps, subscription, 'active', 'payment_received', audit, resume, tally);
}

/**
 * The one way a payment enters EduLedger, whichever provider reports it: the payment row, the
 * invoice paid once its balance is covered, the audit record, and reactivation.
 */
export async function recordPayment(
  q: Queryable,
  deps: Pick<BillingDeps, 'emailSender' | 'baseUrl'>,
  input: PaymentInput,
  audit: AuditContext,
  today: string,
): Promise<{ payment: PaymentRow | undefined; subscription: SubscriptionRow | undefined }> {
  const invoice = await lockInvoice(q, input.invoiceId);
  if (!invoice) throw new NotFoundError('Invoice');
  if (invoice.status === 'void') throw new ConflictError(`Invoice ${invoice.number} is void`);
  if (invoice.status === 'paid') {
    throw new ConflictError(`Invoice ${invoice.number} is already paid`);
  }
  const paidSoFar = (await findInvoice(q, invoice.id))?.paidCents ?? 0;
  const balance = invoice.totalCents - paidSoFar;
  const amountCents = input.amountCents ?? balance;
  if (!Number.isInteger(amountCents) || amountCents <= 0 || amountCents > balance) {
    throw new ValidationError('The amount is not valid', [
      { path: 'amountCents', message: `must be a whole number of cents from 1 to ${balance}` },
    ]);
  }
  const payment = await insertPayment(q, {
    tenantId: invoice.tenantId,
    invoiceId: invoice.id,
    amountCents,
    currency: invoice.currency,
    provider: input.provider,
    providerRef: input.providerRef ?? null,
    receivedOn: input.receivedOn,
    note: input.note ?? null,
    recordedById: input.recordedById ?? null,
  });
  // Reported before (same provider reference): nothing more to do.
  if (!payment) return { payment: undefined, subscription: undefined };
  const settled = paidSoFar + amountCents === invoice.totalCents;
  if (settled) await setInvoiceStatus(q, invoice.id, 'paid', new Date());
  await recordAudit(
    q,
    { ...audit, tenantId: invoice.tenantId },
    {
      action: 'core.payment.recorded',
      target: { type: 'invoice', id: invoice.id, label: invoice.number },
      changes: settled ? { status: ['open', 'paid'] } : undefined,
      meta: {
        amountCents,
        currency: invoice.currency,
        provider: input.provider,
        receivedOn: input.receivedOn,
      },
    },
  );
  const subscription = await lockByTenant(q, invoice.tenantId);
  return {
    payment,
    subscription: subscription
      ? await reactivateIfSettled(q, deps, subscription, today, audit)
      : undefined,
  };
}
