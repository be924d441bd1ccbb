import { recordAudit, type AuditContext } from '../audit/service.js';
import { tx } from '../db/tx.js';
import { NotFoundError } from '../errors.js';
import { loadTenant, todayOf, type BillingDeps } from './context.js';
import { dayIn, daysBetween } from './dates.js';
import { findInvoice, findInvoiceTenant, openInvoicesOfAll } from './data/invoices.js';
import { listPlans, findPlan, updatePlan, type PlanChange } from './data/plans.js';
import { listAll } from './data/subscriptions.js';
import { latestSnapshots } from './data/usage.js';
import { recordPayment } from './payments.js';
import { providerNamed } from './providers.js';
import { monthlyCents } from './subscriptions.js';

/** Subscriptions that bring in recurring revenue (trials and restricted tenants do not). */
const PAYING = new Set(['active', 'past_due']);

const sumByCurrency = (items: { currency: string; cents: number }[]) => {
  const totals = new Map<string, number>();
  for (const { currency, cents } of items)
    totals.set(currency, (totals.get(currency) ?? 0) + cents);
  return [...totals]
    .map(([currency, cents]) => ({ currency, cents }))
    .sort((a, b) => a.currency.localeCompare(b.currency));
};

/**
 * Site admins: every subscription with its estimated monthly amount (plan price at the latest
 * billable-course count), MRR per currency, and the past-due list (open invoices past their due day).
 */
export async function platformOverview(deps: BillingDeps, now = new Date()) {
  return tx(deps.db, { allTenants: true }, async (q) => {
    const plans = new Map((await listPlans(q)).map((plan) => [plan.code, plan]));
    const usage = new Map((await latestSnapshots(q)).map((s) => [s.tenantId, s]));
    const open = await openInvoicesOfAll(q);
    const today = dayIn('UTC', now);
    const subscriptions = (await listAll(q)).map(({ subscription, tenant }) => {
      const plan = plans.get(subscription.planCode);
      const latest = usage.get(tenant.id);
      const owed = open.filter((invoice) => invoice.tenantId === tenant.id);
      return {
        tenant,
        status: subscription.status,
        statusReason: subscription.statusReason,
        statusChangedAt: subscription.statusChangedAt,
        planCode: subscription.planCode,
        planName: plan?.name ?? subscription.planCode,
        planChosen: subscription.planChosenAt !== null,
        currency: subscription.currency,
        trialEndsOn: subscription.trialEndsOn,
        lastRunOn: subscription.lastRunOn,
        billableCourses: latest?.billableCourses ?? null,
        activeUsers: latest?.activeUsers ?? null,
        monthlyCents: plan ? monthlyCents(plan, latest?.billableCourses ?? 0) : 0,
        openCents: owed.reduce((sum, invoice) => sum + invoice.totalCents - invoice.paidCents, 0),
      };
    });
    const mrr = sumByCurrency(
      subscriptions
        .filter((s) => PAYING.has(s.status))
        .map((s) => ({ currency: s.currency, cents: s.monthlyCents })),
    );
    // Overdue as of the latest day billing has processed (today, or a later day the command
    // line ran), so the list agrees with the subscriptions' statuses.
    const asOf = new Map(
      subscriptions.map((s) => [
        s.tenant.id,
        s.lastRunOn && s.lastRunOn > today ? s.lastRunOn : today,
      ]),
    );
    const pastDue = open.flatMap((invoice) => {
      const day = asOf.get(invoice.tenantId) ?? today;
      return invoice.dueOn < day
        ? [
            {
              ...invoice,
              balanceCents: invoice.totalCents - invoice.paidCents,
              daysOverdue: daysBetween(invoice.dueOn, day),
            },
          ]
        : [];
    });
    return { today, mrr, subscriptions, pastDue };
  });
}

/** Open invoices of every tenant (or one), for site admins to record payments against. */
export const listOpenInvoices = (deps: BillingDeps, tenantId?: string) =>
  tx(deps.db, { allTenants: true }, (q) => openInvoicesOfAll(q, tenantId ? [tenantId] : undefined));

/** Site admins: the built-in provider's "mark paid" — the remaining balance, received today. */
export async function markInvoicePaid(
  deps: BillingDeps,
  audit: AuditContext & { actor: { id?: string } },
  invoiceId: string,
  input: { note?: string },
) {
  const invoice = await tx(deps.db, { allTenants: true }, (q) => findInvoiceTenant(q, invoiceId));
  if (!invoice) throw new NotFoundError('Invoice');
  const provider = providerNamed(deps.providers, 'manual');
  return tx(deps.db, { tenantId: invoice.tenantId }, async (q) => {
    const today = todayOf(await loadTenant(q, invoice.tenantId));
    const { subscription } = await recordPayment(
      q,
      deps,
      {
        invoiceId,
        provider: provider.name,
        receivedOn: today,
        note: input.note,
        recordedById: audit.actor.id,
      },
      audit,
      today,
    );
    const paid = await findInvoice(q, invoiceId);
    return { invoice: paid, subscriptionStatus: subscription?.status ?? null };
  });
}

export const listAllPlans = (deps: BillingDeps) => tx(deps.db, {}, (q) => listPlans(q));

/** Site admins change a plan's prices (or name, description, self-serve); audited. */
export async function editPlan(
  deps: BillingDeps,
  audit: AuditContext,
  code: string,
  change: PlanChange,
) {
  return tx(deps.db, {}, async (q) => {
    const before = await findPlan(q, code);
    if (!before) throw new NotFoundError('Plan');
    const after = await updatePlan(q, code, change);
    if (!after) throw new NotFoundError('Plan');
    const changes: Record<string, [unknown, unknown]> = {};
    for (const key of Object.keys(change) as (keyof PlanChange)[]) {
      if (before[key] !== after[key]) changes[key] = [before[key], after[key]];
    }
    await recordAudit(q, audit, {
      action: 'core.plan.updated',
      target: { type: 'plan', id: code, label: after.name },
      changes,
      tenantId: null,
    });
    return after;
  });
}
