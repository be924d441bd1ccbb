import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImport, type ImportDeps } from '../../src/core/imports/engine.js';
import { onImportSucceeded, type ImportFinishedEvent } from '../../src/core/imports/listeners.js';
import { resolvePlan } from '../../src/core/imports/plan.js';
import { liveProgress } from '../../src/core/imports/progress.js';
import { folderSource } from '../../src/core/imports/sources/folder.js';
import type { RunImportRequest } from '../../src/core/imports/types.js';
import { ValidationError } from '../../src/core/errors.js';
import { createLogger } from '../../src/core/observe/logger.js';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../support/databases.js';
import { createFakeTables, csvFolder, fakePipeline, tableRows } from '../support/fake-pipeline.js';
import { rows, seedTenant } from '../support/identity.js';

describe('plan resolution', () => {
  it('orders every step by its dependencies', () => {
    expect(resolvePlan(fakePipeline)).toEqual({ plan: ['items', 'links', 'notes'], warnings: [] });
  });

  it('runs a requested step whose dependency is excluded, with a warning', () => {
    expect(resolvePlan(fakePipeline, { only: ['notes', 'links'] })).toEqual({
      plan: ['links', 'notes'],
      warnings: [
        'links depends on items, which is not in the plan: it runs against the data already imported',
      ],
    });
    expect(resolvePlan(fakePipeline, { exclude: ['links'] }).warnings).toEqual([
      'notes depends on links, which is not in the plan: it runs against the data already imported',
    ]);
  });

  it('refuses unknown step names, listing the valid ones', () => {
    expect(() => resolvePlan(fakePipeline, { only: ['itmes'] })).toThrow(ValidationError);
    expect(() => resolvePlan(fakePipeline, { exclude: ['x', 'y'] })).toThrow(
      'Unknown steps in --exclude: x, y. Valid steps: items, links, notes',
    );
  });
});

