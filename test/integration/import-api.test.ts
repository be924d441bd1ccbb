import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/core/db/client.js';
import { outboxEmailSender } from '../../src/core/email/sender.js';
import type { ImportsServiceDeps } from '../../src/core/imports/service.js';
import { registeredPipelines } from '../../src/core/imports/system.js';
import {
  drainQueuedRuns,
  queueScheduledRuns,
  type WorkerDeps,
} from '../../src/core/imports/worker.js';
import { defineModule } from '../../src/core/modules/define-module.js';
import { createLogger } from '../../src/core/observe/logger.js';
import { createTenant } from '../../src/core/tenants/service.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { testDatabaseKinds } from '../support/databases.js';
import { createFakeTables, fakePipeline, multipartFile, zipOf } from '../support/fake-pipeline.js';
import { browserHeaders, rows, seedUser, signInAll } from '../support/identity.js';

const fakeModule = defineModule({ name: 'fake', label: 'Fake', importPipelines: [fakePipeline] });

const ADMIN = 'admin@acme.example.com';
const STAFF = 'staff@acme.example.com';
const VIEWER = 'viewer@acme.example.com';
const OTHER = 'admin@beta.example.com';

describe.each(testDatabaseKinds())('Imports API on %s', (kind) => {
  let t: TestApp;
  let worker: WorkerDeps;
  let cookies: Record<string, string> = {};
  const dataDir = mkdtempSync(path.join(tmpdir(), 'edl-imports-api-'));

  const importsFor = (database: Database): ImportsServiceDeps => {
    worker = {
      db: database.db,
      logger: createLogger('silent'),
      config: { salesforce: null, uploadMaxBytes: 1024 * 1024 },
      pipelines: registeredPipelines([fakeModule]),
      emailSender: outboxEmailSender(),
      baseUrl: 'http://localhost:3000',
    };
    return {
      db: database.db,
      pipelines: worker.pipelines,
      config: worker.config,
      dataDir,
      trigger: () => undefined,
    };
  };

  beforeAll(async () => {
    t = await createTestApp(kind, { modules: () => [fakeModule], imports: importsFor });
    const { database } = t.testDb;
    await createFakeTables(database);
    await createTenant(database.db, { slug: 'acme', name: 'Acme', modules: ['fake'] }, ['fake']);
    await createTenant(database.db, { slug: 'beta', name: 'Beta', modules: ['fake'] }, ['fake']);
    await seedUser(database, ADMIN, 'acme', 'tenant_admin');
    await seedUser(database, STAFF, 'acme', 'staff');
    await seedUser(database, VIEWER, 'acme', 'district_viewer');
    await seedUser(database, OTHER, 'beta', 'tenant_admin');
    cookies = await signInAll(t.app, [ADMIN, STAFF, VIEWER, OTHER]);
  });
  afterAll(() => t.dispose());

  const call = (who: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: browserHeaders(cookies[who] ?? ''), payload });

  const upload = async (who: string, files: Record<string, string[]>) => {
    const { body, contentType } = multipartFile('file', 'export.zip', await zipOf(files));
    return t.app.inject({
      method: 'POST',
      url: '/api/imports/uploads',
      headers: { ...browserHeaders(cookies[who] ?? ''), 'content-type': contentType },
      payload: body,
    });
  };

  const sample = {
    'Item.csv': ['Id,Name,Amount', 'i1,One,1', 'i2,Two,two', 'i3,Three,3'],
    'Link.csv': ['Id,Name,ItemId', 'l1,Link,i1'],
  };

  it('lets tenant admins and staff in, and keeps other roles out', async () => {
    for (const who of [ADMIN, STAFF]) {
      const overview = await call(who, 'GET', '/api/imports');
      expect(overview.statusCode).toBe(200);
      expect(overview.json()).toMatchObject({
        pipelines: [{ name: 'fake', label: 'Fake' }],
        salesforce: { configured: false },
        lastScheduledFailure: null,
      });
    }
    expect((await call(VIEWER, 'GET', '/api/imports')).statusCode).toBe(403);
    expect((await call(VIEWER, 'GET', '/api/imports/runs')).statusCode).toBe(403);
    expect((await upload(VIEWER, sample)).statusCode).toBe(403);
    expect(
      (
        await call(VIEWER, 'POST', '/api/imports/runs', {
          pipeline: 'fake',
          source: { type: 'salesforce' },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await call(STAFF, 'PUT', '/api/imports/schedules/fake', {
          cron: '0 2 * * *',
          enabled: false,
        })
      ).statusCode,
    ).toBe(403);
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/imports' });
    expect(anonymous.statusCode).toBe(401);
  });

  it('uploads a zip, previews the plan, runs it as a job, and shows counts, errors and rejected rows', async () => {
    const uploaded = await upload(STAFF, sample);
    expect(uploaded.statusCode).toBe(201);
    const { uploadId, files } = uploaded.json();
    expect(files).toEqual(['Item.csv', 'Link.csv']);

    const preview = await call(
      STAFF,
      'GET',
      `/api/imports/pipelines/fake/plan?uploadId=${uploadId}&exclude=items`,
    );
    expect(preview.json()).toEqual({
      plan: [
        { name: 'links', dependsOn: ['items'], reads: ['Link'], missing: [] },
        { name: 'notes', dependsOn: ['links'], reads: ['Note'], missing: ['Note'] },
      ],
      warnings: [
        'links depends on items, which is not in the plan: it runs against the data already imported',
      ],
    });
    const unknown = await call(STAFF, 'GET', '/api/imports/pipelines/fake/plan?only=nope');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toContain('Valid steps: items, links, notes');

    const started = await call(STAFF, 'POST', '/api/imports/runs', {
      pipeline: 'fake',
      source: { type: 'upload', uploadId },
    });
    expect(started.statusCode).toBe(202);
    const { runId } = started.json();
    const queued = (await call(STAFF, 'GET', `/api/imports/runs/${runId}`)).json();
    expect(queued).toMatchObject({ status: 'queued', plan: ['items', 'links', 'notes'] });

    expect(await drainQueuedRuns(worker)).toBe(1);
    const detail = (await call(STAFF, 'GET', `/api/imports/runs/${runId}`)).json();
    expect(detail).toMatchObject({
      status: 'failed',
      source: 'Upload export.zip',
      errorCount: 2,
      rejectedFiles: [{ file: 'Item.csv', count: 1 }],
      canRerun: true,
    });
    expect(detail.steps.map((s: { name: string; status: string }) => [s.name, s.status])).toEqual([
      ['items', 'partial'],
      ['links', 'succeeded'],
      ['notes', 'failed'],
    ]);
    expect(detail.steps[0]).toMatchObject({ read: 3, created: 2, failed: 1 });
    expect(detail.durationMs).toBeGreaterThanOrEqual(0);

    const list = (await call(ADMIN, 'GET', '/api/imports/runs')).json();
    expect(list.items[0]).toMatchObject({ id: runId, status: 'failed', created: 3, failed: 1 });

    const errors = (
      await call(STAFF, 'GET', `/api/imports/runs/${runId}/errors?pageSize=25`)
    ).json();
    expect(errors.total).toBe(2);
    expect(errors.items[0]).toMatchObject({
      step: 'items',
      file: 'Item.csv',
      row: 3,
      column: 'Amount',
      value: 'two',
      code: 'bad_number',
    });

    const csv = await call(STAFF, 'GET', `/api/imports/runs/${runId}/rejected?file=Item.csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-disposition']).toBe('attachment; filename="rejected-Item.csv"');
    expect(parse(csv.body, { bom: true })).toEqual([
      ['Id', 'Name', 'Amount', 'error'],
      ['i2', 'Two', 'two', 'Amount "two" is not a whole number'],
    ]);

    // Another tenant sees none of it.
    expect((await call(OTHER, 'GET', `/api/imports/runs/${runId}`)).statusCode).toBe(404);
    expect((await call(OTHER, 'GET', '/api/imports/runs')).json().total).toBe(0);
    expect(
      (
        await call(OTHER, 'POST', '/api/imports/runs', {
          pipeline: 'fake',
          source: { type: 'upload', uploadId },
        })
      ).statusCode,
    ).toBe(404);

    // Rerun only the failed step: a new run of `notes`.
    const rerun = await call(STAFF, 'POST', `/api/imports/runs/${runId}/rerun`);
    expect(rerun.statusCode).toBe(202);
    expect(rerun.json()).toMatchObject({ plan: ['notes'] });
    await drainQueuedRuns(worker);
    const second = (await call(STAFF, 'GET', `/api/imports/runs/${rerun.json().runId}`)).json();
    expect(second).toMatchObject({
      status: 'failed',
      plan: ['notes'],
      options: { only: ['notes'] },
    });

    const audit = await rows<{ action: string }>(
      t.testDb.database,
      sql`select action from audit_log where action like 'core.import.%' order by occurred_at`,
    );
    expect(audit.map((a) => a.action)).toEqual(['core.import.started', 'core.import.started']);
  });

  it('cancels a queued run at once; refuses to cancel a finished one', async () => {
    const { uploadId } = (await upload(ADMIN, sample)).json();
    const { runId } = (
      await call(ADMIN, 'POST', '/api/imports/runs', {
        pipeline: 'fake',
        source: { type: 'upload', uploadId },
        validateOnly: true,
      })
    ).json();
    expect((await call(ADMIN, 'POST', `/api/imports/runs/${runId}/cancel`)).statusCode).toBe(204);
    const detail = (await call(ADMIN, 'GET', `/api/imports/runs/${runId}`)).json();
    expect(detail.status).toBe('cancelled');
    expect(detail.steps.every((s: { status: string }) => s.status === 'skipped')).toBe(true);
    expect(await drainQueuedRuns(worker)).toBe(0);
    expect((await call(ADMIN, 'POST', `/api/imports/runs/${runId}/cancel`)).statusCode).toBe(409);
    const audit = await rows(
      t.testDb.database,
      sql`select 1 from audit_log where action = 'core.import.cancelled'`,
    );
    expect(audit).toHaveLength(1);
  });

  it('refuses uploads that are not zips', async () => {
    const { body, contentType } = multipartFile('file', 'data.csv', Buffer.from('Id\r\n'));
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/imports/uploads',
      headers: { ...browserHeaders(cookies[ADMIN] ?? ''), 'content-type': contentType },
      payload: body,
    });
    expect(response.statusCode).toBe(400);
  });

  it('validates and saves the schedule (tenant admins); needs Salesforce to enable it', async () => {
    const bad = await call(ADMIN, 'PUT', '/api/imports/schedules/fake', {
      cron: 'every night',
      enabled: false,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe('cron');
    const noSalesforce = await call(ADMIN, 'PUT', '/api/imports/schedules/fake', {
      cron: '0 2 * * *',
      enabled: true,
    });
    expect(noSalesforce.statusCode).toBe(400);
    const saved = await call(ADMIN, 'PUT', '/api/imports/schedules/fake', {
      cron: '30 1 * * *',
      enabled: false,
    });
    expect(saved.json()).toMatchObject({ pipeline: 'fake', cron: '30 1 * * *', enabled: false });
    const listed = (await call(STAFF, 'GET', '/api/imports/schedules')).json();
    expect(listed.items).toEqual([
      expect.objectContaining({ pipeline: 'fake', cron: '30 1 * * *', enabled: false }),
    ]);
  });

  it('runs a due schedule; a failed scheduled run emails the tenant admins and shows a banner', async () => {
    const withSalesforce: WorkerDeps = {
      ...worker,
      config: {
        ...worker.config,
        salesforce: {
          loginUrl: 'http://127.0.0.1:1',
          clientId: 'id',
          clientSecret: 'secret',
          apiVersion: '62.0',
        },
      },
    };
    await t.testDb.database.db.execute(
      sql`update import_schedules set enabled = true, cron = '* * * * *'`,
    );
    const later = new Date(Date.now() + 5 * 60 * 1000);
    expect(await queueScheduledRuns(withSalesforce, later)).toBe(1);
    expect(await queueScheduledRuns(withSalesforce, later)).toBe(0);
    await drainQueuedRuns(withSalesforce);
    const overview = (await call(STAFF, 'GET', '/api/imports')).json();
    expect(overview.lastScheduledFailure).toMatchObject({ pipeline: 'fake', status: 'failed' });
    expect(overview.lastScheduledFailure.message).toMatch(/Could not sign in to Salesforce/);
    const emails = await rows<{ to: string; template: string }>(
      t.testDb.database,
      sql`select "to", template from email_outbox where template = 'import-finished-with-errors'`,
    );
    expect(emails).toEqual([{ to: ADMIN, template: 'import-finished-with-errors' }]);
  });
});
