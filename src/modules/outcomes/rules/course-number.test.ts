import { describe, expect, it } from 'vitest';
import { isCourseNumber, normalizeCourseNumber } from './course-number.js';

describe('course numbers', () => {
  it.each(['ACC-201', 'ASE-103L', 'MAS-105C', 'BIOL-228'])('accepts %s', (number) => {
    expect(isCourseNumber(number)).toBe(true);
  });

  it.each(['ACC201', 'ACC-20', 'ACC-2011', 'ACC-201LL', 'A-201', '-201'])(
    'rejects %s',
    (number) => {
      expect(isCourseNumber(number)).toBe(false);
    },
  );

  it('normalizes case and spacing', () => {
    expect(normalizeCourseNumber(' ase - 103l ')).toBe('ASE-103L');
  });
});
