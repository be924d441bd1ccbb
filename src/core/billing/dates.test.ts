import { describe, expect, it } from 'vitest';
import { addDays, dayIn, daysBetween, isDay, nextMonthly } from './dates.js';

describe('billing days', () => {
  it('adds and counts days across months, years and leap days', () => {
    expect(addDays('2025-01-31', 1)).toBe('2025-02-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
    expect(addDays('2025-12-31', 30)).toBe('2026-01-30');
    expect(daysBetween('2025-03-01', '2025-03-31')).toBe(30);
    expect(daysBetween('2025-03-31', '2025-03-01')).toBe(-30);
    // Days never shift with daylight saving (US DST started 2025-03-09).
    expect(daysBetween('2025-03-08', '2025-03-10')).toBe(2);
  });

  it('accepts only real days', () => {
    expect(isDay('2025-02-28')).toBe(true);
    expect(isDay('2025-02-29')).toBe(false);
    expect(isDay('2025-13-01')).toBe(false);
    expect(isDay('2025-2-28')).toBe(false);
    expect(isDay('tomorrow')).toBe(false);
  });

  it('names today in the given timezone', () => {
    const lateEvening = new Date('2025-03-02T03:30:00Z');
    expect(dayIn('America/Chicago', lateEvening)).toBe('2025-03-01');
    expect(dayIn('UTC', lateEvening)).toBe('2025-03-02');
  });

  it('keeps monthly periods on their anchor day, clamped to short months', () => {
    expect(nextMonthly('2025-01-31', 31)).toBe('2025-02-28');
    expect(nextMonthly('2025-02-28', 31)).toBe('2025-03-31');
    expect(nextMonthly('2024-01-30', 30)).toBe('2024-02-29');
    expect(nextMonthly('2025-03-15', 15)).toBe('2025-04-15');
    expect(nextMonthly('2025-12-05', 5)).toBe('2026-01-05');
  });
});
