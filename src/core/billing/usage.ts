import { recordAudit } from '../audit/service.js';
import type { RequestContext } from '../access/request-context.js';
import type { Queryable } from '../db/client.js';
import { tx } from '../db/tx.js';
import { AppError } from '../errors.js';
import type { TenantRow } from '../tenants/data.js';
import { loadTenant, todayOf, type BillingDeps } from './context.js';
import { addDays } from './dates.js';
import {
  findSnapshot,
  insertSnapshotIfMissing,
  listSnapshots,
  upsertSnapshot,
  type SnapshotRow,
  type UsageCounts,
} from './data/usage.js';
import type { RegisteredUsageSource } from './usage-source.js';

/**
 * A tenant's usage on a day (DOMAIN.md §1.7): the billable courses its modules count, and the
 * distinct active users across them.
 */
export async function countUsage(
  q: Queryable,
  sources: readonly RegisteredUsageSource[],
  tenant: Pick<TenantRow, 'id' | 'modules'>,
  day: string,
): Promise<UsageCounts> {
  let billableCourses = 0;
  const activeUsers = new Set<string>();
  for (const source of sources) {
    if (!tenant.modules.includes(source.module)) continue;
    const usage = await source.count(q, { tenantId: tenant.id, day });
    billableCourses += usage.billableCourses;
    for (const id of usage.activeUserIds) activeUsers.add(id);
  }
  return { billableCourses, activeUsers: activeUsers.size };
}

/** The day's snapshot: the stored one, else computed and stored now (`created`). */
export async function ensureSnapshot(
  q: Queryable,
  sources: readonly RegisteredUsageSource[],
  tenant: Pick<TenantRow, 'id' | 'modules'>,
  day: string,
): Promise<{ snapshot: SnapshotRow; created: boolean }> {
  const stored = await findSnapshot(q, tenant.id, day);
  if (stored) return { snapshot: stored, created: false };
  const counts = await countUsage(q, sources, tenant, day);
  const inserted = await insertSnapshotIfMissing(q, tenant.id, day, counts);
  if (inserted) return { snapshot: inserted, created: true };
  const raced = await findSnapshot(q, tenant.id, day);
  if (!raced) throw new Error('the usage snapshot disappeared');
  return { snapshot: raced, created: false };
}

export function activeTenantOf(ctx: RequestContext): string {
  if (!ctx.tenant) throw new AppError(400, 'no_active_tenant', 'Choose a tenant first');
  return ctx.tenant.id;
}

/** On demand: today's usage counted again now (audited), replacing today's snapshot. */
export async function refreshUsage(deps: BillingDeps, ctx: RequestContext) {
  const tenantId = activeTenantOf(ctx);
  return tx(deps.db, { tenantId }, async (q) => {
    const tenant = await loadTenant(q, tenantId);
    const day = todayOf(tenant);
    const before = await findSnapshot(q, tenantId, day);
    const counts = await countUsage(q, deps.usageSources, tenant, day);
    const snapshot = await upsertSnapshot(q, tenantId, day, counts);
    await recordAudit(q, ctx, {
      action: 'core.usage.refreshed',
      target: { type: 'usage', label: day },
      changes: {
        billableCourses: [before?.billableCourses ?? null, counts.billableCourses],
        activeUsers: [before?.activeUsers ?? null, counts.activeUsers],
      },
    });
    return snapshot;
  });
}

/** The snapshots of the last `days` days (to today, in the tenant's timezone), oldest first. */
export async function usageHistory(deps: BillingDeps, ctx: RequestContext, days: number) {
  const tenantId = activeTenantOf(ctx);
  return tx(deps.db, { tenantId }, async (q) => {
    const to = todayOf(await loadTenant(q, tenantId));
    const from = addDays(to, -(days - 1));
    return { from, to, items: await listSnapshots(q, tenantId, from, to) };
  });
}
