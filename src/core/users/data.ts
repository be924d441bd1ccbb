import { eq } from 'drizzle-orm';
import type { Queryable } from '../db/client.js';
import { memberships, users } from '../db/schema.js';

export type UserRow = typeof users.$inferSelect;
export type MembershipRow = typeof memberships.$inferSelect;

export const findByEmail = async (db: Queryable, email: string): Promise<UserRow | undefined> =>
  (await db.select().from(users).where(eq(users.email, email)).limit(1))[0];

export const insertUser = async (
  db: Queryable,
  values: typeof users.$inferInsert,
): Promise<UserRow | undefined> =>
  (await db.insert(users).values(values).onConflictDoNothing().returning())[0];

export const insertMembership = async (
  db: Queryable,
  values: typeof memberships.$inferInsert,
): Promise<MembershipRow | undefined> =>
  (await db.insert(memberships).values(values).onConflictDoNothing().returning())[0];

/** Tenant-owned: returns only the memberships of the transaction's tenant (RLS). */
export const listMemberships = (db: Queryable): Promise<MembershipRow[]> =>
  db.select().from(memberships);
