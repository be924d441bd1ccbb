import { asc, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../db/client.js';
import { tenants } from '../db/schema.js';

export type TenantRow = typeof tenants.$inferSelect;

export const findBySlug = async (db: Queryable, slug: string): Promise<TenantRow | undefined> =>
  (await db.select().from(tenants).where(eq(tenants.slug, slug)).limit(1))[0];

export const insert = async (
  db: Queryable,
  values: typeof tenants.$inferInsert,
): Promise<TenantRow | undefined> =>
  (await db.insert(tenants).values(values).onConflictDoNothing().returning())[0];

export const count = async (db: Queryable): Promise<number> =>
  (await db.select({ n: sql<number>`count(*)::int` }).from(tenants))[0]?.n ?? 0;

export const findById = async (db: Queryable, id: string): Promise<TenantRow | undefined> =>
  (await db.select().from(tenants).where(eq(tenants.id, id)))[0];

/** Every tenant with its member count (platform administration). */
export const listWithCounts = (db: Queryable) =>
  db
    .select({
      id: tenants.id,
      slug: tenants.slug,
      name: tenants.name,
      modules: tenants.modules,
      isActive: tenants.isActive,
      createdAt: tenants.createdAt,
      // Qualified by hand: drizzle leaves columns inside sql`` unqualified.
      members: sql<number>`(select count(*)::int from memberships m where m.tenant_id = "tenants"."id")`,
    })
    .from(tenants)
    .orderBy(asc(tenants.name));

export const update = async (
  db: Queryable,
  id: string,
  values: Partial<Pick<typeof tenants.$inferInsert, 'name' | 'modules' | 'isActive'>>,
) => (await db.update(tenants).set(values).where(eq(tenants.id, id)).returning())[0];