describe.each(testDatabaseKinds())('import engine on %s', (kind) => {
  let testDb: TestDatabase;
  let deps: ImportDeps;
  let tenantId: string;

  beforeAll(async () => {
    testDb = await createTestDatabase(kind);
    await createFakeTables(testDb.database);
    tenantId = (await seedTenant(testDb.database, 'acme')).id;
    deps = { db: testDb.database.db, logger: createLogger('silent') };
  });
  afterAll(() => testDb.dispose());

  const run = (dir: string, extra: Partial<RunImportRequest> = {}) =>
    runImport(deps, {
      tenantId,
      pipeline: fakePipeline,
      source: folderSource(dir),
      triggeredBy: { type: 'system' },
      ...extra,
    });

  const reset = async () => {
    await testDb.database.db.execute(sql`delete from fake_items`);
    await testDb.database.db.execute(sql`delete from fake_links`);
    await testDb.database.db.execute(sql`delete from import_pending`);
  };

  const stepOf = (summary: Awaited<ReturnType<typeof run>>, name: string) =>
    summary.steps.find((s) => s.name === name);

  it('rejects one bad row and commits the rest of its batch; records it with the raw values', async () => {
    await reset();
    const dir = csvFolder({
      'Item.csv': ['Id,Name,Amount', 'i1,One,1', 'i2,Two,two', 'i3,Three,3'],
      'Link.csv': ['Id,Name,ItemId'],
      'Note.csv': ['Id'],
    });
    const summary = await run(dir);
    expect(summary.status).toBe('partial');
    expect(stepOf(summary, 'items')).toMatchObject({
      status: 'partial',
      read: 3,
      created: 2,
      failed: 1,
    });
    expect(summary.errors).toEqual([
      {
        step: 'items',
        file: 'Item.csv',
        row: 3,
        column: 'Amount',
        code: 'bad_number',
        message: 'Amount "two" is not a whole number',
      },
    ]);
    expect((await tableRows(testDb.database, 'fake_items')).map((r) => r.external_id)).toEqual([
      'i1',
      'i3',
    ]);
    const [stored] = await rows<{ raw: [string, string][]; value: string }>(
      testDb.database,
      sql`select raw, value from import_row_errors where run_id = ${summary.runId}`,
    );
    expect(stored).toEqual({
      raw: [
        ['Id', 'i2'],
        ['Name', 'Two'],
        ['Amount', 'two'],
      ],
      value: 'two',
    });
    const [record] = await rows<{ status: string; plan: string[]; finished_at: Date | null }>(
      testDb.database,
      sql`select status, plan, finished_at from import_runs where id = ${summary.runId}`,
    );
    expect(record).toMatchObject({ status: 'partial', plan: ['items', 'links', 'notes'] });
    expect(record?.finished_at).not.toBeNull();
  });

  it('replays a batch row by row when the step throws, so only the bad row fails', async () => {
    await reset();
    const dir = csvFolder({
      'Item.csv': ['Id,Name', 'i1,One', 'i2,A name far too long for the column', 'i3,Three'],
      'Link.csv': ['Id,Name,ItemId'],
      'Note.csv': ['Id'],
    });
    const summary = await run(dir);
    expect(stepOf(summary, 'items')).toMatchObject({ created: 2, failed: 1 });
    expect(summary.errors[0]).toMatchObject({ step: 'items', row: 3, code: 'db_error' });
    expect(summary.errors[0]?.message).toMatch(/too long/);
    expect((await tableRows(testDb.database, 'fake_items')).map((r) => r.external_id)).toEqual([
      'i1',
      'i3',
    ]);
  });

  it('is idempotent: a rerun of the same folder creates and updates nothing', async () => {
    await reset();
    const dir = csvFolder({
      'Item.csv': ['Id,Name,Amount', 'i1,One,1', 'i2,Two,2'],
      'Link.csv': ['Id,Name,ItemId', 'l1,Link,i1'],
      'Note.csv': ['Id', 'n1'],
    });
    const first = await run(dir, { batchSize: 1 });
    expect(first.status).toBe('succeeded');
    expect(stepOf(first, 'items')).toMatchObject({ created: 2, updated: 0 });
    const second = await run(dir);
    expect(second.steps.map((s) => [s.name, s.created, s.updated, s.unchanged])).toEqual([
      ['items', 0, 0, 2],
      ['links', 0, 0, 1],
      ['notes', 0, 0, 0],
    ]);
  });

  it('validate-only runs every check but writes nothing except the run record', async () => {
    await reset();
    const dir = csvFolder({
      'Item.csv': ['Id,Name,Amount', 'i1,One,1', 'i2,Two,x'],
      'Link.csv': ['Id,Name,ItemId', 'l1,Link,i1', 'l2,Orphan,i9'],
      'Note.csv': ['Id'],
    });
    const summary = await run(dir, { validateOnly: true });
    expect(summary.status).toBe('partial');
    expect(stepOf(summary, 'items')).toMatchObject({ created: 1, failed: 1 });
    // The link sees the item the same run would have created.
    expect(stepOf(summary, 'links')).toMatchObject({ created: 1, skipped: 1 });
    expect(await tableRows(testDb.database, 'fake_items')).toEqual([]);
    expect(await tableRows(testDb.database, 'fake_links')).toEqual([]);
    expect(await rows(testDb.database, sql`select * from import_pending`)).toEqual([]);
    const [record] = await rows<{ mode: string; status: string }>(
      testDb.database,
      sql`select mode, status from import_runs where id = ${summary.runId}`,
    );
    expect(record).toEqual({ mode: 'validate', status: 'partial' });
    const steps = await rows<{ name: string; created: number; failed: number }>(
      testDb.database,
      sql`select name, created, failed from import_steps where run_id = ${summary.runId} order by position`,
    );
    expect(steps[0]).toEqual({ name: 'items', created: 1, failed: 1 });
    const errors = await rows(
      testDb.database,
      sql`select 1 from import_row_errors where run_id = ${summary.runId}`,
    );
    expect(errors).toHaveLength(1);
  });

  it('parks rows with missing references and imports them when a later run brings them', async () => {
    await reset();
    const first = await run(
      csvFolder({
        'Item.csv': ['Id,Name', 'i1,One'],
        'Link.csv': ['Id,Name,ItemId', 'l1,Known,i1', 'l2,Waiting,i2'],
        'Note.csv': ['Id'],
      }),
    );
    expect(stepOf(first, 'links')).toMatchObject({ created: 1, skipped: 1 });
    const open = await rows<{ key: string; reason: string }>(
      testDb.database,
      sql`select key, reason from import_pending where resolved_at is null`,
    );
    expect(open).toEqual([{ key: 'l2', reason: 'item i2 is unknown' }]);

    const second = await run(
      csvFolder({ 'Item.csv': ['Id,Name', 'i2,Two'], 'Note.csv': ['Id'] }),
      {},
    );
    expect(stepOf(second, 'links')).toMatchObject({ read: 1, created: 1 });
    expect((await tableRows(testDb.database, 'fake_links')).map((r) => r.external_id)).toEqual([
      'l1',
      'l2',
    ]);
    const resolved = await rows<{ resolved_run_id: string }>(
      testDb.database,
      sql`select resolved_run_id from import_pending where key = 'l2'`,
    );
    expect(resolved).toEqual([{ resolved_run_id: second.runId }]);
  });

  it('fails a step naming a missing file or the missing columns, and goes on with the others', async () => {
    await reset();
    const summary = await run(
      csvFolder({ 'Item.csv': ['Id,Amount', 'i1,1'], 'Link.csv': ['Id,Name,ItemId'] }),
    );
    expect(summary.status).toBe('failed');
    expect(stepOf(summary, 'items')).toMatchObject({
      status: 'failed',
      read: 0,
      message: 'Item.csv is missing required column: Name',
    });
    expect(stepOf(summary, 'links')?.status).toBe('succeeded');
    expect(stepOf(summary, 'notes')).toMatchObject({
      status: 'failed',
      message: 'Note.csv is missing from the source folder',
    });
    expect(summary.errors.map((e) => [e.step, e.code, e.row])).toEqual([
      ['items', 'missing_columns', null],
      ['notes', 'missing_file', null],
    ]);
  });

  it('with --fail-fast, stops at the first rejected row and runs no later step', async () => {
    await reset();
    const summary = await run(
      csvFolder({
        'Item.csv': ['Id,Name,Amount', 'i1,One,1', 'i2,Two,x', 'i3,Three,3'],
        'Link.csv': ['Id,Name,ItemId'],
        'Note.csv': ['Id'],
      }),
      { failFast: true, batchSize: 1 },
    );
    expect(summary.status).toBe('failed');
    expect(summary.steps.map((s) => [s.name, s.status, s.created])).toEqual([
      ['items', 'failed', 1],
      ['links', 'skipped', 0],
      ['notes', 'skipped', 0],
    ]);
    expect((await tableRows(testDb.database, 'fake_items')).map((r) => r.external_id)).toEqual([
      'i1',
    ]);
  });

  it('stops a cancelled run at its next batch and runs no later step', async () => {
    await reset();
    const summary = await run(
      csvFolder({
        'Item.csv': ['Id,Name', 'i1,One', 'i2,Two'],
        'Link.csv': ['Id,Name,ItemId'],
        'Note.csv': ['Id'],
      }),
      {
        batchSize: 1,
        pipeline: {
          ...fakePipeline,
          steps: fakePipeline.steps.map((step) =>
            step.name === 'items'
              ? {
                  ...step,
                  run: (ctx) =>
                    ctx.processRows(ctx.source.rows('Item', { fields: [], required: [] }), () => {
                      liveProgress.requestCancel(ctx.runId);
                      return Promise.resolve([{ outcome: 'unchanged' }]);
                    }),
                }
              : step,
          ),
        },
      },
    );
    expect(summary.status).toBe('cancelled');
    expect(summary.steps.map((s) => [s.name, s.status, s.read])).toEqual([
      ['items', 'cancelled', 1],
      ['links', 'skipped', 0],
      ['notes', 'skipped', 0],
    ]);
  });

  it('tells the listeners after a run that wrote data', async () => {
    await reset();
    const events: ImportFinishedEvent[] = [];
    const stop = onImportSucceeded((event) => {
      events.push(event);
    });
    try {
      const dir = csvFolder({
        'Item.csv': ['Id,Name', 'i1,One'],
        'Link.csv': ['Id,Name,ItemId'],
        'Note.csv': ['Id'],
      });
      const summary = await run(dir);
      await run(dir, { validateOnly: true });
      expect(events).toEqual([
        {
          tenantId,
          pipeline: 'fake',
          runId: summary.runId,
          status: 'succeeded',
          affects: ['fake_report'],
        },
      ]);
    } finally {
      stop();
    }
  });
});
