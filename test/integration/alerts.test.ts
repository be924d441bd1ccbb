import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { JobHealth, JobRunner } from '../../src/core/jobs/runner.js';
import { AuthErrorTracker, checkAlerts } from '../../src/core/observe/alert-checks.js';
import { createAlerter, type AlertSettings } from '../../src/core/observe/alerts.js';
import { createLogger } from '../../src/core/observe/logger.js';
import { createUser } from '../../src/core/users/service.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { runCli } from '../support/cli.js';
import { testDatabaseKinds } from '../support/databases.js';
import { browserHeaders, PASSWORD, rows, seedPeople, signInAll } from '../support/identity.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook.js';

const logger = createLogger('silent');
const texts = (hook: WebhookReceiver) =>
  hook.received.map((body) => (body as { text: string }).text);

const fakeJobs = (health: JobHealth[]): JobRunner => ({
  register: () => undefined,
  trigger: () => undefined,
  start: async () => undefined,
  stop: async () => undefined,
  health: async () => health,
});

describe.each(testDatabaseKinds())('alerts on %s', (kind) => {
  let t: TestApp;
  let hook: WebhookReceiver;
  let settings: AlertSettings;
  let tenantId = '';
  const cookie: Record<string, string> = {};

  beforeAll(async () => {
    hook = await startWebhookReceiver();
    settings = { webhookUrl: hook.url, enabled: true, environment: 'staging' };
    t = await createTestApp(kind, { alerts: settings });
    const { database } = t.testDb;
    ({ alpha: tenantId = '' } = await seedPeople(database, [
      ['admin@alpha.example.com', 'alpha', 'tenant_admin'],
    ]));
    await createUser(database.db, {
      email: 'root@example.com',
      password: PASSWORD,
      siteAdmin: true,
    });
    Object.assign(cookie, await signInAll(t.app, ['admin@alpha.example.com', 'root@example.com']));
  });
  afterAll(async () => {
    await t.dispose();
    await hook.close();
  });
  beforeEach(async () => {
    hook.received.length = 0;
    hook.status = 200;
    // Each test starts with no alert in the de-duplication window.
    await t.testDb.database.db.execute(sql`delete from audit_log where action = 'core.alert.sent'`);
  });

  const deps = (extra: Partial<Parameters<typeof checkAlerts>[0]> = {}) => ({
    db: t.testDb.database.db,
    alerter: createAlerter(t.testDb.database.db, settings, logger),
    authErrors: new AuthErrorTracker(),
    ...extra,
  });

  const addRun = (status: string, finishedAgo = '1 minute') =>
    t.testDb.database.db.execute(sql`insert into import_runs
        (tenant_id, pipeline, source, mode, options, plan, warnings, status, triggered_by, finished_at)
      values (${tenantId}, 'engagement-salesforce', 'api', 'commit',
        '{"failFast":false,"batchSize":1000,"chunkSize":1000}', '{}', '{}', ${status}, 'schedule',
        now() - ${finishedAgo}::interval)`);

  it('alerts once for failed imports, de-duplicated for 15 minutes across instances', async () => {
    expect(await checkAlerts(deps())).toEqual([]);
    await addRun('failed', '20 minutes');
    await addRun('succeeded');
    expect(await checkAlerts(deps())).toEqual([]);

    await addRun('failed');
    expect(await checkAlerts(deps())).toEqual([{ cause: 'import_failures', outcome: 'sent' }]);
    expect(texts(hook)).toEqual([
      '[EduLedger staging] 1 import run(s) failed in the last 15 minutes: engagement-salesforce (1).',
    ]);
    // A second instance (its own alerter) sees the alert recorded in the database.
    expect(await checkAlerts(deps())).toEqual([
      { cause: 'import_failures', outcome: 'suppressed' },
    ]);
    expect(hook.received).toHaveLength(1);

    // After the window, the same cause alerts again.
    await t.testDb.database.db
      .execute(sql`update audit_log set occurred_at = now() - interval '16 minutes'
      where action = 'core.alert.sent'`);
    expect(await checkAlerts(deps())).toEqual([{ cause: 'import_failures', outcome: 'sent' }]);
    expect(hook.received).toHaveLength(2);
    await t.testDb.database.db.execute(
      sql`update import_runs set finished_at = now() - interval '1 hour'`,
    );
  });

  it('alerts on a spike of email delivery failures, not on a few', async () => {
    const addFailures = async (n: number) => {
      for (let i = 0; i < n; i++) {
        const [email] = await rows<{ id: string }>(
          t.testDb.database,
          sql`insert into email_outbox (template, "to", from_name, subject, html, text, status)
            values ('password-reset', 'x@example.com', 'EduLedger', 's', 'h', 't', 'failed') returning id`,
        );
        await t.testDb.database.db
          .execute(sql`insert into email_attempts (outbox_id, attempt, outcome)
          values (${email?.id}, 5, 'failed')`);
      }
    };
    await addFailures(4);
    expect(await checkAlerts(deps())).toEqual([]);
    await addFailures(1);
    expect(await checkAlerts(deps())).toEqual([{ cause: 'email_failures', outcome: 'sent' }]);
    expect(texts(hook)[0]).toMatch(/5 emails could not be delivered/);
    expect(texts(hook)[0]).not.toContain('x@example.com');
    await t.testDb.database.db.execute(
      sql`update email_attempts set occurred_at = now() - interval '1 hour'`,
    );
  });

  it('alerts on repeated auth server errors', async () => {
    const authErrors = new AuthErrorTracker();
    for (let i = 0; i < 4; i++) authErrors.record();
    authErrors.record(Date.now() - 20 * 60_000);
    expect(await checkAlerts(deps({ authErrors }))).toEqual([]);
    authErrors.record();
    expect(await checkAlerts(deps({ authErrors }))).toEqual([
      { cause: 'auth_errors', outcome: 'sent' },
    ]);
    expect(texts(hook)[0]).toMatch(/5 server error\(s\) in sign-in routes, 0 account lockout/);
  });

  it('alerts on a stalled job queue, per job', async () => {
    const job = (name: string, minutesWaiting: number | null): JobHealth => ({
      name,
      depth: minutesWaiting === null ? 0 : 2,
      failures: 0,
      lastSuccessAt: null,
      lastFailureAt: null,
      waitingSince: minutesWaiting === null ? null : new Date(Date.now() - minutesWaiting * 60_000),
    });
    const jobs = fakeJobs([job('email.deliver', 20), job('imports.run', 5), job('idle', null)]);
    expect(await checkAlerts(deps({ jobs }))).toEqual([
      { cause: 'job_stall:email.deliver', outcome: 'sent' },
    ]);
    expect(texts(hook)[0]).toMatch(/Background job email\.deliver is stalled: 2 run\(s\) waiting/);
  });

  it('sends nothing when switched off for the environment, and reports a webhook failure', async () => {
    await addRun('failed');
    const off = createAlerter(t.testDb.database.db, { ...settings, enabled: false }, logger);
    expect(await checkAlerts(deps({ alerter: off }))).toEqual([
      { cause: 'import_failures', outcome: 'disabled' },
    ]);
    expect(hook.received).toHaveLength(0);
    hook.status = 500;
    expect(await checkAlerts(deps())).toEqual([{ cause: 'import_failures', outcome: 'failed' }]);
    await t.testDb.database.db.execute(
      sql`update import_runs set finished_at = now() - interval '1 hour'`,
    );
  });

  it('sends a synthetic test alert from the admin API: site admins only, never de-duplicated', async () => {
    const send = (who?: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/system/test-alert',
        headers: who ? browserHeaders(cookie[who] ?? '') : { origin: 'http://localhost:3000' },
      });
    for (let i = 0; i < 2; i++) {
      const response = await send('root@example.com');
      expect(response.statusCode).toBe(200);
      expect(response.json().outcome).toBe('sent');
    }
    expect(texts(hook)).toEqual([
      '[EduLedger staging] Test alert requested by a site administrator: the alert webhook works.',
      '[EduLedger staging] Test alert requested by a site administrator: the alert webhook works.',
    ]);
    expect((await send('admin@alpha.example.com')).statusCode).toBe(403);
    expect((await send()).statusCode).toBe(401);
    expect(hook.received).toHaveLength(2);
    const audited = await rows<{ n: number }>(
      t.testDb.database,
      sql`select count(*)::int as n from audit_log where action = 'core.alert.test'`,
    );
    expect(audited[0]?.n).toBe(2);
  });
});

describe('eduledger alerts test', () => {
  const saved = { ...process.env };
  let hook: WebhookReceiver;
  beforeAll(async () => {
    hook = await startWebhookReceiver();
    delete process.env.BASE_URL;
    Object.assign(process.env, {
      LOG_LEVEL: 'silent',
      DATABASE_URL: 'memory://',
      ALERT_WEBHOOK_URL: hook.url,
      APP_ENV: 'test',
    });
  });
  afterAll(async () => {
    process.env = saved;
    await hook.close();
  });

  it('posts a test alert when alerts are on', async () => {
    process.env.ALERTS_ENABLED = 'on';
    const result = await runCli(['alerts', 'test', '--json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ outcome: 'sent' });
    expect(texts(hook)).toEqual([
      '[EduLedger test] Test alert requested by the command line: the alert webhook works.',
    ]);
  });

  it('fails (exit 1) and posts nothing when alerts are off for the environment', async () => {
    hook.received.length = 0;
    delete process.env.ALERTS_ENABLED;
    const result = await runCli(['alerts', 'test']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Alerts are off');
    expect(hook.received).toHaveLength(0);
  });
});
