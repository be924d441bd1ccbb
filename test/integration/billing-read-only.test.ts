import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { HTTPMethods } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WRITES_ALLOWED_WHEN_READ_ONLY } from '../../src/core/billing/read-only.js';
import { runBilling } from '../../src/core/billing/run.js';
import { startTrial } from '../../src/core/billing/subscriptions.js';
import type { Database } from '../../src/core/db/client.js';
import { registeredPipelines } from '../../src/core/imports/system.js';
import { queueScheduledRuns, type WorkerDeps } from '../../src/core/imports/worker.js';
import { createLogger } from '../../src/core/observe/logger.js';
import { outboxEmailSender } from '../../src/core/email/sender.js';
import { createTenant } from '../../src/core/tenants/service.js';
import { createUser } from '../../src/core/users/service.js';
import { modules } from '../../src/modules/registry.js';
import { createTestApp, TEST_BASE_URL, type TestApp } from '../support/app.js';
import { inDays, testBillingDeps } from '../support/billing.js';
import { testDatabaseKinds } from '../support/databases.js';
import { PASSWORD, rows, signIn } from '../support/identity.js';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
const SOME_ID = '00000000-0000-4000-8000-000000000000';

interface RouteCase {
  method: string;
  url: string;
  permission: unknown;
}

/** Every registered route, one case per method, from the app's own route table. */
function routeCases(t: TestApp): RouteCase[] {
  return t.app.routeTable.flatMap((route) =>
    ([] as HTTPMethods[])
      .concat(route.method)
      .map((method) => ({ method, url: route.url, permission: route.config?.permission })),
  );
}

/** A concrete path for a route pattern: ids for parameters, a segment for wildcards. */
const concrete = (url: string) => url.replace(/:[A-Za-z]+/g, SOME_ID).replace(/\*$/, 'anything');

