import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { createPostgresDatabase, testDatabaseKinds } from '../support/databases.js';

const SAMPLES = path.resolve(import.meta.dirname, '../../samples/engagement');

describe.each(testDatabaseKinds())('eduledger report on %s', (kind) => {
  const saved = { ...process.env };
  const out = mkdtempSync(path.join(tmpdir(), 'edl-report-'));
  let dropDatabase: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    process.env.LOG_LEVEL = 'silent';
    delete process.env.BASE_URL;
    if (kind === 'postgres') {
      const created = await createPostgresDatabase();
      process.env.DATABASE_URL = created.url;
      dropDatabase = created.drop;
    } else {
      delete process.env.DATABASE_URL;
      process.env.DATA_DIR = path.join(out, 'data');
    }
    const tenant = await runCli([
      'tenants',
      'create',
      '--slug',
      'kc',
      '--name',
      'KC',
      '--modules',
      'engagement',
    ]);
    expect(tenant.code).toBe(0);
    const imported = await runCli([
      'import',
      'engagement',
      '--tenant',
      'kc',
      '--source',
      SAMPLES,
      '--json',
    ]);
    expect(imported.code, imported.stderr).toBeLessThan(2);
  }, 300_000);
  afterAll(async () => {
    process.env = saved;
    await dropDatabase?.();
  });

  it('prints {report, filters, computedAt, summary, rows} with the field names of §2.5', async () => {
    const result = await runCli([
      'report',
      'district-year-end',
      '--tenant',
      'kc',
      '--school-year',
      '2024-2025',
      '--format',
      'json',
    ]);
    expect(result.code, result.stderr).toBe(0);
    const body = JSON.parse(result.stdout);
    expect(Object.keys(body)).toEqual(['report', 'filters', 'computedAt', 'summary', 'rows']);
    expect(body.filters).toEqual({ schoolYear: '2024-2025' });
    expect(body.rows[0]).toEqual(
      expect.objectContaining({
        district: expect.any(String),
        events: expect.any(Number),
        inPersonEvents: expect.any(Number),
        virtualEvents: expect.any(Number),
        studentParticipations: expect.any(Number),
        uniqueStudents: expect.any(Number),
        virtualStudentsEstimate: expect.any(Number),
        volunteerEngagements: expect.any(Number),
        uniqueVolunteers: expect.any(Number),
        volunteerHours: expect.any(Number),
        organizations: expect.any(Number),
        schools: expect.any(Number),
      }),
    );

    const one = await runCli([
      'report',
      'district-year-end-detail',
      '--tenant',
      'kc',
      '--school-year',
      '2024-2025',
      '--district',
      String(body.rows[0].district),
      '--filter',
      'groupBy=school',
    ]);
    expect(one.code, one.stderr).toBe(0);
    expect(JSON.parse(one.stdout).filters).toMatchObject({ groupBy: 'school' });
  });

  it('writes CSV and XLSX files that read back', async () => {
    const csvFile = path.join(out, 'hours.csv');
    const csv = await runCli([
      'report',
      'volunteer-hours',
      '--tenant',
      'kc',
      '--school-year',
      '2024-2025',
      '--format',
      'csv',
      '--out',
      csvFile,
      '--json',
    ]);
    expect(csv.code, csv.stderr).toBe(0);
    expect(JSON.parse(csv.stdout)).toEqual({
      report: 'volunteer-hours',
      format: 'csv',
      out: csvFile,
    });
    const records = parse(readFileSync(csvFile), { columns: true }) as Record<string, string>[];
    expect(Object.keys(records[0] ?? {})).toEqual([
      'Rank',
      'Name',
      'Organization',
      'Title',
      'Events',
      'Hours',
    ]);
    expect(records[0]?.Rank).toBe('1');

    const xlsxFile = path.join(out, 'dye.xlsx');
    const xlsx = await runCli([
      'report',
      'district-year-end',
      '--tenant',
      'kc',
      '--school-year',
      '2024-2025',
      '--format',
      'xlsx',
      '--out',
      xlsxFile,
    ]);
    expect(xlsx.code, xlsx.stderr).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsxFile);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'Summary',
      'Event Types',
      'Monthly Breakdown',
    ]);
  });

  it('refuses bad usage with exit 2', async () => {
    expect((await runCli(['report', 'nope', '--tenant', 'kc'])).code).toBe(2);
    expect(
      (await runCli(['report', 'district-year-end', '--tenant', 'kc', '--format', 'xlsx'])).code,
    ).toBe(2);
    expect(
      (await runCli(['report', 'district-year-end', '--tenant', 'kc', '--school-year', '2024']))
        .code,
    ).toBe(2);
    expect((await runCli(['report', 'district-year-end', '--tenant', 'missing'])).code).toBe(1);
  });
});
