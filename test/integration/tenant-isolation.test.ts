import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberships } from '../../src/core/db/schema.js';
import { tx } from '../../src/core/db/tx.js';
import { createTenant } from '../../src/core/tenants/service.js';
import { createUser } from '../../src/core/users/service.js';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../support/databases.js';

describe.each(testDatabaseKinds())('row-level security on %s', (kind) => {
  let t: TestDatabase;
  const tenant: Record<'a' | 'b', string> = { a: '', b: '' };

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    const { db } = t.database;
    for (const key of ['a', 'b'] as const) {
      tenant[key] = (await createTenant(db, { slug: `tenant-${key}`, name: key }, [])).id;
      for (const n of [1, 2]) {
        await createUser(db, {
          email: `${key}${n}@example.com`,
          password: 'long enough password',
          membership: { tenantSlug: `tenant-${key}`, role: 'staff' },
        });
      }
    }
  });
  afterAll(() => t.dispose());

  it('a query that forgets its tenant filter still sees only the current tenant', async () => {
    const rows = await tx(t.database.db, { tenantId: tenant.a }, (q) =>
      q.select().from(memberships),
    );
    expect(rows).toHaveLength(2);
    expect(new Set(rows.map((r) => r.tenantId))).toEqual(new Set([tenant.a]));
  });

  it('outside any tenant, tenant-owned rows are invisible', async () => {
    const rows = await tx(t.database.db, {}, (q) => q.select().from(memberships));
    expect(rows).toEqual([]);
  });

  it('refuses to write a row into another tenant', async () => {
    const users = await tx(t.database.db, {}, (q) =>
      q.execute(sql`select id from users where email = 'a1@example.com'`),
    );
    const userId = (users as unknown as { rows: { id: string }[] }).rows[0]?.id ?? '';
    await expect(
      tx(t.database.db, { tenantId: tenant.a }, (q) =>
        q.insert(memberships).values({ tenantId: tenant.b, userId, role: 'staff' }),
      ),
    ).rejects.toThrow();
  });

  it('cannot update or delete another tenant’s rows', async () => {
    const changed = await tx(t.database.db, { tenantId: tenant.a }, async (q) => {
      const updated = await q.update(memberships).set({ role: 'tenant_admin' }).returning();
      const deleted = await q.delete(memberships).returning();
      return { updated, deleted };
    });
    expect(changed.updated.every((r) => r.tenantId === tenant.a)).toBe(true);
    expect(changed.deleted).toHaveLength(2);
    const remaining = await tx(t.database.db, { tenantId: tenant.b }, (q) =>
      q.select().from(memberships),
    );
    expect(remaining).toHaveLength(2);
    expect(remaining.every((r) => r.role === 'staff')).toBe(true);
  });

  it('runs application queries as a role that cannot bypass row-level security', async () => {
    const role = await tx(t.database.db, {}, (q) =>
      q.execute(
        sql`select current_user as name, rolsuper, rolbypassrls from pg_roles where rolname = current_user`,
      ),
    );
    expect((role as unknown as { rows: unknown[] }).rows[0]).toEqual({
      name: 'eduledger_app',
      rolsuper: false,
      rolbypassrls: false,
    });
  });
});
