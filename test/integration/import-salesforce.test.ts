import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SalesforceConfig } from '../../src/core/config/config.js';
import { tx } from '../../src/core/db/tx.js';
import { finishRun, insertRun } from '../../src/core/imports/data.js';
import { runImport } from '../../src/core/imports/engine.js';
import { connectSalesforce, salesforceSource } from '../../src/core/imports/sources/salesforce.js';
import type { SourceRow } from '../../src/core/imports/types.js';
import { createLogger } from '../../src/core/observe/logger.js';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../support/databases.js';
import { createFakeTables, fakePipeline, tableRows } from '../support/fake-pipeline.js';
import { rows, seedTenant } from '../support/identity.js';
import { startFakeSalesforce, type FakeSalesforce } from '../support/salesforce-server.js';

describe.each(testDatabaseKinds())('Salesforce API source on %s', (kind) => {
  let testDb: TestDatabase;
  let salesforce: FakeSalesforce;
  let config: SalesforceConfig;
  let tenantId: string;

  beforeAll(async () => {
    testDb = await createTestDatabase(kind);
    await createFakeTables(testDb.database);
    tenantId = (await seedTenant(testDb.database, 'acme')).id;
    salesforce = await startFakeSalesforce(2);
    config = {
      loginUrl: salesforce.url,
      clientId: 'client',
      clientSecret: 'secret',
      username: 'sync@example.org',
      password: 'passTOKEN',
      apiVersion: '62.0',
    };
    salesforce.objects.Item = [
      { Id: 'i3', Name: 'Three', Amount: 3, LastModifiedDate: '2025-01-03T00:00:00.000+0000' },
      { Id: 'i1', Name: 'One', Amount: 1, LastModifiedDate: '2025-01-01T00:00:00.000+0000' },
      { Id: 'i2', Name: 'Two', Amount: null, LastModifiedDate: '2025-01-02T00:00:00.000+0000' },
      { Id: 'i5', Name: 'Five', Amount: 5, LastModifiedDate: '2025-01-05T00:00:00.000+0000' },
      { Id: 'i4', Name: 'Four', Amount: 4, LastModifiedDate: '2025-01-04T00:00:00.000+0000' },
    ];
  });
  afterAll(async () => {
    await salesforce.close();
    await testDb.dispose();
  });

  const source = async (now: Date) =>
    salesforceSource({
      db: testDb.database.db,
      tenantId,
      pipeline: 'fake',
      connection: await connectSalesforce(config),
      now: () => now,
    });

  const importItems = async (now: Date) =>
    runImport(
      { db: testDb.database.db, logger: createLogger('silent') },
      {
        tenantId,
        pipeline: fakePipeline,
        source: await source(now),
        only: ['items'],
        triggeredBy: { type: 'schedule' },
      },
    );

  const watermarks = async () =>
    (
      await rows<{ step: string; object: string; watermark: string }>(
        testDb.database,
        sql`select step, object, watermark from import_watermarks order by step, object`,
      )
    ).map((w) => ({ ...w, watermark: new Date(w.watermark) }));

  it('signs in with OAuth, reads every page through nextRecordsUrl, and knows its objects', async () => {
    const api = await source(new Date());
    expect(salesforce.logins).toContain('password');
    expect(await api.has('Item')).toBe(true);
    expect(await api.has('Session Report')).toBe(false);
    expect(await api.count?.('Item')).toBe(5);
    const read: SourceRow[] = [];
    for await (const row of api.rows('Item', { fields: ['Name', 'Amount'], required: [] })) {
      read.push(row);
    }
    expect(read.map((r) => r.values)).toEqual([
      { Id: 'i1', Name: 'One', Amount: '1' },
      { Id: 'i2', Name: 'Two', Amount: '' },
      { Id: 'i3', Name: 'Three', Amount: '3' },
      { Id: 'i4', Name: 'Four', Amount: '4' },
      { Id: 'i5', Name: 'Five', Amount: '5' },
    ]);
    expect(salesforce.queries.at(-1)).toBe('SELECT Id, Name, Amount FROM Item ORDER BY Id');
  });

  it('imports everything first, then only what changed since the step’s watermark', async () => {
    const first = await importItems(new Date('2025-01-10T00:00:00Z'));
    expect(first.steps[0]).toMatchObject({ status: 'succeeded', created: 5 });
    expect(await watermarks()).toEqual([
      { step: 'items', object: 'Item', watermark: new Date('2025-01-10T00:00:00Z') },
    ]);

    salesforce.objects.Item?.push({
      Id: 'i6',
      Name: 'Six',
      Amount: 6,
      LastModifiedDate: '2025-01-11T00:00:00.000+0000',
    });
    const second = await importItems(new Date('2025-01-12T00:00:00Z'));
    expect(salesforce.queries.at(-1)).toBe(
      'SELECT Id, Name, Amount FROM Item WHERE LastModifiedDate > 2025-01-10T00:00:00Z ORDER BY Id',
    );
    expect(second.steps[0]).toMatchObject({ read: 1, created: 1 });
    expect(await tableRows(testDb.database, 'fake_items')).toHaveLength(6);
    // Advanced even though only one row changed.
    expect((await watermarks())[0]?.watermark).toEqual(new Date('2025-01-12T00:00:00Z'));

    await importItems(new Date('2025-01-13T00:00:00Z'));
    expect(salesforce.queries.at(-1)).toMatch(/LastModifiedDate > 2025-01-12T00:00:00Z/);
    expect((await watermarks())[0]?.watermark).toEqual(new Date('2025-01-13T00:00:00Z'));
  });

  it('reads 48 hours back from the watermark after a failed run', async () => {
    await tx(testDb.database.db, { tenantId }, async (q) => {
      const runId = await insertRun(q, {
        tenantId,
        pipeline: 'fake',
        source: 'Salesforce',
        sourceRef: { kind: 'salesforce' },
        mode: 'commit',
        options: { failFast: false, batchSize: 1000, chunkSize: 2000 },
        plan: ['items'],
        warnings: [],
        status: 'running',
        triggeredBy: { type: 'schedule' },
      });
      await finishRun(q, runId, 'failed', 'network down');
    });
    await importItems(new Date('2025-01-14T00:00:00Z'));
    expect(salesforce.queries.at(-1)).toMatch(/LastModifiedDate > 2025-01-11T00:00:00Z/);
    await importItems(new Date('2025-01-15T00:00:00Z'));
    expect(salesforce.queries.at(-1)).toMatch(/LastModifiedDate > 2025-01-14T00:00:00Z/);
  });

  it('fails the step with Salesforce’s message on a bad query, and does not move the watermark', async () => {
    const before = await watermarks();
    const api = await source(new Date('2025-02-01T00:00:00Z'));
    const rowsOf = api.forStep?.('items').rows('Item', { fields: ['Bad Field'], required: [] });
    await expect(
      (async () => {
        for await (const row of rowsOf ?? []) expect(row).toBeUndefined();
      })(),
    ).rejects.toThrow(/Salesforce refused the query on Item/);
    expect(await watermarks()).toEqual(before);
  });

  it('reports a refused sign-in', async () => {
    await expect(connectSalesforce({ ...config, clientSecret: 'wrong' })).rejects.toThrow(
      /Could not sign in to Salesforce/,
    );
  });
});
