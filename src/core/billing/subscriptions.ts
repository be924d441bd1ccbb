import type { RequestContext } from '../access/request-context.js';
import { recordAudit, type AuditContext } from '../audit/service.js';
import type { Queryable } from '../db/client.js';
import { tx } from '../db/tx.js';
import { ConflictError, NotFoundError, ValidationError } from '../errors.js';
import type { TenantRow } from '../tenants/data.js';
import { loadTenant, todayOf, type BillingDeps } from './context.js';
import { addDays, daysBetween, dayOfMonth, nextMonthly } from './dates.js';
import { openInvoices } from './data/invoices.js';
import { findPlan, listPlans, type PlanRow } from './data/plans.js';
import {
  insertSubscription,
  lockByTenant,
  findByTenant,
  updateSubscription,
  type SubscriptionRow,
} from './data/subscriptions.js';
import { latestSnapshot } from './data/usage.js';
import { invoiceLines, issueInvoice, linesTotal } from './invoicing.js';
import { isRestricted, transition } from './lifecycle.js';
import { providerNamed } from './providers.js';
import { DEFAULT_TRIAL_PLAN, TRIAL_DAYS } from './policy.js';
import { activeTenantOf, ensureSnapshot } from './usage.js';

export const isSiteAdmin = (ctx: RequestContext) => ctx.user?.isSiteAdmin === true;

/** Plans the caller may choose: self-serve ones; site admins may assign any. */
export const choosablePlans = (plans: readonly PlanRow[], siteAdmin: boolean) =>
  plans.filter((plan) => siteAdmin || plan.selfServe);

/** What a month on `plan` would cost at `courses` billable courses. */
export const monthlyCents = (plan: PlanRow, courses: number) =>
  linesTotal(invoiceLines(plan, courses));

/** The Billing page of the active tenant: plan, trial, usage, what is owed, and the plans on offer. */
export async function billingOverview(deps: BillingDeps, ctx: RequestContext) {
  const tenantId = activeTenantOf(ctx);
  return tx(deps.db, { tenantId }, async (q) => {
    const tenant = await loadTenant(q, tenantId);
    const today = todayOf(tenant);
    const subscription = await findByTenant(q, tenantId);
    const plans = await listPlans(q);
    const usage = (await latestSnapshot(q, tenantId)) ?? null;
    const choosable = choosablePlans(plans, isSiteAdmin(ctx));
    if (!subscription) return { today, subscription: null, usage, plans: choosable };
    const plan = plans.find((p) => p.code === subscription.planCode);
    if (!plan) throw new Error(`unknown plan "${subscription.planCode}"`);
    const open = await openInvoices(q, subscription.id);
    const provider = providerNamed(deps.providers, subscription.paymentProvider);
    return {
      today,
      usage,
      plans: choosable,
      subscription: {
        status: subscription.status,
        statusReason: subscription.statusReason,
        statusChangedAt: subscription.statusChangedAt,
        plan,
        planChosen: subscription.planChosenAt !== null,
        currency: subscription.currency,
        trialStartedOn: subscription.trialStartedOn,
        trialEndsOn: subscription.trialEndsOn,
        trialDaysLeft:
          subscription.status === 'trialing' && subscription.trialEndsOn
            ? Math.max(0, daysBetween(today, subscription.trialEndsOn))
            : null,
        nextPeriodStart: subscription.nextPeriodStart,
        estimatedMonthlyCents: monthlyCents(plan, usage?.billableCourses ?? 0),
        openInvoices: open.length,
        overdueInvoices: open.filter((invoice) => invoice.dueOn < today).length,
        paymentMethod: {
          provider: provider.name,
          label: provider.label,
          recordsByHand: provider.recordsByHand,
        },
      },
    };
  });
}

async function requirePlan(q: Queryable, code: string, siteAdmin: boolean): Promise<PlanRow> {
  const plan = await findPlan(q, code);
  if (!plan || !(siteAdmin || plan.selfServe)) {
    throw new ValidationError('This plan cannot be chosen', [
      { path: 'plan', message: 'is not one of the plans on offer' },
    ]);
  }
  return plan;
}

/**
 * Restricted (read-only or cancelled) with nothing left to pay: choosing a plan starts a new
 * month today. It is invoiced at once (full access returns when it is paid); a plan that costs
 * nothing brings full access back immediately.
 */
