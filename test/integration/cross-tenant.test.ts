import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit } from '../../src/core/audit/service.js';
import { tx } from '../../src/core/db/tx.js';
import type { TestApp } from '../support/app.js';
import { testDatabaseKinds } from '../support/databases.js';
import {
  createEngagementApp,
  seedEngagementData,
  seedEngagementTenant,
} from '../support/engagement.js';
import { browserHeaders, seedUser, signIn } from '../support/identity.js';

const NOT_TENANT_LISTS = /^\/api\/(auth|docs|health|ready|me)\b/;

describe.each(testDatabaseKinds())('cross-tenant isolation of every list route on %s', (kind) => {
  let t: TestApp;
  let cookieA = '';
  const secretsOfB: string[] = [];

  beforeAll(async () => {
    t = await createEngagementApp(kind);
    const { database } = t.testDb;
    const a = await seedEngagementTenant(database, 'tenant-a');
    const b = await seedEngagementTenant(database, 'tenant-b');
    await seedEngagementData(database, a.id);
    await seedEngagementData(database, b.id, 'Bsecret');
    secretsOfB.push('Bsecret', 'bsecret');
    secretsOfB.push(b.id, 'tenant-b');
    await seedUser(database, 'admin@a.example.com', 'tenant-a', 'tenant_admin');
    await seedUser(database, 'admin@b.example.com', 'tenant-b', 'tenant_admin');
    await seedUser(database, 'member@b.example.com', 'tenant-b', 'staff');
    secretsOfB.push('admin@b.example.com', 'member@b.example.com');
    const { cookie: cookieB } = await signIn(t.app, 'admin@b.example.com');
    await t.app.inject({
      method: 'POST',
      url: '/api/invitations',
      headers: browserHeaders(cookieB),
      payload: { email: 'invitee@b.example.com', role: 'staff' },
    });
    secretsOfB.push('invitee@b.example.com');
    await tx(database.db, { tenantId: b.id }, (q) =>
      recordAudit(
        q,
        { tenantId: b.id, actor: { type: 'system' } },
        {
          action: 'engagement.event.delete',
          target: { type: 'event', label: 'B-only career fair' },
        },
      ),
    );
    secretsOfB.push('B-only career fair');
    cookieA = (await signIn(t.app, 'admin@a.example.com')).cookie;
  });
  afterAll(() => t.dispose());

  it('returns no row of tenant B from any list endpoint called as tenant A', async () => {
    const lists = t.app.routeTable.filter(
      (route) =>
        [route.method].flat().includes('GET') &&
        route.url.startsWith('/api/') &&
        !route.url.includes(':') &&
        !route.url.includes('*') &&
        !NOT_TENANT_LISTS.test(route.url) &&
        route.config?.permission?.[1] !== 'Platform',
    );
    expect(lists.map((r) => r.url).sort()).toEqual(
      expect.arrayContaining([
        '/api/audit',
        '/api/audit/export.csv',
        '/api/engagement/data-quality',
        '/api/engagement/districts',
        '/api/engagement/events',
        '/api/engagement/history',
        '/api/engagement/history/filters',
        '/api/engagement/organizations',
        '/api/engagement/organizations/types',
        '/api/engagement/places',
        '/api/engagement/schools',
        '/api/engagement/students',
        '/api/engagement/teachers',
        '/api/engagement/volunteers',
        '/api/invitations',
        '/api/users',
      ]),
    );
    for (const route of lists) {
      const response = await t.app.inject({
        method: 'GET',
        url: route.url,
        headers: { cookie: cookieA },
      });
      expect(response.statusCode, route.url).toBe(200);
      for (const secret of secretsOfB)
        expect(response.body, `${route.url} leaks ${secret}`).not.toContain(secret);
    }
  });

  it('declares a permission on every registered route', () => {
    const undeclared = t.app.routeTable.filter((route) => route.config?.permission === undefined);
    expect(undeclared).toEqual([]);
    expect(t.app.routeTable.length).toBeGreaterThan(20);
  });
});
