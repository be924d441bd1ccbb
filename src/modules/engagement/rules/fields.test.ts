import { describe, expect, it } from 'vitest';
import { affiliationStatus, AFFILIATION_STATUS_LABELS } from './affiliations.js';
import { FieldError, parseRow, RowFields } from './fields.js';

const fields = (values: Record<string, string>) =>
  new RowFields({ file: 'Test.csv', row: 2, values });

const failure = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    if (error instanceof FieldError) return error.toFailure();
    throw error;
  }
  throw new Error('expected a FieldError');
};

describe('RowFields', () => {
  it('reads trimmed text, empty as null', () => {
    const f = fields({ A: '  x ', B: '   ' });
    expect(f.text('A')).toBe('x');
    expect(f.text('B')).toBeNull();
    expect(f.text('Missing')).toBeNull();
    expect(failure(() => f.required('B'))).toMatchObject({ code: 'missing_value', column: 'B' });
  });

  it('parses dates and rejects invalid ones with the column and value', () => {
    const f = fields({ D: '2024-02-29', DT: '2024-02-29T10:00:00.000+0000', Bad: '13/05/2024' });
    expect(f.date('D')).toBe('2024-02-29');
    expect(f.date('DT')).toBe('2024-02-29');
    expect(failure(() => f.date('Bad'))).toEqual({
      outcome: 'failed',
      column: 'Bad',
      value: '13/05/2024',
      code: 'bad_date',
      message: 'Bad: "13/05/2024" is not a date (YYYY-MM-DD)',
    });
    expect(failure(() => fields({ D: '2023-02-29' }).date('D'))).toMatchObject({
      code: 'bad_date',
    });
    expect(failure(() => fields({ D: 'not a date' }).date('D'))).toMatchObject({
      code: 'bad_date',
    });
  });

  it('parses ISO datetimes with Salesforce offsets, UTC by default', () => {
    const f = fields({
      A: '2025-03-05T14:15:00.000+0000',
      B: '2025-03-05T08:15:00-06:00',
      C: '2025-03-05 14:15',
      D: '2025-03-05',
      E: '2025-03-05T25:00:00Z',
    });
    expect(f.datetime('A')?.toISOString()).toBe('2025-03-05T14:15:00.000Z');
    expect(f.datetime('B')?.toISOString()).toBe('2025-03-05T14:15:00.000Z');
    expect(f.datetime('C')?.toISOString()).toBe('2025-03-05T14:15:00.000Z');
    expect(f.datetime('D')?.toISOString()).toBe('2025-03-05T00:00:00.000Z');
    expect(failure(() => f.datetime('E'))).toMatchObject({ code: 'bad_date', column: 'E' });
  });

  it('parses numbers and integers within bounds', () => {
    const f = fields({
      N: '1.5',
      I: '60',
      F: '60.0',
      Big: '1,200',
      Neg: '-1',
      Bad: 'two',
      Half: '2.5',
    });
    expect(f.number('N')).toBe(1.5);
    expect(f.integer('I')).toBe(60);
    expect(f.integer('F')).toBe(60);
    expect(f.integer('Big')).toBe(1200);
    expect(failure(() => f.number('Neg', { min: 0 }))).toMatchObject({
      code: 'bad_number',
      message: 'Neg: "-1" is not a number of at least 0',
    });
    expect(failure(() => f.number('Bad'))).toMatchObject({ code: 'bad_number', value: 'two' });
    expect(failure(() => f.integer('Half'))).toMatchObject({ code: 'bad_number', column: 'Half' });
  });

  it('parses checkboxes', () => {
    const f = fields({ T: 'true', F: 'FALSE', E: '', X: 'maybe' });
    expect(f.boolean('T')).toBe(true);
    expect(f.boolean('F')).toBe(false);
    expect(f.boolean('E')).toBe(false);
    expect(failure(() => f.boolean('X'))).toMatchObject({ code: 'unknown_value', column: 'X' });
  });

  it('maps enumerated values and lists the accepted ones when unknown', () => {
    const f = fields({ S: 'Former', Bad: 'Retired' });
    expect(f.oneOf('S', affiliationStatus, AFFILIATION_STATUS_LABELS)).toBe('Past');
    expect(failure(() => f.oneOf('Bad', affiliationStatus, AFFILIATION_STATUS_LABELS))).toEqual({
      outcome: 'failed',
      column: 'Bad',
      value: 'Retired',
      code: 'unknown_value',
      message: 'Bad: "Retired" is not one of Current, Past, Pending, Former',
    });
  });
});

describe('parseRow', () => {
  it('turns the first field error into the row failure', () => {
    const row = { file: 'Task.csv', row: 7, values: { ActivityDate: 'soon' } };
    expect(parseRow(row, (f) => f.date('ActivityDate'))).toMatchObject({
      ok: false,
      failure: { column: 'ActivityDate', code: 'bad_date' },
    });
    expect(parseRow(row, (f) => f.text('ActivityDate'))).toEqual({ ok: true, value: 'soon' });
  });

  it('lets programming errors through', () => {
    const row = { file: 'Task.csv', row: 7, values: {} };
    expect(() =>
      parseRow(row, () => {
        throw new TypeError('bug');
      }),
    ).toThrow('bug');
  });
});
