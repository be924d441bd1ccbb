import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { users } from '../../../core/auth/schema.js';
import type { Queryable } from '../../../core/db/client.js';
import type { InstructorStatus, SectionStatus } from '../enums.js';
import type { OutcomesScope } from '../scope.js';
import { courses, instructors, offerings, sections, terms } from '../schema.js';
import { instructorStatus } from './instructors.js';
import { sectionVisible } from './scope.js';
import { allOf, countOf, matches, ordering, type ListWindow } from './shared.js';

export const SECTION_SORTS = [
  'course',
  'number',
  'term',
  'instructor',
  'enrollment',
  'status',
  'dueDate',
] as const;
export type SectionSort = (typeof SECTION_SORTS)[number];

export type SectionRow = typeof sections.$inferSelect;
export type SectionValues = Partial<
  Pick<
    typeof sections.$inferInsert,
    | 'instructorId'
    | 'enrollment'
    | 'withdrawals'
    | 'passedCount'
    | 'dficCount'
    | 'cannotReconcile'
    | 'reconcileNote'
    | 'celebrations'
    | 'challenges'
    | 'changes'
    | 'dueDate'
  >
>;

/** The section's rollup of its outcomes (§3.2), in the order the rules are given. */
// Qualified by hand: drizzle leaves columns inside sql`` unqualified.
export const sectionStatus = sql<SectionStatus>`(select case
    when count(*) = 0 then 'not_started'
    when bool_or(so.status = 'needs_rework') then 'needs_rework'
    when bool_and(so.status = 'never_coming_in') then 'nci'
    when bool_and(so.status = 'approved') then 'approved'
    when bool_and(so.status in ('submitted', 'approved', 'never_coming_in')) then 'submitted'
    when bool_or(so.status not in ('unassigned', 'assigned')
      or so.took is not null or so.passed is not null or so.tool is not null) then 'in_progress'
    else 'not_started' end
  from section_outcomes so where so.section_id = "sections"."id")`;

const outcomeCount = sql<number>`(select count(*)::int from section_outcomes so
  where so.section_id = "sections"."id")`;

const listed = {
  id: sections.id,
  number: sections.number,
  offeringId: sections.offeringId,
  combo: sections.combo,
  course: { id: courses.id, number: courses.number, title: courses.title },
  term: { id: terms.id, code: terms.code, name: terms.name },
  instructorId: sections.instructorId,
  instructorName: instructors.name,
  instructorEmail: instructors.email,
  instructorStatus,
  enrollment: sections.enrollment,
  withdrawals: sections.withdrawals,
  passedCount: sections.passedCount,
  dficCount: sections.dficCount,
  cannotReconcile: sections.cannotReconcile,
  reconcileNote: sections.reconcileNote,
  celebrations: sections.celebrations,
  challenges: sections.challenges,
  changes: sections.changes,
  dueDate: sections.dueDate,
  status: sectionStatus,
  outcomeCount,
};

interface InstructorFields {
  instructorId: string | null;
  instructorName: string | null;
  instructorEmail: string | null;
  instructorStatus: InstructorStatus;
}

/** A listed section with its instructor as one object (null when unassigned). */
const shaped = <T extends InstructorFields>(listedRow: T) => {
  const {
    instructorId,
    instructorName,
    instructorEmail,
    instructorStatus: status,
    ...row
  } = listedRow;
  return {
    ...row,
    instructor:
      instructorId === null
        ? null
        : { id: instructorId, name: instructorName ?? '', email: instructorEmail, status },
  };
};

export interface SectionFilter {
  search?: string;
  termId?: string;
  courseId?: string;
  offeringId?: string;
  programId?: string;
  instructorId?: string;
  unassigned?: boolean;
  status?: SectionStatus;
  scope: OutcomesScope;
}

export type SectionQuery = SectionFilter & ListWindow<SectionSort>;

function joined(q: Queryable, condition: SQL | undefined) {
  return q
    .select(listed)
    .from(sections)
    .innerJoin(offerings, eq(offerings.id, sections.offeringId))
    .innerJoin(courses, eq(courses.id, offerings.courseId))
    .innerJoin(terms, eq(terms.id, offerings.termId))
    .leftJoin(instructors, eq(instructors.id, sections.instructorId))
    .leftJoin(users, eq(users.email, instructors.email))
    .where(condition);
}

const where = (q: Queryable, filter: SectionFilter) =>
  allOf(
    sectionVisible(q, filter.scope),
    matches(filter.search, courses.number, courses.title, instructors.name),
    filter.termId ? eq(offerings.termId, filter.termId) : undefined,
    filter.courseId ? eq(offerings.courseId, filter.courseId) : undefined,
    filter.offeringId ? eq(sections.offeringId, filter.offeringId) : undefined,
    filter.instructorId ? eq(sections.instructorId, filter.instructorId) : undefined,
    filter.unassigned ? isNull(sections.instructorId) : undefined,
    filter.status ? sql`${sectionStatus} = ${filter.status}` : undefined,
    filter.programId
      ? sql`exists (select 1 from course_programs pf
          where pf.course_id = ${offerings.courseId} and pf.program_id = ${filter.programId}::uuid)`
      : undefined,
  );

export async function list(q: Queryable, query: SectionQuery) {
  const condition = where(q, query);
  const sortColumns = {
    course: courses.number,
    number: sections.number,
    term: terms.startDate,
    instructor: instructors.name,
    enrollment: sections.enrollment,
    status: sectionStatus,
    dueDate: sections.dueDate,
  };
  const rows = await joined(q, condition)
    .orderBy(
      ...ordering(
        query.order,
        sortColumns[query.sort],
        courses.number,
        sections.number,
        sections.id,
      ),
    )
    .limit(query.limit)
    .offset(query.offset);
  return { items: rows.map((row) => shaped(row)), total: await countOf(q, joined(q, condition)) };
}

export async function find(q: Queryable, scope: OutcomesScope, id: string) {
  const [row] = await joined(q, and(eq(sections.id, id), where(q, { scope })));
  return row && shaped(row);
}

export const findRow = async (q: Queryable, id: string) =>
  (await q.select().from(sections).where(eq(sections.id, id)))[0];

/** The next `count` section numbers of an offering: 001, 002, … after the highest one. */
export async function nextNumbers(q: Queryable, offeringId: string, count: number) {
  const [row] = await q
    .select({
      highest: sql<number>`coalesce(max(case when ${sections.number} ~ '^[0-9]+$'
        then ${sections.number}::int end), 0)::int`,
    })
    .from(sections)
    .where(eq(sections.offeringId, offeringId));
  const highest = row?.highest ?? 0;
  return Array.from({ length: count }, (_, k) => String(highest + k + 1).padStart(3, '0'));
}

export const insertMany = (
  q: Queryable,
  tenantId: string,
  rows: readonly (SectionValues & { offeringId: string; number: string; combo?: string | null })[],
) =>
  q
    .insert(sections)
    .values(rows.map((row) => ({ tenantId, ...row })))
    .returning();

export const update = async (q: Queryable, id: string, values: SectionValues) =>
  (
    await q
      .update(sections)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(sections.id, id))
      .returning()
  )[0];

export const remove = (q: Queryable, id: string) => q.delete(sections).where(eq(sections.id, id));

export const idsOfOffering = async (q: Queryable, offeringId: string) =>
  (
    await q.select({ id: sections.id }).from(sections).where(eq(sections.offeringId, offeringId))
  ).map((r) => r.id);
