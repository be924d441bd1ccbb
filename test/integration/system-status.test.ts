import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inProcessRunner } from '../../src/core/jobs/in-process.js';
import { createLogger } from '../../src/core/observe/logger.js';
import { createUser } from '../../src/core/users/service.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { testDatabaseKinds } from '../support/databases.js';
import { PASSWORD, seedPeople, signInAll } from '../support/identity.js';

describe.each(testDatabaseKinds())('GET /api/system/status on %s', (kind) => {
  let t: TestApp;
  const cookie: Record<string, string> = {};
  const jobs = inProcessRunner(createLogger('silent'));
  jobs.register('probe.job', async () => undefined, { everySeconds: 3600 });

  beforeAll(async () => {
    t = await createTestApp(kind, {
      jobs,
      alerts: { webhookUrl: 'http://127.0.0.1:9/hook', enabled: false, environment: 'test' },
    });
    const { database } = t.testDb;
    const ids = await seedPeople(database, [
      ['admin@alpha.example.com', 'alpha', 'tenant_admin'],
      ['staff@alpha.example.com', 'alpha', 'staff'],
      ['admin@beta.example.com', 'beta', 'tenant_admin'],
    ]);
    await createUser(database.db, {
      email: 'root@example.com',
      password: PASSWORD,
      siteAdmin: true,
    });
    Object.assign(
      cookie,
      await signInAll(t.app, [
        'admin@alpha.example.com',
        'staff@alpha.example.com',
        'admin@beta.example.com',
        'root@example.com',
      ]),
    );
    for (const [tenant, status] of [
      [ids.alpha, 'failed'],
      [ids.beta, 'succeeded'],
    ] as const) {
      await database.db.execute(sql`insert into import_runs
          (tenant_id, pipeline, source, mode, options, plan, warnings, status, triggered_by)
        values (${tenant}, 'probe', 'file.csv', 'commit',
          '{"failFast":false,"batchSize":1000,"chunkSize":1000}', '{}', '{}', ${status}, 'user')`);
    }
    for (const [tenant, status] of [
      [ids.alpha, 'queued'],
      [ids.alpha, 'failed'],
      [ids.beta, 'failed'],
      [null, 'sent'],
    ] as const) {
      await database.db.execute(sql`insert into email_outbox
          (tenant_id, template, "to", from_name, subject, html, text, status)
        values (${tenant}, 'invitation', 'x@example.com', 'E', 's', 'h', 't', ${status})`);
    }
  });
  afterAll(() => t.dispose());

  const get = (who?: string) =>
    t.app.inject({
      method: 'GET',
      url: '/api/system/status',
      headers: { cookie: who ? (cookie[who] ?? '') : '' },
    });

  it('shows site admins the platform: pool, jobs, every tenant, alert settings', async () => {
    const response = await get('root@example.com');
    expect(response.statusCode).toBe(200);
    const status = response.json();
    expect(status.scope).toBe('platform');
    expect(status.database.status).toBe('ok');
    expect(status.database.pool.max).toBe(kind === 'pglite' ? 1 : 10);
    expect(status.jobs).toEqual([
      expect.objectContaining({ name: 'probe.job', depth: 0, failures: 0, stalled: false }),
    ]);
    expect(status.emails).toEqual({ queued: 1, sending: 0, sent: 1, failed: 2, blocked: 0 });
    expect(status.imports.map((r: { status: string }) => r.status).sort()).toEqual([
      'failed',
      'succeeded',
    ]);
    expect(status.alerts).toEqual({ enabled: false, webhookConfigured: true });
    expect(status.cache.entries).toBe(0);
  });

  it('shows a tenant admin their own tenant only, without platform details', async () => {
    const status = (await get('admin@alpha.example.com')).json();
    expect(status.scope).toBe('tenant');
    expect(status.database).toEqual({ status: 'ok', pool: null });
    expect(status.jobs).toBeNull();
    expect(status.alerts).toBeNull();
    expect(status.emails).toEqual({ queued: 1, sending: 0, sent: 0, failed: 1, blocked: 0 });
    expect(status.imports).toHaveLength(1);
    expect(status.imports[0].status).toBe('failed');
    const beta = (await get('admin@beta.example.com')).json();
    expect(beta.imports.map((r: { status: string }) => r.status)).toEqual(['succeeded']);
  });

  it('refuses other roles (403) and anonymous callers (401)', async () => {
    expect((await get('staff@alpha.example.com')).statusCode).toBe(403);
    expect((await get()).statusCode).toBe(401);
  });
});
