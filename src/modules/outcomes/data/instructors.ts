import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { users } from '../../../core/auth/schema.js';
import type { Queryable } from '../../../core/db/client.js';
import type { InstructorStatus } from '../enums.js';
import { instructors } from '../schema.js';
import { allOf, countOf, matches, ordering, type ListWindow } from './shared.js';

export const INSTRUCTOR_SORTS = ['name', 'email', 'status', 'sectionCount'] as const;
export type InstructorSort = (typeof INSTRUCTOR_SORTS)[number];

export type InstructorRow = typeof instructors.$inferSelect;

/**
 * `needs_email` without an email; `active` once the account with that email is active (the
 * invitation was accepted); `pending` in between. Joined by email, so it is right even before
 * the account is linked.
 */
export const instructorStatus = sql<InstructorStatus>`case
  when ${instructors.email} is null then 'needs_email'
  when ${users.status} = 'active' then 'active'
  else 'pending' end`;

// Qualified by hand: drizzle leaves columns inside sql`` unqualified.
const sectionCount = sql<number>`(select count(*)::int from sections s
  where s.instructor_id = "instructors"."id")`;

const listed = {
  id: instructors.id,
  name: instructors.name,
  email: instructors.email,
  status: instructorStatus,
  userId: instructors.userId,
  sectionCount,
};

export interface InstructorQuery extends ListWindow<InstructorSort> {
  search?: string;
  status?: InstructorStatus;
}

const joined = (q: Queryable, condition: SQL | undefined) =>
  q
    .select(listed)
    .from(instructors)
    .leftJoin(users, eq(users.email, instructors.email))
    .where(condition);

export async function list(q: Queryable, query: InstructorQuery) {
  const where = allOf(
    matches(query.search, instructors.name, instructors.email),
    query.status ? sql`${instructorStatus} = ${query.status}` : undefined,
  );
  const sortColumns = {
    name: instructors.name,
    email: instructors.email,
    status: instructorStatus,
    sectionCount,
  };
  const items = await joined(q, where)
    .orderBy(...ordering(query.order, sortColumns[query.sort], instructors.id))
    .limit(query.limit)
    .offset(query.offset);
  return { items, total: await countOf(q, joined(q, where)) };
}

export const find = async (q: Queryable, id: string) =>
  (await joined(q, eq(instructors.id, id)))[0];

export const findByEmail = async (q: Queryable, email: string) =>
  (await q.select().from(instructors).where(eq(instructors.email, email)))[0];

/** The instructor known only by this name (no email yet). */
export const findByNameWithoutEmail = async (q: Queryable, name: string) =>
  (
    await q
      .select()
      .from(instructors)
      .where(and(isNull(instructors.email), sql`lower(${instructors.name}) = lower(${name})`))
  )[0];

/** The account with this email, if there is one (to link the instructor to it). */
export const userIdForEmail = async (q: Queryable, email: string | null) =>
  email === null
    ? null
    : ((await q.select({ id: users.id }).from(users).where(eq(users.email, email)))[0]?.id ?? null);

export interface InstructorValues {
  name: string;
  email: string | null;
  userId: string | null;
}

export const insert = async (q: Queryable, tenantId: string, values: InstructorValues) =>
  (
    await q
      .insert(instructors)
      .values({ tenantId, ...values })
      .onConflictDoNothing()
      .returning()
  )[0];

export const update = async (q: Queryable, id: string, values: Partial<InstructorValues>) =>
  (
    await q
      .update(instructors)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(instructors.id, id))
      .returning()
  )[0];
