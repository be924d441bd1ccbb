import { describe, expect, it } from 'vitest';
import { passRate, resultOf } from './pass-rate.js';

describe('CLO pass rates (§3.3)', () => {
  it('sums passed over took across the outcomes that have students', () => {
    expect(
      passRate([
        { took: 10, passed: 8 },
        { took: 10, passed: 7 },
        { took: 0, passed: 0 },
      ]),
    ).toBe(75);
  });

  it('is null without any outcome with took > 0, never 0', () => {
    expect(
      passRate([
        { took: null, passed: null },
        { took: 0, passed: 0 },
      ]),
    ).toBeNull();
    expect(passRate([])).toBeNull();
  });

  it('reads S at or above the threshold, U below, nothing without a rate', () => {
    expect(resultOf(75, 75)).toBe('S');
    expect(resultOf(74.9, 75)).toBe('U');
    expect(resultOf(null, 75)).toBeNull();
  });
});
