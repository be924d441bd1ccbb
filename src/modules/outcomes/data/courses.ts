import { and, asc, eq, inArray, notInArray, sql } from 'drizzle-orm';
import type { Queryable } from '../../../core/db/client.js';
import type { OutcomesScope } from '../scope.js';
import { coursePrograms, courses, programs } from '../schema.js';
import { courseVisible } from './scope.js';
import { allOf, matches, ordering, type ListWindow } from './shared.js';

export const COURSE_SORTS = [
  'number',
  'title',
  'creditHours',
  'outcomeCount',
  'offeringCount',
] as const;
export type CourseSort = (typeof COURSE_SORTS)[number];

export type CourseRow = typeof courses.$inferSelect;
export type CourseValues = Pick<typeof courses.$inferInsert, 'number' | 'title' | 'creditHours'>;

// Qualified by hand: drizzle leaves columns inside sql`` unqualified.
const outcomeCount = sql<number>`(select count(*)::int from course_outcomes co
  where co.course_id = "courses"."id" and co.is_active)`;
const offeringCount = sql<number>`(select count(*)::int from offerings o
  where o.course_id = "courses"."id")`;

const listed = {
  id: courses.id,
  number: courses.number,
  title: courses.title,
  creditHours: courses.creditHours,
  outcomeCount,
  offeringCount,
};

export interface CourseQuery extends ListWindow<CourseSort> {
  search?: string;
  programId?: string;
  scope: OutcomesScope;
}

const sortColumns = {
  number: courses.number,
  title: courses.title,
  creditHours: courses.creditHours,
  outcomeCount,
  offeringCount,
};

function where(q: Queryable, query: Omit<CourseQuery, keyof ListWindow<CourseSort>>) {
  return allOf(
    courseVisible(q, query.scope, courses.id),
    matches(query.search, courses.number, courses.title),
    query.programId
      ? sql`exists (select 1 from course_programs pf
          where pf.course_id = ${courses.id} and pf.program_id = ${query.programId}::uuid)`
      : undefined,
  );
}

/** The programs of each course, by course id. */
export async function programsOf(q: Queryable, courseIds: readonly string[]) {
  const byCourse = new Map<string, { id: string; name: string }[]>();
  if (courseIds.length === 0) return byCourse;
  const links = await q
    .select({ courseId: coursePrograms.courseId, id: programs.id, name: programs.name })
    .from(coursePrograms)
    .innerJoin(programs, eq(programs.id, coursePrograms.programId))
    .where(inArray(coursePrograms.courseId, [...courseIds]))
    .orderBy(asc(programs.name));
  for (const { courseId, ...program } of links) {
    byCourse.set(courseId, [...(byCourse.get(courseId) ?? []), program]);
  }
  return byCourse;
}

const withPrograms = async <T extends { id: string }>(q: Queryable, rows: T[]) => {
  const byCourse = await programsOf(
    q,
    rows.map((r) => r.id),
  );
  return rows.map((row) => ({ ...row, programs: byCourse.get(row.id) ?? [] }));
};

export async function list(q: Queryable, query: CourseQuery) {
  const condition = where(q, query);
  const rows = await q
    .select(listed)
    .from(courses)
    .where(condition)
    .orderBy(...ordering(query.order, sortColumns[query.sort], courses.id))
    .limit(query.limit)
    .offset(query.offset);
  const [total] = await q
    .select({ n: sql<number>`count(*)::int` })
    .from(courses)
    .where(condition);
  return { items: await withPrograms(q, rows), total: total?.n ?? 0 };
}

export async function find(q: Queryable, scope: OutcomesScope, id: string) {
  const rows = await q
    .select(listed)
    .from(courses)
    .where(allOf(eq(courses.id, id), courseVisible(q, scope, courses.id)));
  return (await withPrograms(q, rows))[0];
}

export const findByNumber = async (q: Queryable, number: string) =>
  (await q.select().from(courses).where(eq(courses.number, number)))[0];

export const insert = async (q: Queryable, tenantId: string, values: CourseValues) =>
  (
    await q
      .insert(courses)
      .values({ tenantId, ...values })
      .onConflictDoNothing()
      .returning()
  )[0];

export const update = async (q: Queryable, id: string, values: Partial<CourseValues>) =>
  (
    await q
      .update(courses)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(courses.id, id))
      .returning()
  )[0];

export const remove = (q: Queryable, id: string) => q.delete(courses).where(eq(courses.id, id));

/** Replaces the programs of a course. */
export async function setPrograms(
  q: Queryable,
  tenantId: string,
  courseId: string,
  programIds: readonly string[],
) {
  await q
    .delete(coursePrograms)
    .where(
      and(
        eq(coursePrograms.courseId, courseId),
        notInArray(coursePrograms.programId, [...programIds]),
      ),
    );
  if (programIds.length === 0) return;
  await q
    .insert(coursePrograms)
    .values(programIds.map((programId) => ({ tenantId, courseId, programId })))
    .onConflictDoNothing();
}
