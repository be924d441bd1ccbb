import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/core/db/client.js';
import { createLogger } from '../../src/core/observe/logger.js';
import { importOutcomes } from '../../src/modules/outcomes/imports/service.js';
import {
  CEI_HEADER,
  SAMPLES,
  ceiRow,
  reorderWorkbook,
  writeNotAWorkbook,
  writeWorkbook,
} from '../support/cei.js';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../support/databases.js';
import { rows } from '../support/identity.js';
import { seedInstitution } from '../support/outcomes.js';

const TABLES = [
  'terms',
  'courses',
  'course_programs',
  'instructors',
  'course_outcomes',
  'offerings',
  'sections',
  'section_outcomes',
] as const;

describe.each(testDatabaseKinds())('CEI workbook import on %s', (kind) => {
  let testDb: TestDatabase;
  let database: Database;
  const tenants: Record<string, string> = {};

  beforeAll(async () => {
    testDb = await createTestDatabase(kind);
    database = testDb.database;
  });
  afterAll(() => testDb.dispose());

  const institution = async (slug: string) => {
    tenants[slug] ??= (await seedInstitution(database, slug)).id;
    return tenants[slug];
  };

  const importFile = async (slug: string, filePath: string, validateOnly = false) =>
    importOutcomes(
      { db: database.db, logger: createLogger('silent') },
      {
        tenantId: await institution(slug),
        filePath,
        fileName: path.basename(filePath),
        format: 'cei',
        validateOnly,
        triggeredBy: { type: 'system' },
        audit: { actor: { type: 'system' } },
        actor: { id: null, label: 'test' },
      },
    );

  /** Rows per outcomes table of one institution. */
  const tableCounts = async (slug: string) => {
    const tenantId = await institution(slug);
    const counts: Record<string, number> = {};
    for (const table of TABLES) {
      const [row] = await rows<{ n: number }>(
        database,
        sql`select count(*)::int as n from ${sql.identifier(table)} where tenant_id = ${tenantId}`,
      );
      counts[table] = row?.n ?? 0;
    }
    return counts;
  };
  const empty = Object.fromEntries(TABLES.map((t) => [t, 0]));

  const sample = path.join(SAMPLES, '2024FAresults_safe.xlsx');

  it('validate-only reports what the fall 2024 feed would create, and writes nothing', async () => {
    const result = await importFile('fall', sample, true);
    expect(result.status).toBe('succeeded');
    expect(result.counts.sections).toEqual({ created: 311, updated: 0, unchanged: 0 });
    expect(result.counts.sectionOutcomes.created).toBe(1538);
    expect(await tableCounts('fall')).toEqual(empty);
    const [run] = await rows<{ mode: string; status: string }>(
      database,
      sql`select mode, status from import_runs where id = ${result.runId}`,
    );
    expect(run).toEqual({ mode: 'validate', status: 'succeeded' });
  });

  it('imports the fall 2024 feed with exactly the reference counts', async () => {
    const result = await importFile('fall', sample);
    expect(result.status).toBe('succeeded');
    expect(result.counts).toEqual({
      courses: { created: 173, updated: 0, unchanged: 0 },
      terms: { created: 1, updated: 0, unchanged: 0 },
      sections: { created: 311, updated: 0, unchanged: 0 },
      instructors: { created: 144, updated: 0, unchanged: 0 },
      outcomes: { created: 817, updated: 0, unchanged: 0 },
      sectionOutcomes: { created: 1538, updated: 0, unchanged: 0 },
    });
    expect(result.errors).toEqual([]);
    expect(result.warnings.map((w) => [w.row, w.code])).toEqual(
      [197, 198, 199, 200, 201].map((r) => [r, 'duplicate_row']),
    );
    expect(await tableCounts('fall')).toMatchObject({
      terms: 1,
      courses: 173,
      course_programs: 173,
      instructors: 144,
      course_outcomes: 817,
      offerings: 173,
      sections: 311,
      section_outcomes: 1538,
    });
    const suffixed = await rows<{ n: number }>(
      database,
      sql`select count(*)::int as n from courses where tenant_id = ${tenants.fall} and number ~ '[A-Z]$'`,
    );
    expect(suffixed[0]?.n).toBe(12);
    const instructors = await rows<{ email: string | null }>(
      database,
      sql`select distinct email from instructors where tenant_id = ${tenants.fall}`,
    );
    expect(instructors).toEqual([{ email: null }]);
    const sections = await rows<{ number: string; enrollment: number; withdrawals: number }>(
      database,
      sql`select s.number, s.enrollment, s.withdrawals from sections s
          where s.combo = 'BIOL-227:K. Bowm'`,
    );
    expect(sections).toEqual([expect.objectContaining({ enrollment: 22, withdrawals: 0 })]);
    const [numbers] = await rows<{ numbers: string[] }>(
      database,
      sql`select array_agg(s.number order by s.number) as numbers from sections s
          join offerings o on o.id = s.offering_id join courses c on c.id = o.course_id
          where c.number = 'ACC-201' and c.tenant_id = ${tenants.fall}`,
    );
    expect(numbers?.numbers).toEqual(['001', '002']);
  });

  it('reports nothing created or updated when the same feed comes again', async () => {
    const before = await tableCounts('fall');
    const result = await importFile('fall', sample);
    expect(result.status).toBe('succeeded');
    for (const counts of Object.values(result.counts)) {
      expect(counts.created + counts.updated).toBe(0);
    }
    expect(result.counts.sectionOutcomes.unchanged).toBe(1538);
    expect(await tableCounts('fall')).toEqual(before);
  });

  it('creates instructors with emails (pending) and the due date from the Excel serial', async () => {
    const result = await importFile('proposed', path.join(SAMPLES, '2024FA_test_data.xlsx'));
    expect(result.status).toBe('succeeded');
    expect(result.counts.courses.created).toBe(4);
    const instructors = await rows<{ name: string; email: string; status: string }>(
      database,
      sql`select i.name, i.email, case when i.email is null then 'needs_email'
            when u.status = 'active' then 'active' else 'pending' end as status
          from instructors i left join users u on u.email = i.email
          where i.tenant_id = ${tenants.proposed} order by i.name`,
    );
    expect(instructors.length).toBeGreaterThan(0);
    expect(instructors).toContainEqual({
      name: 'Morgan Tate',
      email: 'morgan.tate@college.example.edu',
      status: 'pending',
    });
    expect(instructors.every((i) => i.email.includes('@') && i.status === 'pending')).toBe(true);
    const dueDates = await rows<{ due_date: string }>(
      database,
      sql`select distinct s.due_date::text from sections s where s.tenant_id = ${tenants.proposed}`,
    );
    expect(dueDates).toContainEqual({ due_date: '2024-12-06' });
  });

  it('fails a workbook missing required columns before writing, naming them all', async () => {
    const file = await writeWorkbook(
      [['ACC-201', 'A. Stau', 20]],
      ['Course', 'Faculty Name', 'Enrolled Students'],
    );
    const result = await importFile('bad', file);
    expect(result.status).toBe('failed');
    expect(result.errors[0]).toMatchObject({
      step: 'read',
      code: 'missing_columns',
      message: 'feed.xlsx is missing required columns: combo, cllo_text, Term',
    });
    expect(await tableCounts('bad')).toEqual(empty);
  });

  it('matches headers ignoring case and spaces', async () => {
    const header = CEI_HEADER.map((h) => ` ${h.toUpperCase().replace(' ', '  ')} `);
    const file = await writeWorkbook([ceiRow('ASE-103L', 'R. Vale', 1)], header);
    const result = await importFile('headers', file);
    expect(result.status).toBe('succeeded');
    expect(result.counts.courses.created).toBe(1);
  });

  it('reads a workbook whose workbook part comes after its sheet', async () => {
    const file = await reorderWorkbook(await writeWorkbook([ceiRow('ASE-103L', 'R. Vale', 1)]));
    const result = await importFile('reordered', file);
    expect(result.status).toBe('succeeded');
    expect(result.counts.courses.created).toBe(1);
  });

  it('refuses an empty sheet and a file that is not a workbook', async () => {
    const emptySheet = await importFile('bad', await writeWorkbook([], []));
    expect(emptySheet.status).toBe('failed');
    expect(emptySheet.errors[0]).toMatchObject({ code: 'empty_file' });
    const headerOnly = await importFile('bad', await writeWorkbook([]));
    expect(headerOnly.errors[0]).toMatchObject({
      code: 'empty_file',
      message: expect.stringContaining('no data rows'),
    });
    const notZip = await importFile('bad', writeNotAWorkbook());
    expect(notZip.status).toBe('failed');
    expect(notZip.errors[0]).toMatchObject({
      code: 'invalid_file',
      message: expect.stringContaining('is not an Excel workbook'),
    });
    expect(await tableCounts('bad')).toEqual(empty);
  });

  it('rejects bad rows and conflicting combos whole, importing the rest', async () => {
    const file = await writeWorkbook([
      ceiRow('ACC-201', 'A. Stau', 1),
      [
        'ACC-201',
        'ACC-201:A. Stau',
        'ACC-202.2: Not this course',
        20,
        1,
        'A. Stau',
        '2023FA',
        '2024FA',
      ],
      ceiRow('BIO-101', 'K. Bowm', 1, 'twenty'),
      ceiRow('CHM-110', 'J. Barz', 1, 18, 0),
      ceiRow('CHM-110', 'J. Barz', 2, 19, 0),
    ]);
    const result = await importFile('rows', file);
    expect(result.status).toBe('partial');
    expect(result.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [3, 'cllo_text', 'clo_course_mismatch'],
      [4, 'Enrolled Students', 'invalid_number'],
      [5, 'combo', 'combo_rejected'],
      [6, 'Enrolled Students', 'conflicting_enrollment'],
    ]);
    expect(result.errors[3]?.message).toContain('row 5');
    expect(result.counts.courses.created).toBe(1);
    expect(await tableCounts('rows')).toMatchObject({
      courses: 1,
      sections: 1,
      section_outcomes: 1,
      instructors: 1,
    });
  });

  it('fills results from the result columns and submits complete sections', async () => {
    const header = [
      ...CEI_HEADER,
      'pass_course',
      'dfic_course',
      'assessment tool',
      'passed_c',
      'took_c',
      'celebrations',
    ];
    const file = await writeWorkbook(
      [
        [
          ...ceiRow('MAS-105C', 'L. Ortiz', 1, 20, 2),
          15,
          3,
          'Final exam',
          14,
          18,
          'Great lab work',
        ],
        [...ceiRow('MAS-105C', 'L. Ortiz', 2, 20, 2), 15, 3, 'Portfolio', 16, 18, ''],
        [...ceiRow('MAS-106', 'L. Ortiz', 1, 10, 0), '', '', 'Quiz', '', 9, ''],
      ],
      header,
    );
    const result = await importFile('results', file);
    expect(result.status).toBe('succeeded');
    const outcomes = await rows<{
      number: string;
      took: number;
      passed: number;
      tool: string;
      status: string;
    }>(
      database,
      sql`select c.number, so.took, so.passed, so.tool, so.status from section_outcomes so
          join sections s on s.id = so.section_id join offerings o on o.id = s.offering_id
          join courses c on c.id = o.course_id join course_outcomes co on co.id = so.course_outcome_id
          where so.tenant_id = ${tenants.results} order by c.number, co.number`,
    );
    expect(outcomes).toEqual([
      { number: 'MAS-105C', took: 18, passed: 14, tool: 'Final exam', status: 'submitted' },
      { number: 'MAS-105C', took: 18, passed: 16, tool: 'Portfolio', status: 'submitted' },
      { number: 'MAS-106', took: 9, passed: null, tool: 'Quiz', status: 'assigned' },
    ]);
    const [section] = await rows<{
      passed_count: number;
      dfic_count: number;
      celebrations: string;
    }>(
      database,
      sql`select passed_count, dfic_count, celebrations from sections
          where tenant_id = ${tenants.results} and combo = 'MAS-105C:L. Ortiz'`,
    );
    expect(section).toEqual({ passed_count: 15, dfic_count: 3, celebrations: 'Great lab work' });
  });
});
