import { and, asc, desc, eq, gte, lte, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { billingUsageSnapshots } from '../schema.js';

export type SnapshotRow = typeof billingUsageSnapshots.$inferSelect;
export interface UsageCounts {
  billableCourses: number;
  activeUsers: number;
}

export const findSnapshot = async (
  q: Queryable,
  tenantId: string,
  day: string,
): Promise<SnapshotRow | undefined> =>
  (
    await q
      .select()
      .from(billingUsageSnapshots)
      .where(and(eq(billingUsageSnapshots.tenantId, tenantId), eq(billingUsageSnapshots.day, day)))
  )[0];

/** Stores the day's snapshot unless one exists; returns it only when this call created it. */
export const insertSnapshotIfMissing = async (
  q: Queryable,
  tenantId: string,
  day: string,
  counts: UsageCounts,
): Promise<SnapshotRow | undefined> =>
  (
    await q
      .insert(billingUsageSnapshots)
      .values({ tenantId, day, ...counts })
      .onConflictDoNothing()
      .returning()
  )[0];

/** Stores the day's snapshot, replacing an earlier computation of the same day. */
export const upsertSnapshot = async (
  q: Queryable,
  tenantId: string,
  day: string,
  counts: UsageCounts,
): Promise<SnapshotRow> => {
  const [row] = await q
    .insert(billingUsageSnapshots)
    .values({ tenantId, day, ...counts })
    .onConflictDoUpdate({
      target: [billingUsageSnapshots.tenantId, billingUsageSnapshots.day],
      set: { ...counts, computedAt: sql`now()` },
    })
    .returning();
  if (!row) throw new Error('could not store the usage snapshot');
  return row;
};

/** The snapshots of [from, to], oldest first. */
export const listSnapshots = (q: Queryable, tenantId: string, from: string, to: string) =>
  q
    .select({
      day: billingUsageSnapshots.day,
      billableCourses: billingUsageSnapshots.billableCourses,
      activeUsers: billingUsageSnapshots.activeUsers,
      computedAt: billingUsageSnapshots.computedAt,
    })
    .from(billingUsageSnapshots)
    .where(
      and(
        eq(billingUsageSnapshots.tenantId, tenantId),
        gte(billingUsageSnapshots.day, from),
        lte(billingUsageSnapshots.day, to),
      ),
    )
    .orderBy(asc(billingUsageSnapshots.day));

export const latestSnapshot = async (q: Queryable, tenantId: string) =>
  (
    await q
      .select()
      .from(billingUsageSnapshots)
      .where(eq(billingUsageSnapshots.tenantId, tenantId))
      .orderBy(desc(billingUsageSnapshots.day))
      .limit(1)
  )[0];

/** The latest snapshot of every tenant (a platform read, for MRR). */
export const latestSnapshots = (q: Queryable) =>
  q
    .selectDistinctOn([billingUsageSnapshots.tenantId], {
      tenantId: billingUsageSnapshots.tenantId,
      day: billingUsageSnapshots.day,
      billableCourses: billingUsageSnapshots.billableCourses,
      activeUsers: billingUsageSnapshots.activeUsers,
    })
    .from(billingUsageSnapshots)
    .orderBy(billingUsageSnapshots.tenantId, desc(billingUsageSnapshots.day));
