import { eq, sql } from 'drizzle-orm';
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
