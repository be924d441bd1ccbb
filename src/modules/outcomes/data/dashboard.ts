import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { users } from '../../../core/auth/schema.js';
import type { Queryable } from '../../../core/db/client.js';
import { memberships, tenants, type Role } from '../../../core/db/schema.js';
import { DEFAULT_TIMEZONE } from '../../../core/reports/cache.js';
import type { OutcomeStatus, SectionStatus } from '../enums.js';
import type { OutcomesScope } from '../scope.js';
import {
  courses,
  coursePrograms,
  instructors,
  offerings,
  programs,
  sectionOutcomes,
  sections,
  terms,
} from '../schema.js';
import { instructorStatus } from './instructors.js';
import { programVisible, sectionVisible } from './scope.js';
import { sectionStatus } from './sections.js';
import { rowsOf } from './shared.js';

/*
 * The numbers of the role dashboards (issue 8): per program and per term, within the caller's
 * scope. A section of a course shared by two programs counts in each program, once in the totals.
 */

export interface StatusCount<S extends string> {
  status: S;
  n: number;
}

/** The programs of the scope (the default one last), whether or not they have sections. */
export const visiblePrograms = (q: Queryable, scope: OutcomesScope) =>
  q
    .select({
      id: programs.id,
      name: programs.name,
      shortName: programs.shortName,
      isDefault: programs.isDefault,
    })
    .from(programs)
    .where(programVisible(scope, programs.id))
    .orderBy(asc(programs.isDefault), asc(programs.name), asc(programs.id));

/** Sections of the term in the scope's programs, one row per (section, program). */
const sectionsByProgram = (q: Queryable, scope: OutcomesScope, termId: string) =>
  q
    .select({ programId: coursePrograms.programId, status: sectionStatus.as('status') })
    .from(sections)
    .innerJoin(offerings, eq(offerings.id, sections.offeringId))
    .innerJoin(coursePrograms, eq(coursePrograms.courseId, offerings.courseId))
    .where(and(eq(offerings.termId, termId), programVisible(scope, coursePrograms.programId)))
    .as('per_program');

/** Section rollup statuses counted per program. */
export async function sectionStatusesByProgram(
  q: Queryable,
  scope: OutcomesScope,
  termId: string,
): Promise<(StatusCount<SectionStatus> & { programId: string })[]> {
  const per = sectionsByProgram(q, scope, termId);
  return q
    .select({ programId: per.programId, status: per.status, n: sql<number>`count(*)::int` })
    .from(per)
    .groupBy(per.programId, per.status);
}

/** Section outcome statuses counted per program. */
export const outcomeStatusesByProgram = (
  q: Queryable,
  scope: OutcomesScope,
  termId: string,
): Promise<(StatusCount<OutcomeStatus> & { programId: string })[]> =>
  q
    .select({
      programId: coursePrograms.programId,
      status: sectionOutcomes.status,
      n: sql<number>`count(*)::int`,
    })
    .from(sectionOutcomes)
    .innerJoin(sections, eq(sections.id, sectionOutcomes.sectionId))
    .innerJoin(offerings, eq(offerings.id, sections.offeringId))
    .innerJoin(coursePrograms, eq(coursePrograms.courseId, offerings.courseId))
    .where(and(eq(offerings.termId, termId), programVisible(scope, coursePrograms.programId)))
    .groupBy(coursePrograms.programId, sectionOutcomes.status);

/** Section rollup statuses of the term's sections in the scope, each section once. */
export async function sectionStatusTotals(
  q: Queryable,
  scope: OutcomesScope,
  termId: string,
): Promise<StatusCount<SectionStatus>[]> {
  const per = q
    .select({ status: sectionStatus.as('status') })
    .from(sections)
    .innerJoin(offerings, eq(offerings.id, sections.offeringId))
    .where(and(eq(offerings.termId, termId), sectionVisible(q, scope)))
    .as('visible_sections');
  return q
    .select({ status: per.status, n: sql<number>`count(*)::int` })
    .from(per)
    .groupBy(per.status);
}

/** Section outcome statuses of the term's sections in the scope, each outcome once. */
export const outcomeStatusTotals = (
  q: Queryable,
  scope: OutcomesScope,
  termId: string,
): Promise<StatusCount<OutcomeStatus>[]> =>
  q
    .select({ status: sectionOutcomes.status, n: sql<number>`count(*)::int` })
    .from(sectionOutcomes)
    .innerJoin(sections, eq(sections.id, sectionOutcomes.sectionId))
    .innerJoin(offerings, eq(offerings.id, sections.offeringId))
    .where(and(eq(offerings.termId, termId), sectionVisible(q, scope)))
    .groupBy(sectionOutcomes.status);

