import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../../core/db/client.js';
import type { OutcomesScope } from '../scope.js';
import { courses, offerings, terms } from '../schema.js';
import { courseVisible } from './scope.js';
import { allOf, countOf, matches, ordering, type ListWindow } from './shared.js';

export const OFFERING_SORTS = ['course', 'term', 'sectionCount'] as const;
export type OfferingSort = (typeof OFFERING_SORTS)[number];

// Qualified by hand: drizzle leaves columns inside sql`` unqualified.
const sectionCount = sql<number>`(select count(*)::int from sections s
  where s.offering_id = "offerings"."id")`;

const listed = {
  id: offerings.id,
  course: { id: courses.id, number: courses.number, title: courses.title },
  term: { id: terms.id, code: terms.code, name: terms.name },
  sectionCount,
};

export interface OfferingFilter {
  search?: string;
  termId?: string;
  courseId?: string;
  programId?: string;
  scope: OutcomesScope;
}

export type OfferingQuery = OfferingFilter & ListWindow<OfferingSort>;

const where = (q: Queryable, filter: OfferingFilter) =>
  allOf(
    courseVisible(q, filter.scope, offerings.courseId),
    matches(filter.search, courses.number, courses.title),
    filter.termId ? eq(offerings.termId, filter.termId) : undefined,
    filter.courseId ? eq(offerings.courseId, filter.courseId) : undefined,
    filter.programId
      ? sql`exists (select 1 from course_programs pf
          where pf.course_id = ${offerings.courseId} and pf.program_id = ${filter.programId}::uuid)`
      : undefined,
  );

const joined = (q: Queryable, condition: SQL | undefined) =>
  q
    .select(listed)
    .from(offerings)
    .innerJoin(courses, eq(courses.id, offerings.courseId))
    .innerJoin(terms, eq(terms.id, offerings.termId))
    .where(condition);

export async function list(q: Queryable, query: OfferingQuery) {
  const condition = where(q, query);
  const sortColumns = { course: courses.number, term: terms.startDate, sectionCount };
  const items = await joined(q, condition)
    .orderBy(...ordering(query.order, sortColumns[query.sort], offerings.id))
    .limit(query.limit)
    .offset(query.offset);
  return { items, total: await countOf(q, joined(q, condition)) };
}

export const find = async (q: Queryable, scope: OutcomesScope, id: string) =>
  (await joined(q, and(eq(offerings.id, id), where(q, { scope }))))[0];

export const findByCourseTerm = async (q: Queryable, courseId: string, termId: string) =>
  (
    await q
      .select()
      .from(offerings)
      .where(and(eq(offerings.courseId, courseId), eq(offerings.termId, termId)))
  )[0];

export const insert = async (
  q: Queryable,
  tenantId: string,
  values: { courseId: string; termId: string },
) =>
  (
    await q
      .insert(offerings)
      .values({ tenantId, ...values })
      .onConflictDoNothing()
      .returning()
  )[0];

export const remove = (q: Queryable, id: string) => q.delete(offerings).where(eq(offerings.id, id));
