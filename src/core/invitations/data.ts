import { and, desc, eq } from 'drizzle-orm';
import { accounts, users } from '../auth/schema.js';
import type { Queryable } from '../db/client.js';
import { memberships, tenants } from '../db/schema.js';
import { invitations } from './schema.js';

export type InvitationRow = typeof invitations.$inferSelect;

export const findUserByEmail = async (db: Queryable, email: string) =>
  (await db.select().from(users).where(eq(users.email, email)))[0];

export const insertPendingUser = async (db: Queryable, email: string) =>
  (await db.insert(users).values({ email, status: 'pending' }).returning())[0];

export const findMembership = async (db: Queryable, tenantId: string, userId: string) =>
  (
    await db
      .select()
      .from(memberships)
      .where(and(eq(memberships.tenantId, tenantId), eq(memberships.userId, userId)))
  )[0];

export const insert = async (db: Queryable, values: typeof invitations.$inferInsert) =>
  (await db.insert(invitations).values(values).returning())[0];

export const findById = async (db: Queryable, id: string) =>
  (await db.select().from(invitations).where(eq(invitations.id, id)))[0];

export const findByTokenHash = async (db: Queryable, tokenHash: string) =>
  (
    await db
      .select({ invitation: invitations, tenantName: tenants.name, tenantModules: tenants.modules })
      .from(invitations)
      .innerJoin(tenants, eq(tenants.id, invitations.tenantId))
      .where(eq(invitations.tokenHash, tokenHash))
  )[0];

export const list = (db: Queryable, status?: InvitationRow['status']) =>
  db
    .select()
    .from(invitations)
    .where(status ? eq(invitations.status, status) : undefined)
    .orderBy(desc(invitations.createdAt));

export const update = async (
  db: Queryable,
  id: string,
  values: Partial<typeof invitations.$inferInsert>,
) => (await db.update(invitations).set(values).where(eq(invitations.id, id)).returning())[0];

export const cancelPendingFor = (db: Queryable, email: string) =>
  db
    .update(invitations)
    .set({ status: 'cancelled' })
    .where(and(eq(invitations.email, email), eq(invitations.status, 'pending')));

/** The argon2id hash of a user's password, if they have one. */
export const credentialOf = async (db: Queryable, userId: string) =>
  (
    await db
      .select({ password: accounts.password })
      .from(accounts)
      .where(and(eq(accounts.userId, userId), eq(accounts.providerId, 'credential')))
  )[0]?.password ?? undefined;
