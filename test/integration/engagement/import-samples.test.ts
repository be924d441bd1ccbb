import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tx } from '../../../src/core/db/tx.js';
import { runImport } from '../../../src/core/imports/engine.js';
import { folderSource } from '../../../src/core/imports/sources/folder.js';
import type { RunSummary } from '../../../src/core/imports/types.js';
import { createLogger } from '../../../src/core/observe/logger.js';
import { createTenant } from '../../../src/core/tenants/service.js';
import { engagementPipeline } from '../../../src/modules/engagement/imports/pipeline.js';
import {
  createTestDatabase,
  testDatabaseKinds,
  type TestDatabase,
} from '../../support/databases.js';
import { expectedCounts, readCsv } from './sample-expectations.js';

const SAMPLES = path.resolve(import.meta.dirname, '../../../samples/engagement');

const countsOf = (summary: RunSummary) =>
  Object.fromEntries(
    summary.steps.map(({ name, read, created, updated, unchanged, skipped, failed }) => [
      name,
      { read, created, updated, unchanged, skipped, failed },
    ]),
  );

describe.each(testDatabaseKinds())('import of the sample Salesforce export on %s', (kind) => {
  let t: TestDatabase;
  let tenantId = '';
  let first: RunSummary;
  const run = () =>
    runImport(
      { db: t.database.db, logger: createLogger('silent') },
      {
        tenantId,
        pipeline: engagementPipeline,
        source: folderSource(SAMPLES),
        triggeredBy: { type: 'system' },
      },
    );
  const query = async <R>(statement: ReturnType<typeof sql>) =>
    (
      (await tx(t.database.db, { tenantId }, (q) => q.execute(statement))) as unknown as {
        rows: R[];
      }
    ).rows;

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    tenantId = (await createTenant(t.database.db, { slug: 'demo', name: 'Demo' }, [])).id;
    first = await run();
  }, 300_000);
  afterAll(() => t.dispose());

  it('reports counts that match the rows of the files', () => {
    expect(first.plan).toEqual(engagementPipeline.steps.map((s) => s.name));
    expect(countsOf(first)).toEqual(expectedCounts(SAMPLES));
  });

  it('rejects the rows with invalid values, naming file, line, column and value', () => {
    expect(first.status).toBe('partial');
    const failed = first.steps.reduce((n, s) => n + s.failed, 0);
    expect(failed).toBeGreaterThan(0);
    expect(first.errors).toHaveLength(failed);
    for (const error of first.errors) {
      expect(error.code).toBe('bad_date');
      const lines = readFileSync(path.join(SAMPLES, error.file ?? ''), 'utf8').split(/\r?\n/);
      const line = lines[(error.row ?? 0) - 1] ?? '';
      const value = /"(.*)" is not a date/.exec(error.message)?.[1] ?? '';
      expect(line).toContain(`"${value}"`);
      expect(error.message.startsWith(`${error.column ?? ''}: `)).toBe(true);
    }
  });

  it('applies the data rules: emails, ALL-CAPS names, statuses, pending references', async () => {
    const [emails] = await query<{ bad: number; contacts_with_two_primaries: number }>(sql`
      select count(*) filter (where email <> lower(btrim(email)))::int as bad,
             (select count(*) from (select contact_id from contact_emails where is_primary
               group by contact_id having count(*) > 1) x)::int as contacts_with_two_primaries
      from contact_emails`);
    expect(emails).toEqual({ bad: 0, contacts_with_two_primaries: 0 });

    const [names] = await query<{ caps: number; flags: number }>(sql`
      select (select count(*) from contacts where first_name ~ '^[A-Z]{2,}$' and last_name ~ '^[A-Z]{2,}$')::int as caps,
             (select count(*) from data_quality_flags where issue = 'all_caps_name' and status = 'open')::int as flags`);
    const capsInFile = readCsv(SAMPLES, 'Contact').filter((c) => {
      const letters = `${c.FirstName}${c.LastName}`.replace(/[^\p{L}]/gu, '');
      return letters.length >= 2 && letters === letters.toUpperCase();
    }).length;
    expect(names).toEqual({ caps: 0, flags: capsInFile });

    const statuses = await query<{ raw_status: string | null; status: string }>(sql`
      select distinct raw_status, status from events
      where lower(raw_status) in ('canceled', 'teacher no-show', 'successfully completed', 'on hold')`);
    expect(
      Object.fromEntries(statuses.map((s) => [s.raw_status?.toLowerCase(), s.status])),
    ).toEqual({
      canceled: 'Cancelled',
      'successfully completed': 'Completed',
      'teacher no-show': 'No Show',
      'on hold': 'Requested',
    });

    const [pending] = await query<{ queued: number; flags: number }>(sql`
      select (select count(*) from import_pending where resolved_at is null)::int as queued,
             (select count(*) from data_quality_flags where issue in ('unmatched_participation', 'unmatched_history') and status = 'open')::int as flags`);
    expect(pending?.queued).toBeGreaterThan(0);
    expect(pending?.flags).toBe(pending?.queued);
  });

  it('a second run of the same folder creates and updates nothing', async () => {
    const second = await run();
    for (const step of second.steps) {
      expect({ step: step.name, created: step.created, updated: step.updated }).toEqual({
        step: step.name,
        created: 0,
        updated: 0,
      });
    }
    expect(second.steps.find((s) => s.name === 'events')?.read).toBe(
      first.steps.find((s) => s.name === 'events')?.read,
    );
  }, 300_000);
});
