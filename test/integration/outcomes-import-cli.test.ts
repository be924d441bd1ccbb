import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLES, writeWorkbook } from '../support/cei.js';
import { runCli } from '../support/cli.js';
import { createPostgresDatabase, testDatabaseKinds } from '../support/databases.js';

describe.each(testDatabaseKinds())('eduledger import outcomes on %s', (kind) => {
  const saved = { ...process.env };
  let dropDatabase: (() => Promise<void>) | undefined;
  const importCli = (...args: string[]) =>
    runCli(['import', 'outcomes', '--tenant', 'demo', ...args]);

  beforeAll(async () => {
    process.env.LOG_LEVEL = 'silent';
    delete process.env.BASE_URL;
    if (kind === 'postgres') {
      const created = await createPostgresDatabase();
      process.env.DATABASE_URL = created.url;
      dropDatabase = created.drop;
    } else {
      delete process.env.DATABASE_URL;
      process.env.DATA_DIR = mkdtempSync(path.join(tmpdir(), 'edl-cli-'));
    }
    expect((await runCli(['seed', 'demo', '--json'])).code).toBe(0);
  });
  afterAll(async () => {
    process.env = saved;
    await dropDatabase?.();
  });

  const sample = path.join(SAMPLES, '2024FAresults_safe.xlsx');

  it('prints the §4 JSON with per-entity counts and warnings', async () => {
    const validated = await importCli(
      '--file',
      sample,
      '--format',
      'cei',
      '--validate-only',
      '--json',
    );
    expect(validated.code).toBe(0);
    expect(JSON.parse(validated.stdout)).toMatchObject({
      status: 'succeeded',
      counts: { sections: { created: 311, updated: 0, unchanged: 0 } },
    });

    const imported = await importCli('--file', sample, '--json');
    expect(imported.code).toBe(0);
    const json = JSON.parse(imported.stdout) as Record<string, unknown>;
    expect(Object.keys(json).sort()).toEqual(
      ['counts', 'errors', 'plan', 'runId', 'status', 'steps', 'warnings'].sort(),
    );
    expect(json).toMatchObject({
      status: 'succeeded',
      plan: ['read', 'terms', 'courses', 'instructors', 'outcomes', 'sections', 'section_outcomes'],
      counts: {
        courses: { created: 173, updated: 0, unchanged: 0 },
        terms: { created: 1, updated: 0, unchanged: 0 },
        sections: { created: 311, updated: 0, unchanged: 0 },
        instructors: { created: 144, updated: 0, unchanged: 0 },
        outcomes: { created: 817, updated: 0, unchanged: 0 },
        sectionOutcomes: { created: 1538, updated: 0, unchanged: 0 },
      },
      errors: [],
    });
    expect(json.warnings).toHaveLength(5);
    expect(json.steps).toContainEqual({
      name: 'read',
      status: 'succeeded',
      read: 1543,
      created: 0,
      updated: 0,
      unchanged: 1538,
      skipped: 5,
      failed: 0,
    });
  });

  it('prints a readable summary without --json', async () => {
    const result = await importCli('--file', sample);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/sectionOutcomes\s+0\s+0\s+1538/);
    expect(result.stdout).toContain('warning: 2024FAresults_safe.xlsx, row 197');
  });

  it('exports the institution and imports the export back, changing nothing', async () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'edl-export-')), 'demo.zip');
    const exported = await runCli([
      'export',
      'outcomes',
      '--tenant',
      'demo',
      '--out',
      out,
      '--json',
    ]);
    expect(exported.code).toBe(0);
    expect(JSON.parse(exported.stdout)).toMatchObject({
      file: out,
      format: 'eduledger-outcomes',
      counts: { sections: 311, section_outcomes: 1538 },
    });
    const reimported = await importCli('--file', out, '--json');
    expect(reimported.code).toBe(0);
    const json = JSON.parse(reimported.stdout) as {
      counts: Record<string, { created: number; updated: number; unchanged: number }>;
    };
    expect(json.counts.sectionOutcomes).toEqual({ created: 0, updated: 0, unchanged: 1538 });
  });

  it('exits 1 when the workbook fails, 2 on bad usage', async () => {
    const bad = await writeWorkbook([['ACC-201']], ['course']);
    const failed = await importCli('--file', bad, '--json');
    expect(failed.code).toBe(1);
    const json = JSON.parse(failed.stdout) as { status: string; errors: { code: string }[] };
    expect(json.status).toBe('failed');
    expect(json.errors[0]).toMatchObject({ step: 'read', code: 'missing_columns' });
    expect((await importCli('--file', path.join(SAMPLES, 'nope.xlsx'))).code).toBe(2);
    expect((await importCli('--file', sample, '--format', 'csv')).code).toBe(2);
    expect(
      (await runCli(['import', 'outcomes', '--tenant', 'nobody', '--file', sample])).code,
    ).toBe(2);
  });
});
