import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { type PgSelect } from 'drizzle-orm/pg-core';
import type { Queryable } from '../../../core/db/client.js';
import { OUTCOME_STATUSES, type OutcomeStatus } from '../enums.js';
import type { OutcomesScope } from '../scope.js';
import {
  courseOutcomes,
  courses,
  instructors,
  offerings,
  sectionOutcomes,
  sections,
  terms,
} from '../schema.js';
import { sectionVisible } from './scope.js';
import { sectionStatus } from './sections.js';
import { allOf, ordering, type ListWindow } from './shared.js';
import { dueDateOf } from './workflow.js';

/*
 * SQL of the review queue (§3.2): section outcomes in the reviewer's scope, filtered, sorted,
 * paged and counted by status; and the outcomes a review action moves, locked.
 */

export const REVIEW_SORTS = [
  'course',
  'section',
  'clo',
  'status',
  'instructor',
  'updated',
] as const;
export type ReviewSort = (typeof REVIEW_SORTS)[number];

export interface ReviewFilter {
  termId?: string;
  programId?: string;
  courseId?: string;
  instructorId?: string;
  status?: OutcomeStatus;
  scope: OutcomesScope;
}

const row = {
  id: sectionOutcomes.id,
  status: sectionOutcomes.status,
  took: sectionOutcomes.took,
  passed: sectionOutcomes.passed,
  tool: sectionOutcomes.tool,
  nciReason: sectionOutcomes.nciReason,
  updatedAt: sectionOutcomes.updatedAt,
  clo: {
    id: courseOutcomes.id,
    number: courseOutcomes.number,
    description: courseOutcomes.description,
  },
  section: {
    id: sections.id,
    number: sections.number,
    dueDate: dueDateOf,
    status: sectionStatus,
  },
  course: { id: courses.id, number: courses.number, title: courses.title },
  term: { id: terms.id, code: terms.code, name: terms.name },
  instructorId: instructors.id,
  instructorName: instructors.name,
  instructorEmail: instructors.email,
};

/** The queue's joins on a select from section outcomes. */
const joined = <T extends PgSelect>(select: T) =>
  select
    .innerJoin(courseOutcomes, eq(courseOutcomes.id, sectionOutcomes.courseOutcomeId))
    .innerJoin(sections, eq(sections.id, sectionOutcomes.sectionId))
    .innerJoin(offerings, eq(offerings.id, sections.offeringId))
    .innerJoin(courses, eq(courses.id, offerings.courseId))
    .innerJoin(terms, eq(terms.id, offerings.termId))
    .leftJoin(instructors, eq(instructors.id, sections.instructorId));

/** The filters without the status (the counts per status use these). */
const scoped = (q: Queryable, filter: ReviewFilter) =>
  allOf(
    sectionVisible(q, filter.scope),
    filter.termId ? eq(offerings.termId, filter.termId) : undefined,
    filter.courseId ? eq(offerings.courseId, filter.courseId) : undefined,
    filter.instructorId ? eq(sections.instructorId, filter.instructorId) : undefined,
    filter.programId
      ? sql`exists (select 1 from course_programs pf
          where pf.course_id = ${offerings.courseId} and pf.program_id = ${filter.programId}::uuid)`
      : undefined,
  );

interface InstructorFields {
  instructorId: string | null;
  instructorName: string | null;
  instructorEmail: string | null;
}

const shaped = <T extends InstructorFields>({
  instructorId,
  instructorName,
  instructorEmail,
  ...rest
}: T) => ({
  ...rest,
  instructor:
    instructorId === null
      ? null
      : { id: instructorId, name: instructorName ?? '', email: instructorEmail },
});

/** A page of the queue, its total, and the counts per status over the same filters but status. */
export async function list(q: Queryable, query: ReviewFilter & ListWindow<ReviewSort>) {
  const base = scoped(q, query);
  const where = and(base, query.status ? eq(sectionOutcomes.status, query.status) : undefined);
  const sortColumns = {
    course: courses.number,
    section: sections.number,
    clo: courseOutcomes.number,
    status: sectionOutcomes.status,
    instructor: instructors.name,
    updated: sectionOutcomes.updatedAt,
  };
  const items = await joined(q.select(row).from(sectionOutcomes).$dynamic())
    .where(where)
    .orderBy(
      ...ordering(
        query.order,
        sortColumns[query.sort],
        courses.number,
        terms.startDate,
        sections.number,
        courseOutcomes.number,
        sectionOutcomes.id,
      ),
    )
    .limit(query.limit)
    .offset(query.offset);
  const grouped = await joined(
    q
      .select({ status: sectionOutcomes.status, n: sql<number>`count(*)::int` })
      .from(sectionOutcomes)
      .$dynamic(),
  )
    .where(base)
    .groupBy(sectionOutcomes.status);
  const counts = Object.fromEntries(OUTCOME_STATUSES.map((s) => [s, 0])) as Record<
    OutcomeStatus,
    number
  >;
  for (const group of grouped) counts[group.status] = group.n;
  const total = query.status
    ? counts[query.status]
    : Object.values(counts).reduce((sum, n) => sum + n, 0);
  return { items: items.map((item) => shaped(item)), total, counts };
}

/** The outcomes an action names, in the scope, locked until the transaction ends. */
export const findForAction = (q: Queryable, scope: OutcomesScope, ids: readonly string[]) =>
  joined(
    q
      .select({
        id: sectionOutcomes.id,
        status: sectionOutcomes.status,
        nciReason: sectionOutcomes.nciReason,
        cloNumber: courseOutcomes.number,
        sectionId: sections.id,
        sectionNumber: sections.number,
        courseNumber: courses.number,
        termCode: terms.code,
        instructorName: instructors.name,
        instructorEmail: instructors.email,
      })
      .from(sectionOutcomes)
      .$dynamic(),
  )
    .where(and(inArray(sectionOutcomes.id, [...ids]), sectionVisible(q, scope)))
    .orderBy(asc(courses.number), asc(sections.number), asc(courseOutcomes.number))
    .for('update', { of: sectionOutcomes });

export type ActionTarget = Awaited<ReturnType<typeof findForAction>>[number];
