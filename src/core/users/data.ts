import { and, asc, eq } from 'drizzle-orm';
import type { Queryable } from '../db/client.js';
import { accounts } from '../auth/schema.js';
import { memberships, tenants, users } from '../db/schema.js';

export type UserRow = typeof users.$inferSelect;
export type MembershipRow = typeof memberships.$inferSelect;

export const findByEmail = async (db: Queryable, email: string): Promise<UserRow | undefined> =>
  (await db.select().from(users).where(eq(users.email, email)).limit(1))[0];

export const insertUser = async (
  db: Queryable,
  values: typeof users.$inferInsert,
): Promise<UserRow | undefined> =>
  (await db.insert(users).values(values).onConflictDoNothing().returning())[0];

/** The email + password credential of a user (better-auth's `credential` account). */
export const insertPasswordCredential = async (
  db: Queryable,
  userId: string,
  passwordHash: string,
): Promise<void> => {
  await db
    .insert(accounts)
    .values({ userId, accountId: userId, providerId: 'credential', password: passwordHash });
};

export const insertMembership = async (
  db: Queryable,
  values: typeof memberships.$inferInsert,
): Promise<MembershipRow | undefined> =>
  (await db.insert(memberships).values(values).onConflictDoNothing().returning())[0];

/** Tenant-owned: returns only the memberships of the transaction's tenant (RLS). */
export const listMemberships = (db: Queryable): Promise<MembershipRow[]> =>
  db.select().from(memberships);

export interface UserTenant {
  tenantId: string;
  slug: string;
  name: string;
  modules: string[];
  isActive: boolean;
  /** null: a site admin in a tenant where they hold no membership. */
  role: MembershipRow['role'] | null;
  scope: MembershipRow['scope'];
}

const tenantColumns = {
  tenantId: tenants.id,
  slug: tenants.slug,
  name: tenants.name,
  modules: tenants.modules,
  isActive: tenants.isActive,
};

/** A user's memberships in active tenants (visible through the own-memberships policy). */
const listTenantsOfUser = (db: Queryable, userId: string): Promise<UserTenant[]> =>
  db
    .select({ ...tenantColumns, role: memberships.role, scope: memberships.scope })
    .from(memberships)
    .innerJoin(tenants, eq(tenants.id, memberships.tenantId))
    .where(
      and(
        eq(memberships.userId, userId),
        eq(memberships.status, 'active'),
        eq(tenants.isActive, true),
      ),
    )
    .orderBy(asc(tenants.name));

/** Every tenant, deactivated ones too, with the site admin's own membership where they hold one. */
async function listTenantsForSiteAdmin(db: Queryable, userId: string): Promise<UserTenant[]> {
  const rows = await db
    .select({ ...tenantColumns, role: memberships.role, scope: memberships.scope })
    .from(tenants)
    .leftJoin(
      memberships,
      and(
        eq(memberships.tenantId, tenants.id),
        eq(memberships.userId, userId),
        eq(memberships.status, 'active'),
      ),
    )
    .orderBy(asc(tenants.name));
  return rows.map((row) => ({ ...row, scope: row.scope ?? {} }));
}

/**
 * The tenants a user may enter: their memberships in active tenants, or, for a site admin, every
 * tenant (a deactivated one stays reachable to them, to inspect or reactivate it).
 */
export const listEnterableTenants = (
  db: Queryable,
  user: { id: string; isSiteAdmin: boolean },
): Promise<UserTenant[]> =>
  user.isSiteAdmin ? listTenantsForSiteAdmin(db, user.id) : listTenantsOfUser(db, user.id);
