import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

describe.each(testDatabaseKinds())('users administration on %s', (kind) => {
  let t: TestApp;
  const ids: Record<string, string> = {};
  const cookie: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp(kind);
    const { database } = t.testDb;
    await seedTenant(database, 'alpha');
    await seedTenant(database, 'beta');
    const people: [string, string, 'tenant_admin' | 'staff' | 'instructor' | 'program_admin'][] = [
      ['admin@alpha.example.com', 'alpha', 'tenant_admin'],
      ['staff@alpha.example.com', 'alpha', 'staff'],
      ['zed@alpha.example.com', 'alpha', 'instructor'],
      ['pa@alpha.example.com', 'alpha', 'program_admin'],
      ['admin@beta.example.com', 'beta', 'tenant_admin'],
      ['other@beta.example.com', 'beta', 'staff'],
    ];
    for (const [email, slug, role] of people) {
      ids[email] = (await seedUser(database, email, slug, role)).id;
    }
    for (const who of [
      'admin@alpha.example.com',
      'staff@alpha.example.com',
      'admin@beta.example.com',
    ]) {
      cookie[who] = (await signIn(t.app, who)).cookie;
    }
  });
  afterAll(() => t.dispose());

  const as = (who: string) => ({
    get: (url: string) =>
      t.app.inject({ method: 'GET', url, headers: { cookie: cookie[who] ?? '' } }),
    send: (method: 'POST' | 'PATCH', url: string, payload?: object) =>
      t.app.inject({ method, url, headers: browserHeaders(cookie[who] ?? ''), payload }),
  });
  const admin = as('admin@alpha.example.com');

  it('lists the tenant’s members with search, filters, sorting and pagination', async () => {
    const all = (await admin.get('/api/users?sort=email&order=asc')).json();
    expect(all.total).toBe(4);
    expect(all.items.map((u: { email: string }) => u.email)).toEqual([
      'admin@alpha.example.com',
      'pa@alpha.example.com',
      'staff@alpha.example.com',
      'zed@alpha.example.com',
    ]);
    const desc = (await admin.get('/api/users?sort=email&order=desc&pageSize=25')).json();
    expect(desc.items[0].email).toBe('zed@alpha.example.com');
    expect((await admin.get('/api/users?search=ZED')).json().total).toBe(1);
    expect((await admin.get('/api/users?role=staff')).json().items[0]).toMatchObject({
      email: 'staff@alpha.example.com',
      status: 'active',
      locked: false,
    });
    const adminRow = all.items.find(
      (u: { email: string }) => u.email === 'admin@alpha.example.com',
    );
    expect(Date.now() - new Date(adminRow.lastSeenAt).getTime()).toBeLessThan(60_000);
    expect(
      all.items.find((u: { email: string }) => u.email === 'zed@alpha.example.com').lastSeenAt,
    ).toBeNull();
    const bad = await admin.get('/api/users?sort=password');
    expect(bad.statusCode).toBe(400);
  });

  it('changes a role and scope, audited with before and after', async () => {
    const changed = await admin.send('PATCH', `/api/users/${ids['zed@alpha.example.com']}`, {
      role: 'program_admin',
      scope: { programs: ['p1'] },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ role: 'program_admin', scope: { programs: ['p1'] } });
    const [audit] = await rows<{ changes: Record<string, unknown> }>(
      t.testDb.database,
      sql`select changes from audit_log where action = 'core.user.role_changed'`,
    );
    expect(audit?.changes).toEqual({
      role: ['instructor', 'program_admin'],
      scope: [{}, { programs: ['p1'] }],
    });
  });

  it('deactivates and reactivates a member, who then loses and regains the tenant', async () => {
    const staffMe = () => as('staff@alpha.example.com').get('/api/me');
    expect((await staffMe()).json().activeTenantId).not.toBeNull();
    const off = await admin.send('POST', `/api/users/${ids['staff@alpha.example.com']}/deactivate`);
    expect(off.json().status).toBe('deactivated');
    expect((await staffMe()).json()).toMatchObject({ tenants: [], activeTenantId: null });
    expect((await admin.get('/api/users?status=deactivated')).json().total).toBe(1);
    const on = await admin.send('POST', `/api/users/${ids['staff@alpha.example.com']}/reactivate`);
    expect(on.json().status).toBe('active');
    expect((await staffMe()).json().tenants).toHaveLength(1);
  });

  it('refuses to let admins deactivate or demote themselves', async () => {
    const self = ids['admin@alpha.example.com'];
    const deactivate = await admin.send('POST', `/api/users/${self}/deactivate`);
    expect(deactivate.statusCode).toBe(400);
    expect(deactivate.json().error.code).toBe('cannot_change_self');
    const demote = await admin.send('PATCH', `/api/users/${self}`, { role: 'staff' });
    expect(demote.json().error.code).toBe('cannot_change_self');
  });

  it('unlocks a locked member and sends a reset link', async () => {
    for (let i = 0; i < 5; i++) await signIn(t.app, 'pa@alpha.example.com', 'wrong password!');
    expect((await admin.get('/api/users?search=pa@')).json().items[0].locked).toBe(true);
    const unlocked = await admin.send('POST', `/api/users/${ids['pa@alpha.example.com']}/unlock`);
    expect(unlocked.json().locked).toBe(false);
    expect((await signIn(t.app, 'pa@alpha.example.com', PASSWORD)).status).toBe(200);

    const reset = await admin.send('POST', `/api/users/${ids['pa@alpha.example.com']}/send-reset`);
    expect(reset.statusCode).toBe(204);
    const sent = await rows<{ n: number }>(
      t.testDb.database,
      sql`select count(*)::int as n from email_outbox where "to" = 'pa@alpha.example.com' and template = 'password-reset'`,
    );
    expect(sent[0]?.n).toBe(1);
  });

  it('denies other roles (403, audited) and hides other tenants’ members (404)', async () => {
    const staff = as('staff@alpha.example.com');
    const target = ids['zed@alpha.example.com'];
    const attempts = [
      await staff.get('/api/users'),
      await staff.send('PATCH', `/api/users/${target}`, { role: 'staff' }),
      await staff.send('POST', `/api/users/${target}/deactivate`),
      await staff.send('POST', `/api/users/${target}/unlock`),
      await staff.send('POST', `/api/users/${target}/send-reset`),
    ];
    expect(attempts.map((r) => r.statusCode)).toEqual([403, 403, 403, 403, 403]);
    const denied = await rows<{ n: number }>(
      t.testDb.database,
      sql`select count(*)::int as n from audit_log where outcome = 'denied' and actor_email = 'staff@alpha.example.com'`,
    );
    expect(denied[0]?.n).toBe(5);

    const beta = as('admin@beta.example.com');
    const list = (await beta.get('/api/users')).json();
    expect(list.items.map((u: { email: string }) => u.email).sort()).toEqual([
      'admin@beta.example.com',
      'other@beta.example.com',
    ]);
    const foreign = [
      await beta.send('PATCH', `/api/users/${target}`, { role: 'staff' }),
      await beta.send('POST', `/api/users/${target}/deactivate`),
      await beta.send('POST', `/api/users/${target}/unlock`),
      await beta.send('POST', `/api/users/${target}/send-reset`),
    ];
    expect(foreign.map((r) => r.statusCode)).toEqual([404, 404, 404, 404]);
  });
});
