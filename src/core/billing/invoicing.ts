import { recordAudit, type AuditContext } from '../audit/service.js';
import type { Queryable } from '../db/client.js';
import type { TenantRow } from '../tenants/data.js';
import type { BillingDeps, Tally } from './context.js';
import { addDays, dayOfMonth, nextMonthly } from './dates.js';
import { insertInvoice, type InvoiceRow, type NewInvoiceLine } from './data/invoices.js';
import { findPlan, type PlanRow } from './data/plans.js';
import { takeInvoiceSeq, updateSubscription, type SubscriptionRow } from './data/subscriptions.js';
import { formatMoney } from './money.js';
import { billingPageUrl, sendNotice } from './notices.js';
import { PAYMENT_TERMS_DAYS } from './policy.js';
import { ensureSnapshot } from './usage.js';

/** Invoices are issued only while the tenant uses the product. */
const INVOICED_STATUSES = new Set(['active', 'past_due']);
/** A safety net: a run never issues more than this many periods at once. */
const MAX_PERIODS_PER_RUN = 24;

/** The lines of a month on `plan` with `courses` billable courses (§1.7: base, courses × price). */
export function invoiceLines(plan: PlanRow, courses: number): NewInvoiceLine[] {
  const lines: NewInvoiceLine[] = [];
  if (plan.basePriceCents > 0) {
    lines.push({
      position: lines.length + 1,
      kind: 'base',
      description: `${plan.name} plan, monthly base`,
      quantity: 1,
      unitPriceCents: plan.basePriceCents,
      amountCents: plan.basePriceCents,
    });
  }
  if (plan.coursePriceCents > 0) {
    lines.push({
      position: lines.length + 1,
      kind: 'courses',
      description: `Billable courses (${plan.name} plan)`,
      quantity: courses,
      unitPriceCents: plan.coursePriceCents,
      amountCents: courses * plan.coursePriceCents,
    });
  }
  return lines;
}

export const linesTotal = (lines: readonly NewInvoiceLine[]): number =>
  lines.reduce((sum, line) => sum + line.amountCents, 0);

/** `SLUG-0001`: the tenant's slug and its invoice count. */
export const invoiceNumber = (slug: string, seq: number) =>
  `${slug.toUpperCase()}-${String(seq).padStart(4, '0')}`;

const longDate = (day: string) =>
  new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );

export interface IssueRequest {
  subscription: SubscriptionRow;
  tenant: Pick<TenantRow, 'id' | 'slug' | 'modules'>;
  plan: PlanRow;
  periodStart: string;
  anchorDay: number;
  issuedOn: string;
  audit: AuditContext;
}

/**
 * Issues the invoice of one monthly period, billed in advance: the base price and the billable
 * courses of the period's first day. A month that costs nothing (the free plan) is not invoiced.
 * Audited, with the payment-due notice to the tenant's admins.
 */
export async function issueInvoice(
  q: Queryable,
  deps: Pick<BillingDeps, 'emailSender' | 'baseUrl' | 'usageSources'>,
  request: IssueRequest,
  tally?: Tally,
): Promise<InvoiceRow | undefined> {
  const { subscription, tenant, plan, periodStart, issuedOn } = request;
  const { snapshot } = await ensureSnapshot(q, deps.usageSources, tenant, periodStart);
  const lines = invoiceLines(plan, snapshot.billableCourses);
  const totalCents = linesTotal(lines);
  if (totalCents === 0) return undefined;
  const seq = await takeInvoiceSeq(q, subscription.id);
  const invoice = await insertInvoice(
    q,
    {
      tenantId: subscription.tenantId,
      subscriptionId: subscription.id,
      number: invoiceNumber(tenant.slug, seq),
      planCode: plan.code,
      currency: subscription.currency,
      periodStart,
      periodEnd: nextMonthly(periodStart, request.anchorDay),
      issuedOn,
      dueOn: addDays(issuedOn, PAYMENT_TERMS_DAYS),
      totalCents,
    },
    lines,
  );
  await recordAudit(
    q,
    { ...request.audit, tenantId: subscription.tenantId },
    {
      action: 'core.invoice.issued',
      target: { type: 'invoice', id: invoice.id, label: invoice.number },
      meta: {
        totalCents,
        currency: invoice.currency,
        plan: plan.code,
        billableCourses: snapshot.billableCourses,
        periodStart: invoice.periodStart,
        periodEnd: invoice.periodEnd,
      },
    },
  );
  await sendNotice(
    q,
    deps,
    subscription,
    `payment-due:${invoice.id}`,
    {
      template: 'billing-payment-due',
      data: {
        amount: formatMoney(totalCents, invoice.currency),
        dueDate: longDate(invoice.dueOn),
        url: billingPageUrl(deps),
      },
    },
    tally,
  );
  return invoice;
}

/**
 * Issues every monthly period that has started by `day` and is not invoiced yet, advancing the
 * subscription's next period. Idempotent: an invoiced period moved `nextPeriodStart` past it.
 */
export async function invoiceDuePeriods(
  q: Queryable,
  deps: Pick<BillingDeps, 'emailSender' | 'baseUrl' | 'usageSources'>,
  start: SubscriptionRow,
  tenant: Pick<TenantRow, 'id' | 'slug' | 'modules'>,
  day: string,
  audit: AuditContext,
  tally?: Tally,
): Promise<{ subscription: SubscriptionRow; issued: InvoiceRow[] }> {
  let subscription = start;
  const issued: InvoiceRow[] = [];
  for (let i = 0; i < MAX_PERIODS_PER_RUN; i++) {
    const periodStart = subscription.nextPeriodStart;
    if (!periodStart || periodStart > day || !INVOICED_STATUSES.has(subscription.status)) break;
    const anchorDay = subscription.anchorDay ?? dayOfMonth(periodStart);
    const plan = await findPlan(q, subscription.planCode);
    if (!plan) throw new Error(`unknown plan "${subscription.planCode}"`);
    const invoice = await issueInvoice(
      q,
      deps,
      { subscription, tenant, plan, periodStart, anchorDay, issuedOn: day, audit },
      tally,
    );
    if (invoice) issued.push(invoice);
    subscription = await updateSubscription(q, subscription.id, {
      anchorDay,
      nextPeriodStart: nextMonthly(periodStart, anchorDay),
    });
  }
  return { subscription, issued };
}
