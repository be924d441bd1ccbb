import { describe, expect, it } from 'vitest';
import { OUTCOME_STATUSES, type TermStatus } from '../enums.js';
import { currentTerm, progressOf, tally } from './dashboard.js';

const term = (id: string, startDate: string, endDate: string, status: TermStatus) => ({
  id,
  startDate,
  endDate,
  status,
});

describe('currentTerm', () => {
  const fall = term('fall', '2024-08-20', '2024-12-15', 'passed');
  const spring = term('spring', '2025-01-10', '2025-05-10', 'passed');
  const summer = term('summer', '2025-06-01', '2025-08-01', 'active');
  const summerLate = term('summer-late', '2025-07-01', '2025-08-15', 'active');
  const next = term('next', '2025-08-20', '2025-12-15', 'scheduled');
  const later = term('later', '2026-01-10', '2026-05-10', 'scheduled');

  it('prefers the active term that started last', () => {
    expect(currentTerm([fall, summerLate, summer, next])?.id).toBe('summer-late');
  });
  it('else the term that ended last', () => {
    expect(currentTerm([spring, fall, later])?.id).toBe('spring');
  });
  it('else the next scheduled term, and nothing without terms', () => {
    expect(currentTerm([later, next])?.id).toBe('next');
    expect(currentTerm([])).toBeUndefined();
  });
});

describe('progressOf', () => {
  it('counts approved and NCI as complete, to one decimal', () => {
    const outcomes = tally(OUTCOME_STATUSES, [
      { status: 'approved', n: 1 },
      { status: 'never_coming_in', n: 1 },
      { status: 'submitted', n: 4 },
    ]);
    expect(progressOf(outcomes)).toMatchObject({ total: 6, complete: 2, percentComplete: 33.3 });
  });
  it('is 0 % when nothing is complete, and null without outcomes', () => {
    expect(progressOf(tally(OUTCOME_STATUSES, [{ status: 'needs_rework', n: 3 }]))).toMatchObject({
      complete: 0,
      percentComplete: 0,
    });
    expect(progressOf(tally(OUTCOME_STATUSES, [])).percentComplete).toBeNull();
  });
  it('lists every status, at 0 when absent', () => {
    expect(Object.keys(tally(OUTCOME_STATUSES, []).byStatus)).toEqual([...OUTCOME_STATUSES]);
  });
});
