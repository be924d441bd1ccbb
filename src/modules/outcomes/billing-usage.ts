import { and, countDistinct, eq, gte, lte } from 'drizzle-orm';
import { users } from '../../core/auth/schema.js';
import { addDays } from '../../core/billing/dates.js';
import { BILLABLE_HORIZON_DAYS, type BillingUsageSource } from '../../core/billing/usage-source.js';
import { memberships } from '../../core/db/schema.js';
import { instructors, offerings, sections, terms } from './schema.js';

/**
 * The outcomes module's billed usage on a day (DOMAIN.md §1.7), in the tenant's transaction:
 * - billable courses: courses with at least one section in a term active on the day or starting
 *   within 30 days of it (start ≤ day + 30 and end ≥ day; a term that ended yesterday does not count);
 * - active users: active accounts, active members of the tenant, teaching a section of a current
 *   or upcoming term (end ≥ day).
 */
export const outcomesBillingUsage: BillingUsageSource = async (q, { tenantId, day }) => {
  const [courses] = await q
    .select({ n: countDistinct(offerings.courseId) })
    .from(sections)
    .innerJoin(offerings, eq(offerings.id, sections.offeringId))
    .innerJoin(terms, eq(terms.id, offerings.termId))
    .where(
      and(
        eq(sections.tenantId, tenantId),
        lte(terms.startDate, addDays(day, BILLABLE_HORIZON_DAYS)),
        gte(terms.endDate, day),
      ),
    );
  const teaching = await q
    .selectDistinct({ userId: users.id })
    .from(sections)
    .innerJoin(offerings, eq(offerings.id, sections.offeringId))
    .innerJoin(terms, eq(terms.id, offerings.termId))
    .innerJoin(instructors, eq(instructors.id, sections.instructorId))
    .innerJoin(users, eq(users.id, instructors.userId))
    .innerJoin(
      memberships,
      and(eq(memberships.userId, users.id), eq(memberships.tenantId, sections.tenantId)),
    )
    .where(
      and(
        eq(sections.tenantId, tenantId),
        gte(terms.endDate, day),
        eq(users.status, 'active'),
        eq(memberships.status, 'active'),
      ),
    );
  return { billableCourses: courses?.n ?? 0, activeUserIds: teaching.map((row) => row.userId) };
};
