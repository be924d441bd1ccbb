import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit } from '../../src/core/audit/service.js';
import { tx } from '../../src/core/db/tx.js';
import { createUser } from '../../src/core/users/service.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { testDatabaseKinds } from '../support/databases.js';
import { PASSWORD, rows, seedTenant, seedUser, signIn } from '../support/identity.js';

describe.each(testDatabaseKinds())('audit log viewer on %s', (kind) => {
  let t: TestApp;
  const tenant: Record<string, string> = {};
  const cookie: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp(kind);
    const { database } = t.testDb;
    for (const slug of ['north', 'south']) {
      tenant[slug] = (await seedTenant(database, slug)).id;
      await seedUser(database, `admin@${slug}.example.com`, slug, 'tenant_admin');
    }
    await seedUser(database, 'staff@north.example.com', 'north', 'staff');
    await createUser(database.db, {
      email: 'root@example.com',
      password: PASSWORD,
      siteAdmin: true,
    });
    for (const [slug, n] of [
      ['north', 30],
      ['south', 3],
    ] as const) {
      await tx(database.db, { tenantId: tenant[slug] }, async (q) => {
        for (let i = 0; i < n; i++) {
          await recordAudit(
            q,
            {
              tenantId: tenant[slug],
              actor: { type: 'user', email: `editor${i % 2}@${slug}.example.com` },
            },
            {
              action: i % 3 ? 'engagement.event.update' : 'engagement.event.delete',
              target: { type: 'event', id: `ev-${slug}-${i}`, label: `Career fair ${i}` },
              changes: { title: ['Old', 'New'], apiToken: ['secret-a', 'secret-b'] },
            },
          );
        }
      });
    }
    for (const who of ['admin@north.example.com', 'staff@north.example.com', 'root@example.com']) {
      cookie[who] = (await signIn(t.app, who)).cookie;
    }
  });
  afterAll(() => t.dispose());

  const get = (who: string, url: string) =>
    t.app.inject({ method: 'GET', url, headers: { cookie: cookie[who] ?? '' } });

  it('shows a tenant admin only their tenant, newest first, paginated', async () => {
    const first = (
      await get('admin@north.example.com', '/api/audit?action=engagement.&pageSize=25')
    ).json();
    expect(first.total).toBe(30);
    expect(first.items).toHaveLength(25);
    expect(first.items.every((r: { tenantId: string }) => r.tenantId === tenant.north)).toBe(true);
    const times = first.items.map((r: { occurredAt: string }) => r.occurredAt);
    expect([...times].sort().reverse()).toEqual(times);
    const unfiltered = (await get('admin@north.example.com', '/api/audit?pageSize=100')).json();
    expect(unfiltered.total).toBeGreaterThan(30);
    expect(unfiltered.items.every((r: { tenantId: string }) => r.tenantId === tenant.north)).toBe(
      true,
    );
    const second = (
      await get('admin@north.example.com', '/api/audit?action=engagement.&page=2&pageSize=25')
    ).json();
    expect(second.items).toHaveLength(5);
  });

  it('filters by actor, action, target, outcome and dates, and redacts secrets', async () => {
    const byActor = (await get('admin@north.example.com', '/api/audit?actor=editor1@north')).json();
    expect(byActor.total).toBe(15);
    const byAction = (
      await get('admin@north.example.com', '/api/audit?action=engagement.event.delete')
    ).json();
    expect(byAction.total).toBe(10);
    const byTarget = (await get('admin@north.example.com', '/api/audit?target=ev-north-7')).json();
    expect(byTarget.items.map((r: { targetId: string }) => r.targetId)).toEqual(['ev-north-7']);
    expect(byTarget.items[0].changes).toEqual({
      title: ['Old', 'New'],
      apiToken: ['[redacted]', '[redacted]'],
    });
    const future = (await get('admin@north.example.com', '/api/audit?from=2999-01-01')).json();
    expect(future.total).toBe(0);
    const bad = await get('admin@north.example.com', '/api/audit?outcome=maybe&pageSize=7');
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(['outcome', 'pageSize']);
  });

  it('refuses staff with 403', async () => {
    expect((await get('staff@north.example.com', '/api/audit')).statusCode).toBe(403);
    expect((await get('staff@north.example.com', '/api/audit/export.csv')).statusCode).toBe(403);
  });

  it('shows a site admin every tenant', async () => {
    const all = (
      await get('root@example.com', '/api/audit?action=engagement.&pageSize=100')
    ).json();
    expect(all.total).toBe(33);
    const names = new Set(all.items.map((r: { tenantName: string }) => r.tenantName));
    expect([...names].sort()).toEqual(['Tenant north', 'Tenant south']);
    const platform = (await get('root@example.com', '/api/audit?action=core.tenant.create')).json();
    expect(platform.items[0]).toMatchObject({ tenantId: null, tenantName: null });
  });

  it('exports the filtered log as CSV and audits the export', async () => {
    const response = await get(
      'admin@north.example.com',
      '/api/audit/export.csv?action=engagement.event.delete',
    );
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    const lines = response.body.trim().split('\n');
    expect(lines[0]).toBe(
      'occurred_at,tenant_id,tenant_name,actor_type,actor_email,actor_role,action,outcome,target_type,target_id,target_label,changes,request_id,ip',
    );
    expect(lines).toHaveLength(11);
    expect(response.body).not.toContain('secret-a');
    const exports = await rows<{ n: number }>(
      t.testDb.database,
      sql`select count(*)::int as n from audit_log where action = 'core.audit.exported' and tenant_id = ${tenant.north}`,
    );
    expect(exports[0]?.n).toBe(1);
  });
});
