import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/core/users/service.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { testDatabaseKinds } from '../support/databases.js';
import {
  browserHeaders,
  PASSWORD,
  rows,
  seedTenant,
  seedUser,
  signIn,
} from '../support/identity.js';

describe.each(testDatabaseKinds())('tenant administration on %s', (kind) => {
  let t: TestApp;
  let root = '';
  let admin = '';
  let alphaId = '';

  beforeAll(async () => {
    t = await createTestApp(kind, { modules: () => [{ name: 'engagement', label: 'Engagement' }] });
    alphaId = (await seedTenant(t.testDb.database, 'alpha')).id;
    await seedUser(t.testDb.database, 'admin@alpha.example.com', 'alpha', 'tenant_admin');
    await createUser(t.testDb.database.db, {
      email: 'root@example.com',
      password: PASSWORD,
      siteAdmin: true,
    });
    root = (await signIn(t.app, 'root@example.com')).cookie;
    admin = (await signIn(t.app, 'admin@alpha.example.com')).cookie;
  });
  afterAll(() => t.dispose());

  it('lets a site admin create tenants, audited', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/admin/tenants',
      headers: browserHeaders(root),
      payload: { slug: 'kc-stem', name: 'KC STEM', modules: ['engagement'] },
    });
    expect(created.statusCode).toBe(201);
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/admin/tenants',
      headers: { cookie: root },
    });
    const summary = list
      .json()
      .items.map((x: { slug: string; members: number }) => [x.slug, x.members]);
    expect(summary).toEqual([
      ['kc-stem', 0],
      ['alpha', 1],
    ]);
    expect(list.json().modules).toEqual(['engagement']);
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/admin/tenants',
      headers: browserHeaders(root),
      payload: { slug: 'x', name: 'X', modules: ['crm'] },
    });
    expect(bad.statusCode).toBe(400);
    const [audit] = await rows<{ actor_email: string }>(
      t.testDb.database,
      sql`select actor_email from audit_log where action = 'core.tenant.create' and target_label = 'kc-stem'`,
    );
    expect(audit?.actor_email).toBe('root@example.com');
  });

  it('deactivates a tenant: its members lose it, its data stays', async () => {
    const before = await t.app.inject({
      method: 'GET',
      url: '/api/me',
      headers: { cookie: admin },
    });
    expect(before.json().activeTenantId).toBe(alphaId);
    const off = await t.app.inject({
      method: 'PATCH',
      url: `/api/admin/tenants/${alphaId}`,
      headers: browserHeaders(root),
      payload: { isActive: false },
    });
    expect(off.json().isActive).toBe(false);
    const after = await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: admin } });
    expect(after.json()).toMatchObject({ tenants: [], activeTenantId: null });
    const members = await rows<{ n: number }>(
      t.testDb.database,
      sql`select count(*)::int as n from memberships where tenant_id = ${alphaId}`,
    );
    expect(members[0]?.n).toBe(1);
    await t.app.inject({
      method: 'PATCH',
      url: `/api/admin/tenants/${alphaId}`,
      headers: browserHeaders(root),
      payload: { isActive: true },
    });
  });

  it('lets a site admin, and only a site admin, enter a deactivated tenant', async () => {
    const setActive = (isActive: boolean) =>
      t.app.inject({
        method: 'PATCH',
        url: `/api/admin/tenants/${alphaId}`,
        headers: browserHeaders(root),
        payload: { isActive },
      });
    const enter = (cookie: string) =>
      t.app.inject({
        method: 'PUT',
        url: '/api/me/active-tenant',
        headers: browserHeaders(cookie),
        payload: { tenantId: alphaId },
      });
    const rootMe = await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: root } });
    expect(rootMe.json().activeTenantId).toBeNull();
    await setActive(false);

    const refused = await enter(admin);
    expect(refused.statusCode).toBe(404);
    const adminMe = await t.app.inject({
      method: 'GET',
      url: '/api/me',
      headers: { cookie: admin },
    });
    expect(adminMe.json()).toMatchObject({ tenants: [], activeTenantId: null });
    const adminUsers = await t.app.inject({
      method: 'GET',
      url: '/api/users',
      headers: { cookie: admin },
    });
    expect(adminUsers.statusCode).toBe(403);

    const entered = await enter(root);
    expect(entered.statusCode).toBe(200);
    expect(entered.json().activeTenantId).toBe(alphaId);
    expect(entered.json().tenants).toContainEqual(
      expect.objectContaining({ id: alphaId, isActive: false, role: null }),
    );
    const members = await t.app.inject({
      method: 'GET',
      url: '/api/users',
      headers: { cookie: root },
    });
    expect(members.statusCode).toBe(200);
    expect(members.json().items.map((m: { email: string }) => m.email)).toEqual([
      'admin@alpha.example.com',
    ]);

    expect((await setActive(true)).json().isActive).toBe(true);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: admin } })).json()
        .activeTenantId,
    ).toBe(alphaId);
  });

  it('refuses tenant admins (403) on platform routes', async () => {
    const responses = [
      await t.app.inject({ method: 'GET', url: '/api/admin/tenants', headers: { cookie: admin } }),
      await t.app.inject({
        method: 'POST',
        url: '/api/admin/tenants',
        headers: browserHeaders(admin),
        payload: { slug: 'mine', name: 'Mine' },
      }),
      await t.app.inject({
        method: 'PATCH',
        url: `/api/admin/tenants/${alphaId}`,
        headers: browserHeaders(admin),
        payload: { name: 'Renamed' },
      }),
    ];
    expect(responses.map((r) => r.statusCode)).toEqual([403, 403, 403]);
  });
});
