import { describe, expect, it } from 'vitest';
import { defaultTermDates, parseTermCode, termName, termStatus, todayIn } from './term-code.js';

describe('term codes', () => {
  it.each([
    ['2024FA', '2024FA'],
    [' 2024 sp ', '2024SP'],
    ['Fall 2024', '2024FA'],
    ['summer  2025', '2025SU'],
    ['2024 Fall', '2024FA'],
    ['2024 Winter', '2024WI'],
  ])('reads %j as %s', (input, code) => {
    expect(parseTermCode(input)).toBe(code);
  });

  it.each(['2024', 'FA2024', '2024XX', 'Autumn 2024', ''])('rejects %j', (input) => {
    expect(parseTermCode(input)).toBeUndefined();
  });

  it('names a term from its code', () => {
    expect(termName('2024FA')).toBe('Fall 2024');
    expect(termName('2025SP')).toBe('Spring 2025');
    expect(() => termName('Fall')).toThrow(/not a term code/);
  });

  it('gives a season its usual dates', () => {
    expect(defaultTermDates('2024FA')).toEqual({ startDate: '2024-08-15', endDate: '2024-12-15' });
    expect(defaultTermDates('2025SU')).toEqual({ startDate: '2025-06-01', endDate: '2025-08-10' });
  });

  it('computes the status from the dates, inclusive of both ends', () => {
    const term = { startDate: '2024-08-15', endDate: '2024-12-15' };
    expect(termStatus(term, '2024-08-14')).toBe('scheduled');
    expect(termStatus(term, '2024-08-15')).toBe('active');
    expect(termStatus(term, '2024-12-15')).toBe('active');
    expect(termStatus(term, '2024-12-16')).toBe('passed');
  });

  it("reads today's date in the institution's time zone", () => {
    const lateEvening = new Date('2024-12-16T03:00:00Z');
    expect(todayIn('America/Chicago', lateEvening)).toBe('2024-12-15');
    expect(todayIn('UTC', lateEvening)).toBe('2024-12-16');
  });
});
