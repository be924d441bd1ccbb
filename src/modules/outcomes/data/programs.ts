import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../../../core/db/client.js';
import type { OutcomesScope } from '../scope.js';
import { coursePrograms, programs } from '../schema.js';
import { programVisible } from './scope.js';
import { allOf, matches, ordering, rowsOf, type ListWindow } from './shared.js';

export const DEFAULT_PROGRAM_NAME = 'Unclassified';
export const PROGRAM_SORTS = ['name', 'shortName', 'courseCount'] as const;
export type ProgramSort = (typeof PROGRAM_SORTS)[number];

export type ProgramRow = typeof programs.$inferSelect;
export type ProgramValues = Pick<
  typeof programs.$inferInsert,
  'name' | 'shortName' | 'description'
>;

// Qualified by hand: drizzle leaves columns inside sql`` unqualified.
const courseCount = sql<number>`(select count(*)::int from course_programs cp
  where cp.program_id = "programs"."id")`;

const listed = {
  id: programs.id,
  name: programs.name,
  shortName: programs.shortName,
  description: programs.description,
  isDefault: programs.isDefault,
  courseCount,
};

/** The institution's default program, created on first use. */
export async function ensureDefault(q: Queryable, tenantId: string): Promise<ProgramRow> {
  const existing = await findDefault(q);
  if (existing) return existing;
  await q
    .insert(programs)
    .values({ tenantId, name: DEFAULT_PROGRAM_NAME, isDefault: true })
    .onConflictDoNothing();
  const created = await findDefault(q);
  if (!created) throw new Error('the default program could not be created');
  return created;
}

const findDefault = async (q: Queryable) =>
  (await q.select().from(programs).where(eq(programs.isDefault, true)).limit(1))[0];

export interface ProgramQuery extends ListWindow<ProgramSort> {
  search?: string;
  scope: OutcomesScope;
}

const sortColumns = { name: programs.name, shortName: programs.shortName, courseCount };

export async function list(q: Queryable, query: ProgramQuery) {
  const where = allOf(
    programVisible(query.scope, programs.id),
    matches(query.search, programs.name, programs.shortName),
  );
  const items = await q
    .select(listed)
    .from(programs)
    .where(where)
    .orderBy(...ordering(query.order, sortColumns[query.sort], programs.id))
    .limit(query.limit)
    .offset(query.offset);
  const [total] = await q
    .select({ n: sql<number>`count(*)::int` })
    .from(programs)
    .where(where);
  return { items, total: total?.n ?? 0 };
}

export const find = async (q: Queryable, scope: OutcomesScope, id: string) =>
  (
    await q
      .select(listed)
      .from(programs)
      .where(allOf(eq(programs.id, id), programVisible(scope, programs.id)))
  )[0];

/** Programs by id among those the scope sees (to check a list of ids a caller sent). */
export const findMany = (q: Queryable, scope: OutcomesScope, ids: readonly string[]) =>
  q
    .select({ id: programs.id, name: programs.name })
    .from(programs)
    .where(allOf(inArray(programs.id, [...ids]), programVisible(scope, programs.id)));

export const insert = async (q: Queryable, tenantId: string, values: ProgramValues) =>
  (
    await q
      .insert(programs)
      .values({ tenantId, ...values })
      .onConflictDoNothing()
      .returning()
  )[0];

export const update = async (q: Queryable, id: string, values: Partial<ProgramValues>) =>
  (
    await q
      .update(programs)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(programs.id, id))
      .returning()
  )[0];

export async function nameTaken(q: Queryable, name: string, exceptId?: string) {
  const [row] = await q
    .select({ id: programs.id })
    .from(programs)
    .where(sql`lower(${programs.name}) = lower(${name})`);
  return row !== undefined && row.id !== exceptId;
}

/**
 * Deletes a program. Its courses that belong to no other program move to the default one first,
 * so no course is left without a program.
 */
export async function removeMovingCourses(
  q: Queryable,
  tenantId: string,
  id: string,
  defaultId: string,
): Promise<number> {
  const moved = await q.execute(sql`
    insert into course_programs (tenant_id, course_id, program_id)
    select ${tenantId}::uuid, cp.course_id, ${defaultId}::uuid from course_programs cp
    where cp.program_id = ${id}::uuid
      and not exists (select 1 from course_programs other
                      where other.course_id = cp.course_id and other.program_id <> ${id}::uuid)
    on conflict do nothing
    returning course_id`);
  await q.delete(programs).where(and(eq(programs.id, id), eq(programs.isDefault, false)));
  return rowsOf(moved).length;
}

export const courseLinks = (q: Queryable, programId: string) =>
  q
    .select({ n: sql<number>`count(*)::int` })
    .from(coursePrograms)
    .where(eq(coursePrograms.programId, programId));

/** Every program the scope sees, by name: the choices of the active-program picker. */
export const choices = (q: Queryable, scope: OutcomesScope) =>
  q
    .select({ id: programs.id, name: programs.name })
    .from(programs)
    .where(programVisible(scope, programs.id))
    .orderBy(programs.name, programs.id);