async function restartBilling(
  q: Queryable,
  deps: BillingDeps,
  subscription: SubscriptionRow,
  tenant: TenantRow,
  plan: PlanRow,
  audit: AuditContext,
): Promise<SubscriptionRow> {
  if ((await openInvoices(q, subscription.id)).length > 0) return subscription;
  const today = todayOf(tenant);
  const anchorDay = dayOfMonth(today);
  const { snapshot } = await ensureSnapshot(q, deps.usageSources, tenant, today);
  if (monthlyCents(plan, snapshot.billableCourses) === 0) {
    return transition(q, deps, subscription, 'active', 'plan_without_charge', audit, {
      nextPeriodStart: today,
      anchorDay,
    });
  }
  await issueInvoice(q, deps, {
    subscription,
    tenant,
    plan,
    periodStart: today,
    anchorDay,
    issuedOn: today,
    audit,
  });
  return updateSubscription(q, subscription.id, {
    anchorDay,
    nextPeriodStart: nextMonthly(today, anchorDay),
  });
}

/**
 * Tenant admins choose (or change) their plan. During a trial it confirms the plan, so the trial
 * ends active instead of read-only; while active it applies from the next invoice; while
 * restricted it issues the invoice whose payment restores full access.
 */
export async function choosePlan(deps: BillingDeps, ctx: RequestContext, code: string) {
  const tenantId = activeTenantOf(ctx);
  await tx(deps.db, { tenantId }, async (q) => {
    const tenant = await loadTenant(q, tenantId);
    const before = await lockByTenant(q, tenantId);
    if (!before) {
      throw new ConflictError(
        'This tenant has no subscription yet: an EduLedger administrator starts one with a trial',
      );
    }
    const plan = await requirePlan(q, code, isSiteAdmin(ctx));
    let subscription = await updateSubscription(q, before.id, {
      planCode: plan.code,
      planChosenAt: new Date(),
    });
    await recordAudit(q, ctx, {
      action: 'core.subscription.plan_changed',
      target: { type: 'subscription', id: before.id, label: plan.code },
      changes: { plan: [before.planCode, plan.code] },
      meta: { status: before.status },
    });
    if (isRestricted(subscription.status)) {
      subscription = await restartBilling(q, deps, subscription, tenant, plan, ctx);
    }
    return subscription;
  });
  return billingOverview(deps, ctx);
}

export interface TrialInput {
  plan?: string;
  currency?: string;
}

/**
 * Puts a tenant on a 30-day trial (a new subscription, or the existing one again), in the
 * caller's transaction: no card, everything editable, notices on days 14, 21 and 28. Audited.
 */
export async function beginTrial(
  q: Queryable,
  tenant: TenantRow,
  input: TrialInput,
  audit: AuditContext,
): Promise<SubscriptionRow> {
  const plan = await requirePlan(q, input.plan ?? DEFAULT_TRIAL_PLAN, true);
  const today = todayOf(tenant);
  const before = await lockByTenant(q, tenant.id);
  const values = {
    planCode: plan.code,
    status: 'trialing' as const,
    statusReason: 'trial_started',
    statusChangedAt: new Date(),
    currency: input.currency ?? before?.currency ?? 'USD',
    trialStartedOn: today,
    trialEndsOn: addDays(today, TRIAL_DAYS),
    planChosenAt: null,
    anchorDay: null,
    nextPeriodStart: null,
  };
  const subscription = before
    ? await updateSubscription(q, before.id, values)
    : await insertSubscription(q, { tenantId: tenant.id, ...values });
  await recordAudit(
    q,
    { ...audit, tenantId: tenant.id },
    {
      action: 'core.subscription.trial_started',
      target: { type: 'subscription', id: subscription.id, label: tenant.slug },
      changes: { status: [before?.status ?? null, 'trialing'] },
      meta: { plan: plan.code, trialEndsOn: subscription.trialEndsOn, currency: values.currency },
    },
  );
  return subscription;
}

/** Site admins put a tenant on a trial. */
export async function startTrial(
  deps: BillingDeps,
  audit: AuditContext,
  tenantId: string,
  input: TrialInput,
): Promise<SubscriptionRow> {
  return tx(deps.db, { tenantId }, async (q) =>
    beginTrial(q, await loadTenant(q, tenantId), input, audit),
  );
}

/** Site admins cancel a subscription: nothing more is invoiced, the tenant becomes read-only. */
export async function cancelSubscription(
  deps: BillingDeps,
  audit: AuditContext,
  tenantId: string,
): Promise<SubscriptionRow> {
  return tx(deps.db, { tenantId }, async (q) => {
    const subscription = await lockByTenant(q, tenantId);
    if (!subscription) throw new NotFoundError('Subscription');
    if (subscription.status === 'cancelled') {
      throw new ConflictError('This subscription is already cancelled');
    }
    return transition(q, deps, subscription, 'cancelled', 'cancelled', audit, {
      nextPeriodStart: null,
    });
  });
}
