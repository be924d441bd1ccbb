import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerImportCommands } from '../../src/cli/commands/import.js';
import { openDatabase } from '../../src/core/db/client.js';
import { migrate } from '../../src/core/db/migrate.js';
import { defineModule } from '../../src/core/modules/define-module.js';
import { createTenant } from '../../src/core/tenants/service.js';
import { runCli } from '../support/cli.js';
import { createPostgresDatabase, testDatabaseKinds } from '../support/databases.js';
import { createFakeTables, csvFolder, fakePipeline } from '../support/fake-pipeline.js';

const fakeModule = defineModule({ name: 'fake', label: 'Fake', importPipelines: [fakePipeline] });

const program = () => {
  const built = new Command('eduledger').exitOverride();
  registerImportCommands(built, [fakeModule]);
  return built;
};

describe.each(testDatabaseKinds())('eduledger import <pipeline> on %s', (kind) => {
  const saved = { ...process.env };
  let dropDatabase: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    process.env.LOG_LEVEL = 'silent';
    delete process.env.BASE_URL;
    process.env.DATA_DIR = mkdtempSync(path.join(tmpdir(), 'edl-import-cli-'));
    if (kind === 'postgres') {
      const created = await createPostgresDatabase();
      process.env.DATABASE_URL = created.url;
      dropDatabase = created.drop;
    } else {
      delete process.env.DATABASE_URL;
    }
    const database = await openDatabase(
      kind === 'postgres'
        ? { kind: 'postgres', url: process.env.DATABASE_URL ?? '' }
        : { kind: 'pglite', dataDir: process.env.DATA_DIR },
    );
    await migrate(database);
    await createFakeTables(database);
    await createTenant(database.db, { slug: 'acme', name: 'Acme', modules: ['fake'] }, ['fake']);
    await createTenant(database.db, { slug: 'other', name: 'Other', modules: [] }, ['fake']);
    await database.close();
  });
  afterAll(async () => {
    process.env = saved;
    await dropDatabase?.();
  });

  const folder = () =>
    csvFolder({
      'Item.csv': ['Id,Name,Amount', 'i1,One,1', 'i2,Two,x'],
      'Link.csv': ['Id,Name,ItemId', 'l1,Link,i1'],
      'Note.csv': ['Id'],
    });

  it('prints exactly the run object with --json and exits 1 when rows failed', async () => {
    const result = await runCli(
      ['import', 'fake', '--tenant', 'acme', '--source', folder(), '--json'],
      program,
    );
    expect(result.code).toBe(1);
    const output = JSON.parse(result.stdout);
    expect(Object.keys(output)).toEqual(['runId', 'status', 'plan', 'steps', 'errors']);
    expect(output).toMatchObject({
      status: 'partial',
      plan: ['items', 'links', 'notes'],
      errors: [
        {
          step: 'items',
          file: 'Item.csv',
          row: 3,
          column: 'Amount',
          code: 'bad_number',
          message: 'Amount "x" is not a whole number',
        },
      ],
    });
    expect(output.steps[0]).toEqual({
      name: 'items',
      status: 'partial',
      read: 2,
      created: 1,
      updated: 0,
      unchanged: 0,
      skipped: 0,
      failed: 1,
    });
  });

  it('exits 0 on success, with a readable summary without --json', async () => {
    const result = await runCli(
      ['import', 'fake', '--tenant', 'acme', '--source', folder(), '--only', 'links,notes'],
      program,
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/: succeeded/);
    expect(result.stdout).toContain('warning: links depends on items');
  });

  it('prints the plan and warnings with --plan-only, running nothing', async () => {
    const result = await runCli(
      ['import', 'fake', '--tenant', 'acme', '--exclude', 'items', '--plan-only', '--json'],
      program,
    );
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      plan: ['links', 'notes'],
      warnings: [
        'links depends on items, which is not in the plan: it runs against the data already imported',
      ],
    });
  });

  it('exits 2 on bad usage: unknown step, unknown tenant, module off, no source', async () => {
    const cases = [
      [
        ['--tenant', 'acme', '--source', folder(), '--only', 'nope'],
        /Valid steps: items, links, notes/,
      ],
      [['--tenant', 'ghost', '--source', folder()], /Unknown tenant "ghost"/],
      [['--tenant', 'other', '--source', folder()], /not enabled for tenant "other"/],
      [['--tenant', 'acme'], /Give exactly one source/],
      [['--tenant', 'acme', '--source', '/no/such/dir'], /is not a folder/],
    ] as const;
    for (const [args, message] of cases) {
      const result = await runCli(['import', 'fake', ...args, '--json'], program);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(message);
    }
  });
});
