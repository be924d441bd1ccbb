import path from 'node:path';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tx } from '../../src/core/db/tx.js';
import { createLogger } from '../../src/core/observe/logger.js';
import { importOutcomes } from '../../src/modules/outcomes/imports/service.js';
import type { TestApp } from '../support/app.js';
import { SAMPLES } from '../support/cei.js';
import { testDatabaseKinds } from '../support/databases.js';
import { signIn } from '../support/identity.js';
import { apiAs, createOutcomesApp, seedInstitution, seedMember } from '../support/outcomes.js';

const REPORT = '/api/reports/clo-results-by-course';

describe.each(testDatabaseKinds())('the CLO results by course workbook on %s', (kind) => {
  let t: TestApp;
  let admin: ReturnType<typeof apiAs>;

  beforeAll(async () => {
    t = await createOutcomesApp(kind);
    const { database } = t.testDb;
    const college = await seedInstitution(database, 'college');
    await importOutcomes(
      { db: database.db, logger: createLogger('silent') },
      {
        tenantId: college.id,
        filePath: path.join(SAMPLES, '2024FAresults_safe.xlsx'),
        fileName: '2024FAresults_safe.xlsx',
        format: 'cei',
        validateOnly: false,
        triggeredBy: { type: 'system' },
        audit: { actor: { type: 'system' } },
        actor: { id: null, label: 'test' },
      },
    );
    await tx(database.db, { tenantId: college.id }, async (q) => {
      for (const [combo, clo, took, passed] of [
        ['ACC-201:A. Stau', 1, 13, 12],
        ['ACC-201:J. Barz', 1, 3, 1],
        ['ACC-201:A. Stau', 2, 13, 8],
        ['ACC-201:J. Barz', 2, 3, 1],
      ] as const) {
        await q.execute(sql`update section_outcomes so set took = ${took}, passed = ${passed},
          tool = 'Exam', status = 'submitted' from sections s, course_outcomes co
          where s.id = so.section_id and co.id = so.course_outcome_id
            and s.combo = ${combo} and co.number = ${clo}`);
      }
    });
    await seedMember(database, 'admin@college.example.edu', 'college', 'tenant_admin');
    await seedMember(database, 'pa@college.example.edu', 'college', 'program_admin', [
      '00000000-0000-4000-8000-000000000000',
    ]);
    admin = apiAs(t.app, (await signIn(t.app, 'admin@college.example.edu')).cookie);
  });
  afterAll(() => t.dispose());

  it('lists each section outcome and a subtotal per CLO with its rate and S/U', async () => {
    const response = await admin('GET', `${REPORT}?term=2024FA&course=ACC-201&pageSize=100`);
    expect(response.status).toBe(200);
    const rows = response.body.rows as Record<string, unknown>[];
    expect(rows.map((r) => [r.clo, r.section, r.took, r.passed, r.result])).toEqual([
      ['ACC-201.1', 'ACC-201-001', 13, 12, 'S'],
      ['ACC-201.1', 'ACC-201-002', 3, 1, 'U'],
      ['ACC-201.1', 'All 2 section(s)', 16, 13, 'S'],
      ['ACC-201.2', 'ACC-201-001', 13, 8, 'U'],
      ['ACC-201.2', 'ACC-201-002', 3, 1, 'U'],
      ['ACC-201.2', 'All 2 section(s)', 16, 9, 'U'],
      ['ACC-201.3', 'ACC-201-001', null, null, null],
      ['ACC-201.3', 'ACC-201-002', null, null, null],
      ['ACC-201.3', 'All 2 section(s)', 0, 0, null],
    ]);
    expect(rows[2]?.rate).toBeCloseTo(81.25);
    expect(response.body.summary).toMatchObject({
      threshold: 75,
      courses: 1,
      outcomes: 3,
      satisfactory: 1,
      unsatisfactory: 1,
    });
  });

  it('exports one sheet sorted by course then CLO, subtotals included', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: `${REPORT}/export?format=xlsx&term=2024FA`,
      headers: { cookie: (await signIn(t.app, 'admin@college.example.edu')).cookie },
    });
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['CLO results']);
    const sheet = workbook.worksheets[0];
    expect(sheet?.getRow(1).values).toEqual([
      undefined,
      'Course',
      'CLO',
      'Outcome',
      'Term',
      'Section',
      'Instructor',
      'Took',
      'Passed',
      'Pass rate',
      'Result',
    ]);
    expect(sheet?.rowCount).toBe(1 + 1538 + 817);
    expect(sheet?.getRow(2).getCell(2).value).toBe('ACC-201.1');
  });

  it('narrows the rows to a program admin’s programs', async () => {
    const pa = apiAs(t.app, (await signIn(t.app, 'pa@college.example.edu')).cookie);
    const response = await pa('GET', `${REPORT}?term=2024FA`);
    expect(response.status).toBe(200);
    expect(response.body.rows).toEqual([]);
  });
});
