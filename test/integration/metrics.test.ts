import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { inProcessRunner } from '../../src/core/jobs/in-process.js';
import { defineModule } from '../../src/core/modules/define-module.js';
import { createLogger } from '../../src/core/observe/logger.js';
import { defineReport } from '../../src/core/reports/types.js';
import { createTenant } from '../../src/core/tenants/service.js';
import { createTestApp, TEST_BASE_URL, type TestApp } from '../support/app.js';
import { testDatabaseKinds } from '../support/databases.js';
import { seedUser, signIn } from '../support/identity.js';
import { sample } from '../support/prometheus.js';

const TOKEN = 'metrics-token-for-the-tests-0123';

const probeReport = defineReport({
  name: 'probe-count',
  title: 'Probe count',
  aggregate: true,
  filters: z.object({}),
  columns: () => [{ key: 'n', header: 'N', type: 'integer' }],
  sheets: () => [{ name: 'Rows', source: 'rows' }],
  compute: async () => ({ summary: {}, rows: [{ n: 1 }] }),
});
const probe = defineModule({ name: 'probe', label: 'Probe', reports: [probeReport] });

describe.each(testDatabaseKinds())('Prometheus metrics on %s', (kind) => {
  let t: TestApp;
  let cookie = '';
  const jobs = inProcessRunner(createLogger('silent'));
  let failing = true;
  jobs.register(
    'probe.flaky',
    async () => {
      if (failing) throw new Error('boom');
    },
    { everySeconds: 3600 },
  );

  beforeAll(async () => {
    t = await createTestApp(kind, { modules: () => [probe], metricsToken: TOKEN, jobs });
    const { db } = t.testDb.database;
    const tenant = await createTenant(db, { slug: 'north', name: 'North', modules: ['probe'] }, [
      'probe',
    ]);
    await seedUser(t.testDb.database, 'admin@north.example.com', 'north', 'tenant_admin');
    cookie = (await signIn(t.app, 'admin@north.example.com')).cookie;
    for (const status of ['failed', 'failed', 'succeeded']) {
      await db.execute(sql`insert into import_runs
          (tenant_id, pipeline, source, mode, options, plan, warnings, status, triggered_by)
        values (${tenant.id}, 'probe', 'file.csv', 'commit',
          '{"failFast":false,"batchSize":1000,"chunkSize":1000}', '{}', '{}', ${status}, 'user')`);
    }
    await t.app.inject({
      method: 'POST',
      url: '/api/auth/request-password-reset',
      headers: { origin: TEST_BASE_URL },
      payload: { email: 'admin@north.example.com', redirectTo: '/reset-password' },
    });
  });
  afterAll(async () => {
    await jobs.stop();
    await t.dispose();
  });

  const scrape = async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/metrics',
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain/);
    return response.body;
  };

  it('refuses a scrape without the token (401) or with a wrong one', async () => {
    const none = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(none.statusCode).toBe(401);
    expect(none.headers['www-authenticate']).toBe('Bearer');
    const wrong = await t.app.inject({
      method: 'GET',
      url: '/metrics',
      headers: { authorization: `Bearer ${TOKEN.replace(/.$/, 'x')}` },
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).not.toContain('eduledger_');
  });

  it('times requests by route pattern and status, never by raw URL', async () => {
    const route = { method: 'GET', route: '/api/health', status: '200' };
    const before = sample(await scrape(), 'eduledger_http_request_duration_seconds_count', route);
    for (let i = 0; i < 3; i++) await t.app.inject({ method: 'GET', url: '/api/health' });
    const id = '7c0c2a53-9b5e-4b43-9d69-2d2d0f1d7d11';
    await t.app.inject({ method: 'GET', url: `/api/emails/${id}` });
    const text = await scrape();
    expect(sample(text, 'eduledger_http_request_duration_seconds_count', route)).toBe(before + 3);
    expect(
      sample(text, 'eduledger_http_request_duration_seconds_count', {
        route: '/api/emails/:id',
        status: '401',
      }),
    ).toBeGreaterThanOrEqual(1);
    expect(text).not.toContain(id);
    expect(text).toContain('eduledger_http_request_duration_seconds_bucket{le="0.005"');
  });

  it('reports pool usage, import runs and emails by status', async () => {
    const text = await scrape();
    const expectedMax = kind === 'pglite' ? 1 : 10;
    expect(sample(text, 'eduledger_db_pool_connections', { state: 'max' })).toBe(expectedMax);
    expect(sample(text, 'eduledger_import_runs', { status: 'failed' })).toBe(2);
    expect(sample(text, 'eduledger_import_runs', { status: 'succeeded' })).toBe(1);
    expect(sample(text, 'eduledger_import_runs', { status: 'running' })).toBe(0);
    expect(sample(text, 'eduledger_email_outbox', { status: 'queued' })).toBe(1);
  });

  it('counts job failures and shows the queue depth per job', async () => {
    const before = sample(await scrape(), 'eduledger_job_failures_total', { job: 'probe.flaky' });
    await jobs.start();
    jobs.trigger('probe.flaky');
    await expect
      .poll(async () =>
        sample(await scrape(), 'eduledger_job_failures_total', { job: 'probe.flaky' }),
      )
      .toBe(before + 1);
    failing = false;
    const text = await scrape();
    expect(text).toContain('eduledger_job_queue_depth{job="probe.flaky"} 0');
  });

  it('counts report cache hits and misses where the cache is read', async () => {
    const text = await scrape();
    const hits = sample(text, 'eduledger_report_cache_lookups_total', { result: 'hit' });
    const misses = sample(text, 'eduledger_report_cache_lookups_total', { result: 'miss' });
    for (let i = 0; i < 2; i++) {
      const response = await t.app.inject({
        method: 'GET',
        url: '/api/reports/probe-count',
        headers: { cookie },
      });
      expect(response.statusCode).toBe(200);
    }
    const after = await scrape();
    expect(sample(after, 'eduledger_report_cache_lookups_total', { result: 'miss' })).toBe(
      misses + 1,
    );
    expect(sample(after, 'eduledger_report_cache_lookups_total', { result: 'hit' })).toBe(hits + 1);
  });
});

describe('the metrics endpoint without a token configured', () => {
  it('does not exist (404)', async () => {
    const t = await createTestApp('pglite');
    try {
      const response = await t.app.inject({
        method: 'GET',
        url: '/metrics',
        headers: { authorization: 'Bearer anything-at-all-here' },
      });
      expect(response.statusCode).toBe(404);
    } finally {
      await t.dispose();
    }
  });
});
