import type { Queryable } from '../db/client.js';
import { tx } from '../db/tx.js';
import { ValidationError } from '../errors.js';
import { DEFAULT_TIMEZONE } from '../reports/cache.js';
import type { TenantRow } from '../tenants/data.js';
import { loadTenant, systemActor, type BillingDeps, type Tally } from './context.js';
import { addDays, dayIn, daysBetween, dayOfMonth, isDay } from './dates.js';
import { overdueInvoices } from './data/invoices.js';
import {
  listForRun,
  lockByTenant,
  updateSubscription,
  type SubscriptionRow,
} from './data/subscriptions.js';
import { invoiceDuePeriods } from './invoicing.js';
import { transition } from './lifecycle.js';
import { billingPageUrl, sendNotice, skipNotice } from './notices.js';
import { GRACE_DAYS, TRIAL_NOTICE_DAYS } from './policy.js';
import { ensureSnapshot } from './usage.js';

export interface TenantRunResult {
  tenant: string;
  snapshotCreated: boolean;
  invoicesIssued: string[];
  transitions: { from: string; to: string; reason: string }[];
  emailsQueued: number;
}

export interface BillingRunResult {
  day: string;
  tenants: TenantRunResult[];
  snapshotsCreated: number;
  invoicesIssued: number;
  transitions: number;
  emailsQueued: number;
}

type Step = (sub: SubscriptionRow) => Promise<SubscriptionRow>;

/** Trial reminders on days 14, 21 and 28; a run that missed a day sends only the latest due. */
async function trialNotices(
  q: Queryable,
  deps: BillingDeps,
  subscription: SubscriptionRow,
  day: string,
  tally: Tally,
) {
  const { trialStartedOn, trialEndsOn } = subscription;
  if (!trialStartedOn || !trialEndsOn || day >= trialEndsOn) return;
  const elapsed = daysBetween(trialStartedOn, day);
  const due = TRIAL_NOTICE_DAYS.filter((n) => n <= elapsed);
  const latest = due.at(-1);
  for (const n of due) {
    const key = `trial-day-${n}:${trialStartedOn}`;
    if (n !== latest) {
      await skipNotice(q, subscription, key);
      continue;
    }
    await sendNotice(
      q,
      deps,
      subscription,
      key,
      {
        template: 'billing-trial-ending',
        data: { daysLeft: daysBetween(day, trialEndsOn), url: billingPageUrl(deps) },
      },
      tally,
    );
  }
}

/**
 * One tenant's billing for `day`, in one transaction with its subscription locked: the usage
 * snapshot, the end of a trial and its notices, due invoices, and overdue invoices. Every step
 * checks the state it would change, so running the same day again changes nothing.
 */
async function runTenant(deps: BillingDeps, tenantId: string, day: string) {
  return tx(deps.db, { tenantId }, async (q): Promise<TenantRunResult | undefined> => {
    let subscription = await lockByTenant(q, tenantId);
    if (!subscription) return undefined;
    const tenant: TenantRow = await loadTenant(q, tenantId);
    const audit = systemActor(tenantId);
    const tally: Tally = { emails: 0 };
    const result: TenantRunResult = {
      tenant: tenant.slug,
      snapshotCreated: false,
      invoicesIssued: [],
      transitions: [],
      emailsQueued: 0,
    };
    const move: (
      to: SubscriptionRow['status'],
      reason: Parameters<typeof transition>[4],
      extra?: Parameters<typeof transition>[6],
    ) => Step = (to, reason, extra) => async (sub) => {
      const next = await transition(q, deps, sub, to, reason, audit, extra, tally);
      result.transitions.push({ from: sub.status, to, reason });
      return next;
    };

    result.snapshotCreated = (await ensureSnapshot(q, deps.usageSources, tenant, day)).created;

    if (subscription.status === 'trialing' && subscription.trialEndsOn) {
      const ends = subscription.trialEndsOn;
      if (day < ends) await trialNotices(q, deps, subscription, day, tally);
      else if (subscription.planChosenAt) {
        subscription = await move('active', 'trial_converted', {
          nextPeriodStart: ends,
          anchorDay: dayOfMonth(ends),
        })(subscription);
      } else subscription = await move('read_only', 'trial_ended')(subscription);
    }

    const invoiced = await invoiceDuePeriods(q, deps, subscription, tenant, day, audit, tally);
    subscription = invoiced.subscription;
    result.invoicesIssued = invoiced.issued.map((invoice) => invoice.number);

    if (subscription.status === 'active' || subscription.status === 'past_due') {
      const overdue = await overdueInvoices(q, subscription.id, day);
      const oldest = overdue[0];
      if (oldest && subscription.status === 'active') {
        subscription = await move('past_due', 'invoice_overdue')(subscription);
      }
      if (oldest && addDays(oldest.dueOn, GRACE_DAYS) < day) {
        subscription = await move('read_only', 'invoice_unpaid')(subscription);
      }
    }

    if (!subscription.lastRunOn || subscription.lastRunOn < day) {
      await updateSubscription(q, subscription.id, { lastRunOn: day });
    }
    result.emailsQueued = tally.emails;
    return result;
  });
}

function summarize(day: string, results: (TenantRunResult | undefined)[]): BillingRunResult {
  const tenants = results.filter((r): r is TenantRunResult => r !== undefined);
  return {
    day,
    tenants,
    snapshotsCreated: tenants.filter((t) => t.snapshotCreated).length,
    invoicesIssued: tenants.reduce((n, t) => n + t.invoicesIssued.length, 0),
    transitions: tenants.reduce((n, t) => n + t.transitions.length, 0),
    emailsQueued: tenants.reduce((n, t) => n + t.emailsQueued, 0),
  };
}

/**
 * The billing run of one day for every subscribed tenant (or those named by slug): what
 * `eduledger billing run --date` does. Idempotent: a second run of the same day creates nothing.
 */
export async function runBilling(
  deps: BillingDeps,
  options: { day: string; tenantSlugs?: readonly string[] },
): Promise<BillingRunResult> {
  if (!isDay(options.day)) {
    throw new ValidationError('The date is not valid', [
      { path: 'date', message: 'must be a real day written YYYY-MM-DD' },
    ]);
  }
  const subscribed = await tx(deps.db, { allTenants: true }, (q) => listForRun(q));
  const wanted = options.tenantSlugs ? new Set(options.tenantSlugs) : undefined;
  const unknown = [...(wanted ?? [])].filter((slug) => !subscribed.some((t) => t.slug === slug));
  if (unknown.length > 0) {
    throw new ValidationError('No subscription for some tenants', [
      { path: 'tenant', message: `not subscribed: ${unknown.join(', ')}` },
    ]);
  }
  const results = [];
  for (const tenant of subscribed) {
    if (wanted && !wanted.has(tenant.slug)) continue;
    results.push(await runTenant(deps, tenant.tenantId, options.day));
  }
  return summarize(options.day, results);
}

/**
 * The scheduled daily job: each subscribed tenant's today (in its timezone) once that day has
 * come; tenants already run today are skipped, so it can run as often as the scheduler likes.
 */
export async function runBillingToday(deps: BillingDeps, now = new Date()) {
  const subscribed = await tx(deps.db, { allTenants: true }, (q) => listForRun(q));
  const results = [];
  for (const tenant of subscribed) {
    const day = dayIn(tenant.timezone ?? DEFAULT_TIMEZONE, now);
    if (tenant.lastRunOn && tenant.lastRunOn >= day) continue;
    results.push(await runTenant(deps, tenant.tenantId, day));
  }
  return results.filter((r): r is TenantRunResult => r !== undefined);
}
