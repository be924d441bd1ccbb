import { describe, expect, it } from 'vitest';
import type { OutcomeStatus } from '../enums.js';
import {
  isComplete,
  outcomeRate,
  sectionStatusOf,
  validateSubmission,
  type OutcomeNumbers,
  type SectionNumbers,
} from './validation.js';

const section = (values: Partial<SectionNumbers> = {}): SectionNumbers => ({
  enrollment: 25,
  withdrawals: 3,
  passedCount: 18,
  dficCount: 4,
  cannotReconcile: false,
  reconcileNote: null,
  ...values,
});

let next = 0;
const outcome = (values: Partial<OutcomeNumbers> = {}): OutcomeNumbers => {
  next += 1;
  return {
    id: `o${String(next)}`,
    cloNumber: next,
    took: 20,
    passed: 15,
    tool: 'Final exam',
    status: 'in_progress',
    ...values,
  };
};

const fields = (issues: { cloNumber: number | null; field: string }[]) =>
  issues.map(
    (i) => `${i.cloNumber === null ? 'section' : `CLO ${String(i.cloNumber)}`}.${i.field}`,
  );

describe('submit validation (§3.2)', () => {
  it('passes complete, reconciled numbers', () => {
    expect(validateSubmission(section(), [outcome({ cloNumber: 1 })])).toEqual({
      errors: [],
      warnings: [],
    });
  });

  it('requires took, passed and tool on every CLO, naming the CLO and field', () => {
    const result = validateSubmission(section(), [
      outcome({ cloNumber: 2, took: null }),
      outcome({ cloNumber: 1, passed: null, tool: '  ' }),
    ]);
    expect(fields(result.errors)).toEqual(['CLO 1.passed', 'CLO 1.tool', 'CLO 2.took']);
    expect(result.errors[0]?.message).toMatch(/^CLO 1: /);
  });

  it('treats 0 as a value, not as missing', () => {
    const result = validateSubmission(section(), [outcome({ cloNumber: 1, took: 0, passed: 0 })]);
    expect(result.errors).toEqual([]);
  });

  it('passed ≤ took is an error; passed = took is fine', () => {
    const over = validateSubmission(section(), [outcome({ cloNumber: 3, took: 10, passed: 11 })]);
    expect(fields(over.errors)).toEqual(['CLO 3.passed']);
    const equal = validateSubmission(section(), [outcome({ cloNumber: 3, took: 10, passed: 10 })]);
    expect(equal.errors).toEqual([]);
  });

  it('took > enrollment − withdrawals is a warning, not an error', () => {
    const result = validateSubmission(section(), [outcome({ cloNumber: 1, took: 23, passed: 20 })]);
    expect(result.errors).toEqual([]);
    expect(fields(result.warnings)).toEqual(['CLO 1.took']);
    const atLimit = validateSubmission(section(), [outcome({ cloNumber: 1, took: 22 })]);
    expect(atLimit.warnings).toEqual([]);
  });

  it('section passed + D/F/I must equal enrollment − withdrawals', () => {
    const result = validateSubmission(section({ passedCount: 19 }), [outcome()]);
    expect(fields(result.errors)).toEqual(['section.dficCount']);
    expect(result.errors[0]?.message).toContain('(23)');
    expect(result.errors[0]?.message).toContain('(22)');
  });

  it('unless the section is flagged “numbers don’t reconcile” with a note', () => {
    const flaggedWithNote = section({
      passedCount: 19,
      cannotReconcile: true,
      reconcileNote: 'One student transferred in late',
    });
    expect(validateSubmission(flaggedWithNote, [outcome()]).errors).toEqual([]);
    const flaggedWithoutNote = section({
      passedCount: 19,
      cannotReconcile: true,
      reconcileNote: ' ',
    });
    expect(fields(validateSubmission(flaggedWithoutNote, [outcome()]).errors)).toEqual([
      'section.reconcileNote',
      'section.dficCount',
    ]);
  });

  it('requires the section’s passed and D/F/I counts', () => {
    const result = validateSubmission(section({ passedCount: null, dficCount: null }), [outcome()]);
    expect(fields(result.errors)).toEqual(['section.passedCount', 'section.dficCount']);
  });

  it('counts missing withdrawals as 0 and skips enrollment checks without enrollment', () => {
    const noWithdrawals = section({ withdrawals: null, passedCount: 21 });
    expect(validateSubmission(noWithdrawals, [outcome()]).errors).toEqual([]);
    const noEnrollment = section({ enrollment: null, passedCount: 1, dficCount: 1 });
    const result = validateSubmission(noEnrollment, [outcome({ took: 500, passed: 400 })]);
    expect(result).toEqual({ errors: [], warnings: [] });
  });

  it('checks only the outcomes a submit would move; NCI outcomes never', () => {
    const result = validateSubmission(section(), [
      outcome({ cloNumber: 1, status: 'approved', took: null }),
      outcome({ cloNumber: 2, status: 'never_coming_in', took: null, passed: null, tool: null }),
      outcome({ cloNumber: 3, status: 'needs_rework', passed: 30 }),
    ]);
    expect(fields(result.errors)).toEqual(['CLO 3.passed']);
  });

  it('with nothing left to submit, checks every outcome that is not NCI', () => {
    const result = validateSubmission(section(), [
      outcome({ cloNumber: 1, status: 'approved', took: null }),
      outcome({ cloNumber: 2, status: 'never_coming_in', took: null }),
    ]);
    expect(fields(result.errors)).toEqual(['CLO 1.took']);
  });
});

