import { asc, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { billingPlans } from '../schema.js';

export type PlanRow = typeof billingPlans.$inferSelect;
export type PlanChange = Partial<
  Pick<PlanRow, 'name' | 'description' | 'basePriceCents' | 'coursePriceCents' | 'selfServe'>
>;

export const listPlans = (q: Queryable): Promise<PlanRow[]> =>
  q.select().from(billingPlans).orderBy(asc(billingPlans.sortOrder), asc(billingPlans.code));

export const findPlan = async (q: Queryable, code: string): Promise<PlanRow | undefined> =>
  (await q.select().from(billingPlans).where(eq(billingPlans.code, code)))[0];

export const updatePlan = async (q: Queryable, code: string, change: PlanChange) =>
  (
    await q
      .update(billingPlans)
      .set({ ...change, updatedAt: sql`now()` })
      .where(eq(billingPlans.code, code))
      .returning()
  )[0];
