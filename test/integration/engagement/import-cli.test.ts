import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../support/cli.js';
import { createPostgresDatabase, testDatabaseKinds } from '../../support/databases.js';
import { baseExport, removeDir, writeExport } from './fixtures.js';
import { expectedCounts } from './sample-expectations.js';

const SAMPLES = path.resolve(import.meta.dirname, '../../../samples/engagement');
const STEPS = [
  'organizations',
  'schools',
  'classes',
  'teachers',
  'students',
  'volunteers',
  'affiliations',
  'events',
  'history',
  'link_unaffiliated_events',
  'virtual_sessions',
];

interface CliSummary {
  status: string;
  plan: string[];
  steps: { name: string; status: string; read: number; created: number; updated: number }[];
  errors: { step: string; file: string; row: number; column: string; code: string }[];
}

describe.each(testDatabaseKinds())('eduledger import engagement on %s', (kind) => {
  const saved = { ...process.env };
  let dropDatabase: (() => Promise<void>) | undefined;
  const dirs: string[] = [];
  const folder = () => {
    const dir = writeExport(baseExport());
    dirs.push(dir);
    return dir;
  };
  const importCli = (...args: string[]) =>
    runCli(['import', 'engagement', '--tenant', 'demo', ...args]);

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
    dirs.forEach(removeDir);
    await dropDatabase?.();
  });

  it('imports the sample folder on a fresh install with counts matching the files (exit 1: rejected rows)', async () => {
    const result = await importCli('--source', SAMPLES, '--json');
    const summary = JSON.parse(result.stdout) as CliSummary;
    expect(Object.keys(summary)).toEqual(['runId', 'status', 'plan', 'steps', 'errors']);
    expect(summary.status).toBe('partial');
    expect(result.code).toBe(1);
    expect(summary.plan).toEqual(STEPS);
    const expected = expectedCounts(SAMPLES);
    for (const step of summary.steps) {
      expect(step).toEqual({
        name: step.name,
        status: expect.any(String) as unknown,
        ...expected[step.name],
      });
    }
    expect(summary.errors[0]).toEqual({
      step: expect.any(String) as unknown,
      file: expect.any(String) as unknown,
      row: expect.any(Number) as unknown,
      column: expect.any(String) as unknown,
      code: 'bad_date',
      message: expect.any(String) as unknown,
    });
  }, 240_000);

  it('--plan-only prints the plan and warnings and runs nothing', async () => {
    const all = await importCli('--source', SAMPLES, '--plan-only', '--json');
    expect(all.code).toBe(0);
    expect(JSON.parse(all.stdout)).toEqual({ plan: STEPS, warnings: [] });

    const some = await importCli(
      '--source',
      SAMPLES,
      '--only',
      'history,events',
      '--plan-only',
      '--json',
    );
    const plan = JSON.parse(some.stdout) as { plan: string[]; warnings: string[] };
    expect(plan.plan).toEqual(['events', 'history']);
    expect(plan.warnings.join(' ')).toContain('volunteers');
  });

  it('--validate-only reports the counts and writes nothing', async () => {
    const dir = folder();
    const validated = await importCli('--source', dir, '--validate-only', '--json');
    expect(validated.code).toBe(0);
    const summary = JSON.parse(validated.stdout) as CliSummary;
    expect(summary.steps.find((s) => s.name === 'events')).toMatchObject({ created: 3 });

    const real = JSON.parse((await importCli('--source', dir, '--json')).stdout) as CliSummary;
    expect(real.status).toBe('succeeded');
    expect(real.steps.find((s) => s.name === 'events')).toMatchObject({ created: 3 });
  });

  it('exits 2 on bad usage: unknown tenant, unknown step, missing folder', async () => {
    expect(
      (await runCli(['import', 'engagement', '--tenant', 'nope', '--source', SAMPLES])).code,
    ).toBe(2);
    const unknownStep = await importCli('--source', SAMPLES, '--only', 'sessions', '--json');
    expect(unknownStep.code).toBe(2);
    expect(unknownStep.stdout).toContain('sessions');
    expect((await importCli('--source', path.join(SAMPLES, 'missing'))).code).toBe(2);
  });

  it('--chunk-size and --students-max-chunks limit the students step', async () => {
    const result = await importCli(
      '--source',
      SAMPLES,
      '--only',
      'students',
      '--chunk-size',
      '5',
      '--students-max-chunks',
      '2',
      '--json',
    );
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout) as CliSummary;
    expect(summary.steps).toEqual([
      expect.objectContaining({ name: 'students', status: 'succeeded', read: 10 }),
    ]);
  }, 120_000);
});