describe('outcome rate (passed ÷ took)', () => {
  it('is a fraction of took', () => {
    expect(outcomeRate({ took: 20, passed: 15 })).toBeCloseTo(0.75);
    expect(outcomeRate({ took: 6, passed: 5 })).toBeCloseTo(5 / 6);
  });
  it('is 0 when nobody passed, but null when nobody took it or data is missing', () => {
    expect(outcomeRate({ took: 10, passed: 0 })).toBe(0);
    expect(outcomeRate({ took: 0, passed: 0 })).toBeNull();
    expect(outcomeRate({ took: null, passed: 3 })).toBeNull();
    expect(outcomeRate({ took: 10, passed: null })).toBeNull();
  });
});

describe('completeness', () => {
  const base = { took: 1, passed: 1, tool: 'Quiz', status: 'in_progress' as OutcomeStatus };
  it('needs took, passed and tool, or NCI', () => {
    expect(isComplete(base)).toBe(true);
    expect(isComplete({ ...base, took: 0, passed: 0 })).toBe(true);
    expect(isComplete({ ...base, tool: null })).toBe(false);
    expect(isComplete({ ...base, took: null })).toBe(false);
    expect(isComplete({ took: null, passed: null, tool: null, status: 'never_coming_in' })).toBe(
      true,
    );
  });
});

describe('section status rollup (§3.2)', () => {
  const o = (status: OutcomeStatus, data = false) => ({
    status,
    took: data ? 5 : null,
    passed: null,
    tool: null,
  });
  it.each([
    [[], 'not_started'],
    [[o('assigned'), o('unassigned')], 'not_started'],
    [[o('assigned', true), o('assigned')], 'in_progress'],
    [[o('in_progress'), o('assigned')], 'in_progress'],
    [[o('submitted'), o('assigned')], 'in_progress'],
    [[o('submitted'), o('approved'), o('never_coming_in')], 'submitted'],
    [[o('approved'), o('approved')], 'approved'],
    [[o('never_coming_in'), o('never_coming_in')], 'nci'],
    [[o('approved'), o('needs_rework'), o('never_coming_in')], 'needs_rework'],
    [[o('never_coming_in'), o('approved')], 'submitted'],
  ] as const)('%j → %s', (outcomes, expected) => {
    expect(sectionStatusOf(outcomes)).toBe(expected);
  });
});
