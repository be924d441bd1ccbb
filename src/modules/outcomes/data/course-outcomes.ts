import { asc, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../../core/db/client.js';
import { courseOutcomes } from '../schema.js';

export type CourseOutcomeRow = typeof courseOutcomes.$inferSelect;
export type CourseOutcomeValues = Pick<
  typeof courseOutcomes.$inferInsert,
  'number' | 'description' | 'isActive'
>;

// Qualified by hand: drizzle leaves columns inside sql`` unqualified.
const resultCount = sql<number>`(select count(*)::int from section_outcomes so
  where so.course_outcome_id = "course_outcomes"."id"
    and (so.took is not null or so.passed is not null or so.tool is not null))`;

const listed = {
  id: courseOutcomes.id,
  courseId: courseOutcomes.courseId,
  number: courseOutcomes.number,
  description: courseOutcomes.description,
  isActive: courseOutcomes.isActive,
  /** Section outcomes of this CLO that hold data: such a CLO is deactivated, never deleted. */
  resultCount,
};

export const listForCourse = (q: Queryable, courseId: string) =>
  q
    .select(listed)
    .from(courseOutcomes)
    .where(eq(courseOutcomes.courseId, courseId))
    .orderBy(asc(courseOutcomes.number));

export const find = async (q: Queryable, id: string) =>
  (await q.select(listed).from(courseOutcomes).where(eq(courseOutcomes.id, id)))[0];

export async function nextNumber(q: Queryable, courseId: string) {
  const [row] = await q
    .select({ highest: sql<number>`coalesce(max(${courseOutcomes.number}), 0)::int` })
    .from(courseOutcomes)
    .where(eq(courseOutcomes.courseId, courseId));
  return (row?.highest ?? 0) + 1;
}

export const insert = async (
  q: Queryable,
  tenantId: string,
  courseId: string,
  values: CourseOutcomeValues,
) =>
  (
    await q
      .insert(courseOutcomes)
      .values({ tenantId, courseId, ...values })
      .onConflictDoNothing()
      .returning()
  )[0];

export const update = async (q: Queryable, id: string, values: Partial<CourseOutcomeValues>) =>
  (
    await q
      .update(courseOutcomes)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(courseOutcomes.id, id))
      .returning()
  )[0];

export const remove = (q: Queryable, id: string) =>
  q.delete(courseOutcomes).where(eq(courseOutcomes.id, id));

/** Copies the CLOs of one course to another (duplicating a course). */
export const copy = (q: Queryable, tenantId: string, fromCourseId: string, toCourseId: string) =>
  q.execute(sql`
    insert into course_outcomes (tenant_id, course_id, number, description, is_active)
    select ${tenantId}::uuid, ${toCourseId}::uuid, number, description, is_active
    from course_outcomes where course_id = ${fromCourseId}::uuid`);