describe.each(testDatabaseKinds())('read-only tenants over every route on %s', (kind) => {
  let t: TestApp;
  let tenantId = '';
  const cookies: Record<string, string> = {};

  const inject = (who: string, method: string, url: string) =>
    t.app.inject({
      method: method as HTTPMethods,
      url,
      headers: { cookie: cookies[who] ?? '', origin: TEST_BASE_URL },
      ...(SAFE.has(method) ? {} : { payload: {} }),
    });

  beforeAll(async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'edl-readonly-'));
    t = await createTestApp(kind, {
      modules: () => [...modules],
      // Every optional route family is mounted, so "all routes" means all of them.
      selfRegistration: true,
      imports: (database: Database) => ({
        db: database.db,
        pipelines: registeredPipelines(modules),
        config: { salesforce: null, uploadMaxBytes: 1024 * 1024 },
        dataDir,
        trigger: () => undefined,
      }),
    });
    const { database } = t.testDb;
    const names = modules.map((m) => m.name);
    tenantId = (
      await createTenant(
        database.db,
        { slug: 'frozen', name: 'Frozen College', modules: names },
        names,
      )
    ).id;
    await createUser(database.db, {
      email: 'admin@frozen.example.edu',
      password: PASSWORD,
      membership: { tenantSlug: 'frozen', role: 'tenant_admin' },
    });
    await createUser(database.db, {
      email: 'root@platform.example.com',
      password: PASSWORD,
      siteAdmin: true,
    });
    cookies.admin = (await signIn(t.app, 'admin@frozen.example.edu')).cookie;
    cookies.root = (await signIn(t.app, 'root@platform.example.com')).cookie;
    // The site admin works inside the tenant (site admins pass every permission check).
    await t.app.inject({
      method: 'PUT',
      url: '/api/me/active-tenant',
      headers: { cookie: cookies.root, origin: TEST_BASE_URL },
      payload: { tenantId },
    });
    // The trial ends without a plan: read-only.
    const deps = testBillingDeps(database);
    await startTrial(deps, { actor: { type: 'system' } }, tenantId, {});
    await runBilling(deps, { day: inDays(30) });
    const [subscription] = await rows<{ status: string }>(
      database,
      sql`select status from billing_subscriptions where tenant_id = ${tenantId}`,
    );
    expect(subscription?.status).toBe('read_only');
  }, 120_000);
  afterAll(() => t?.dispose());

  it('answers 402 to every write route of the app, except the ones that restore access', async () => {
    const writes = routeCases(t).filter((r) => !SAFE.has(r.method));
    // The iteration really covers the platform and both modules.
    const keys = writes.map((r) => `${r.method} ${r.url}`);
    for (const known of [
      'POST /api/invitations',
      'PATCH /api/me/profile',
      'POST /api/outcomes/courses',
      'POST /api/reports/refresh',
      'PUT /api/billing/plan',
    ]) {
      expect(keys).toContain(known);
    }
    expect(keys.some((k) => k.includes('/api/engagement/'))).toBe(true);
    expect(writes.length).toBeGreaterThan(40);

    const outcomes: Record<string, string[]> = {
      refused: [],
      allowed: [],
      public: [],
      platform: [],
    };
    for (const route of writes) {
      const key = `${route.method} ${route.url}`;
      if (route.permission === 'public') {
        outcomes.public?.push(key);
        continue;
      }
      const platform = Array.isArray(route.permission) && route.permission[1] === 'Platform';
      for (const who of platform ? ['root'] : ['admin', 'root']) {
        const response = await inject(who, route.method, concrete(route.url));
        const body = response.json() as { error?: { code: string; message: string } };
        if (platform || WRITES_ALLOWED_WHEN_READ_ONLY.has(key)) {
          expect(response.statusCode, `${who} ${key}`).not.toBe(402);
          continue;
        }
        expect(response.statusCode, `${who} ${key}: ${response.body}`).toBe(402);
        expect(body.error?.code).toBe('tenant_read_only');
        expect(body.error?.message).toContain('/admin/billing');
      }
      (platform
        ? outcomes.platform
        : WRITES_ALLOWED_WHEN_READ_ONLY.has(key)
          ? outcomes.allowed
          : outcomes.refused
      )?.push(key);
    }
    // Exactly the declared exceptions stay open; public routes (sign-in, sign-out, reset…) have no tenant.
    expect(new Set(outcomes.allowed)).toEqual(WRITES_ALLOWED_WHEN_READ_ONLY);
    expect(outcomes.public).toEqual(
      expect.arrayContaining(['POST /api/auth/*', 'POST /api/register']),
    );
    expect(outcomes.refused?.length).toBeGreaterThan(30);
  });

  it('keeps every read route readable (no 402), exports included', async () => {
    const reads = routeCases(t).filter((r) => r.method === 'GET' && r.permission !== 'public');
    for (const route of reads) {
      const response = await inject('admin', 'GET', concrete(route.url));
      expect(response.statusCode, `GET ${route.url}`).not.toBe(402);
    }
    expect((await inject('admin', 'GET', '/api/outcomes/courses')).statusCode).toBe(200);
    expect((await inject('admin', 'GET', '/api/audit/export.csv')).statusCode).toBe(200);
    expect((await inject('admin', 'GET', '/api/billing')).statusCode).toBe(200);
  });

  /** The import worker as the server runs it, with a Salesforce connection configured. */
  const worker = (): WorkerDeps => ({
    db: t.testDb.database.db,
    logger: createLogger('silent'),
    config: {
      uploadMaxBytes: 1024 * 1024,
      salesforce: {
        loginUrl: 'http://127.0.0.1:1',
        clientId: 'id',
        clientSecret: 'secret',
        apiVersion: '62.0',
      },
    },
    pipelines: registeredPipelines(modules),
    emailSender: outboxEmailSender(),
    baseUrl: TEST_BASE_URL,
  });
  const queuedImports = async () =>
    (
      await rows<{ n: number }>(
        t.testDb.database,
        sql`select count(*)::int as n from import_runs where tenant_id = ${tenantId}`,
      )
    )[0]?.n;

  it('skips the scheduled imports of a read-only tenant', async () => {
    await rows(
      t.testDb.database,
      sql`insert into import_schedules (tenant_id, pipeline, cron, enabled, updated_at)
          values (${tenantId}, 'engagement', '* * * * *', true, now() - interval '1 hour')`,
    );
    expect(await queueScheduledRuns(worker(), new Date(Date.now() + 60_000))).toBe(0);
    expect(await queuedImports()).toBe(0);
  });

  it('lets writes through again once the tenant is active', async () => {
    await rows(
      t.testDb.database,
      sql`update billing_subscriptions set status = 'active' where tenant_id = ${tenantId}`,
    );
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/outcomes/courses',
      headers: { cookie: cookies.admin, origin: TEST_BASE_URL },
      payload: { number: 'ENG-101' },
    });
    expect(created.statusCode).toBe(201);
    expect(await queueScheduledRuns(worker(), new Date(Date.now() + 180_000))).toBe(1);
    expect(await queuedImports()).toBe(1);
  });
});
