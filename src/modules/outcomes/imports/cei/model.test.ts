import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SourceRow } from '../../../../core/imports/types.js';
import { buildCeiModel } from './model.js';
import { CEI_OBJECT, ceiWorkbookSource } from './source.js';

const SAMPLES = path.resolve(import.meta.dirname, '../../../../../samples/outcomes');

async function rowsOf(file: string) {
  const rows: SourceRow[] = [];
  const source = ceiWorkbookSource(path.join(SAMPLES, file));
  for await (const row of source.rows(CEI_OBJECT, { fields: [], required: [] })) rows.push(row);
  return rows;
}

const row = (line: number, values: Record<string, string>): SourceRow => ({
  file: 'feed.xlsx',
  row: line,
  values: {
    course: 'ACC-201',
    combo: 'ACC-201:A. Stau',
    cllo_text: 'ACC-201.1: Complete the accounting cycle',
    'Enrolled Students': '14',
    "Total W's": '1',
    'Faculty Name': 'A. Stau',
    Term: '2024FA',
    ...values,
  },
});

describe('the CEI model', () => {
  it('finds the reference counts in the fall 2024 feed', async () => {
    const model = buildCeiModel(await rowsOf('2024FAresults_safe.xlsx'));
    expect(model.rows).toHaveLength(1543);
    expect([...model.terms.keys()]).toEqual(['2024FA']);
    expect(model.courses.size).toBe(173);
    expect([...model.courses.keys()].filter((c) => /[A-Z]$/.test(c))).toHaveLength(12);
    expect(model.sections.size).toBe(311);
    expect(model.instructors.size).toBe(144);
    expect([...model.instructors.values()].every((i) => i.email === null)).toBe(true);
    expect(model.outcomes.size).toBe(817);
    expect(model.sectionOutcomes.size).toBe(1538);
    expect(model.warnings.map((w) => [w.row, w.code])).toEqual(
      [197, 198, 199, 200, 201].map((r) => [r, 'duplicate_row']),
    );
    expect(model.rows.filter((r) => r.result.outcome === 'failed')).toEqual([]);
  });

  it('reads emails and the Excel date of the proposed feed', async () => {
    const model = buildCeiModel(await rowsOf('2024FA_test_data.xlsx'));
    expect(model.courses.size).toBe(4);
    expect([...model.instructors.values()]).toContainEqual(
      expect.objectContaining({ email: 'morgan.tate@college.example.edu', name: 'Morgan Tate' }),
    );
    const [first] = model.sections.values();
    expect(first?.dueDate).toBe('2024-12-06');
  });

  it('rejects a CLO of another course, a bad number and a bad term, row by row', () => {
    const model = buildCeiModel([
      row(2, { cllo_text: 'ACC-202.1: Wrong course' }),
      row(3, { 'Enrolled Students': 'fourteen' }),
      row(4, { Term: 'Autumn 2024' }),
      row(5, {}),
    ]);
    expect(model.rows.map((r) => r.result)).toEqual([
      expect.objectContaining({
        outcome: 'failed',
        code: 'clo_course_mismatch',
        column: 'cllo_text',
      }),
      expect.objectContaining({
        outcome: 'failed',
        code: 'invalid_number',
        column: 'Enrolled Students',
      }),
      expect.objectContaining({ outcome: 'failed', code: 'invalid_term', column: 'Term' }),
      { outcome: 'unchanged' },
    ]);
    expect(model.sectionOutcomes.size).toBe(1);
  });

  it('rejects a whole combo whose rows disagree on enrollment', () => {
    const model = buildCeiModel([
      row(2, {}),
      row(3, { cllo_text: 'ACC-201.2: Work in a team', 'Enrolled Students': '15' }),
      row(4, { combo: 'ACC-201:J. Barz', 'Faculty Name': 'J. Barz' }),
    ]);
    expect(model.rows.map((r) => r.result.outcome)).toEqual(['failed', 'failed', 'unchanged']);
    expect(model.rows[1]?.result).toMatchObject({
      code: 'conflicting_enrollment',
      message: expect.stringContaining('row 2'),
    });
    expect(model.rows[0]?.result).toMatchObject({ code: 'combo_rejected' });
    expect([...model.sections.values()].map((s) => s.combo)).toEqual(['ACC-201:J. Barz']);
    expect([...model.instructors.keys()]).toEqual(['name:j. barz']);
  });

  it('numbers nothing twice: a duplicate (combo, CLO) row is a warning', () => {
    const model = buildCeiModel([row(2, {}), row(3, {})]);
    expect(model.rows.map((r) => r.result.outcome)).toEqual(['unchanged', 'skipped']);
    expect(model.warnings).toEqual([
      expect.objectContaining({
        row: 3,
        code: 'duplicate_row',
        message: expect.stringContaining('row 2'),
      }),
    ]);
  });
});