/** Sections of the term in the scope, per instructor, with how many are in (submitted or beyond). */
export async function facultyAssignments(q: Queryable, scope: OutcomesScope, termId: string) {
  const per = q
    .select({ instructorId: sections.instructorId, status: sectionStatus.as('status') })
    .from(sections)
    .innerJoin(offerings, eq(offerings.id, sections.offeringId))
    .where(and(eq(offerings.termId, termId), sectionVisible(q, scope)))
    .as('assigned');
  return q
    .select({
      id: instructors.id,
      name: instructors.name,
      email: instructors.email,
      status: instructorStatus,
      sectionCount: sql<number>`count(*)::int`,
      // Qualified by hand: drizzle leaves a subquery's columns unqualified (users has a status).
      submittedCount: sql<number>`(count(*) filter (where "assigned"."status"
        in ('submitted', 'approved', 'nci')))::int`,
    })
    .from(per)
    .innerJoin(instructors, eq(instructors.id, per.instructorId))
    .leftJoin(users, eq(users.email, instructors.email))
    .groupBy(instructors.id, users.status)
    .orderBy(asc(instructors.name), asc(instructors.id));
}

/** The term's sections in the scope that have no instructor (at most `limit`, and how many). */
export async function unassignedSections(
  q: Queryable,
  scope: OutcomesScope,
  termId: string,
  limit: number,
) {
  const where = and(
    eq(offerings.termId, termId),
    isNull(sections.instructorId),
    sectionVisible(q, scope),
  );
  const items = await q
    .select({
      id: sections.id,
      number: sections.number,
      course: { id: courses.id, number: courses.number, title: courses.title },
      dueDate: sql<string | null>`coalesce(${sections.dueDate}, ${terms.dueDate})::text`,
      outcomeCount: sql<number>`(select count(*)::int from section_outcomes so
        where so.section_id = "sections"."id")`,
    })
    .from(sections)
    .innerJoin(offerings, eq(offerings.id, sections.offeringId))
    .innerJoin(courses, eq(courses.id, offerings.courseId))
    .innerJoin(terms, eq(terms.id, offerings.termId))
    .where(where)
    .orderBy(asc(courses.number), asc(sections.number), asc(sections.id))
    .limit(limit);
  const [total] = await q
    .select({ n: sql<number>`count(*)::int` })
    .from(sections)
    .innerJoin(offerings, eq(offerings.id, sections.offeringId))
    .where(where);
  return { items, total: total?.n ?? 0 };
}

/**
 * The tenant's active members per role, and how many of them have not accepted yet. Filtered by
 * tenant: a user's own memberships in other tenants are visible to them too.
 */
export const membersByRole = (
  q: Queryable,
  tenantId: string,
): Promise<{ role: Role; members: number; pending: number }[]> =>
  q
    .select({
      role: memberships.role,
      members: sql<number>`count(*)::int`,
      pending: sql<number>`(count(*) filter (where ${users.status} = 'pending'))::int`,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.tenantId, tenantId), eq(memberships.status, 'active')))
    .groupBy(memberships.role);

/**
 * Programs, courses and active terms (today, in the institution's time zone, between the start
 * and end dates) of every institution: the site admins' overview, read across tenants.
 */
export async function countsPerTenant(q: Queryable) {
  const perTenant = (table: typeof programs | typeof courses | typeof terms, extra = sql``) =>
    sql`(select count(*)::int from ${table} x
      where x.tenant_id = t.id ${extra})`;
  const today = sql`(now() at time zone coalesce(nullif(t.settings->>'timezone', ''),
    ${DEFAULT_TIMEZONE}))::date`;
  const result = await q.execute(sql`select t.id as "tenantId",
      ${perTenant(programs)} as programs,
      ${perTenant(courses)} as courses,
      ${perTenant(terms, sql`and ${today} between x.start_date and x.end_date`)} as "activeTerms"
    from ${tenants} t
    where 'outcomes' = any(t.modules)`);
  return rowsOf<{ tenantId: string; programs: number; courses: number; activeTerms: number }>(
    result,
  );
}
