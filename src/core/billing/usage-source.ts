import type { Queryable } from '../db/client.js';

/** One tenant on one day (`YYYY-MM-DD`, in the tenant's timezone). */
export interface UsageDay {
  tenantId: string;
  day: string;
}

/** What one module counts toward a tenant's usage on a day (DOMAIN.md §1.7). */
export interface ModuleUsage {
  /** Courses with at least one section in a term that is active on the day or starts within 30 days. */
  billableCourses: number;
  /** Active accounts with a section in a current or upcoming term (ids: modules' sets are merged). */
  activeUserIds: readonly string[];
}

/**
 * A module's usage counter, run in the tenant's transaction (RLS applies). The core sums the
 * counters of the modules a tenant has switched on; it never reads module tables itself.
 */
export type BillingUsageSource = (q: Queryable, day: UsageDay) => Promise<ModuleUsage>;

export interface RegisteredUsageSource {
  module: string;
  count: BillingUsageSource;
}

/** A term counts when it is active on the day or starts within this many days after it (§1.7). */
export const BILLABLE_HORIZON_DAYS = 30;
