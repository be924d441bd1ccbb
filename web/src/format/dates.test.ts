import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatRelative, localDayBoundary } from './dates';

const now = new Date('2025-03-05T12:00:00Z').getTime();
const at = (offsetSeconds: number) => new Date(now + offsetSeconds * 1000).toISOString();

describe('formatRelative', () => {
  it.each([
    [0, 'now'],
    [30, 'now'],
    [5 * 60, 'in 5 minutes'],
    [-2 * 3600, '2 hours ago'],
    [-24 * 3600, 'yesterday'],
    [3 * 24 * 3600, 'in 3 days'],
    [7 * 24 * 3600, 'next week'],
    [-60 * 24 * 3600, '2 months ago'],
    [400 * 24 * 3600, 'next year'],
  ])('says %i seconds away is "%s"', (offset, expected) => {
    expect(formatRelative(at(offset), now)).toBe(expected);
  });
});

describe('formatDate and formatDateTime', () => {
  it('format in the browser locale', () => {
    const iso = '2025-03-05T12:00:00Z';
    expect(formatDate(iso)).toBe(
      new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(new Date(iso)),
    );
    expect(formatDateTime(iso)).toContain(formatDate(iso));
  });
});

describe('localDayBoundary', () => {
  it('gives the first and last instant of a local day', () => {
    expect(localDayBoundary('2025-03-05', 'start')).toBe(new Date(2025, 2, 5).toISOString());
    expect(localDayBoundary('2025-03-05', 'end')).toBe(
      new Date(2025, 2, 5, 23, 59, 59, 999).toISOString(),
    );
  });

  it.each(['', '2025-3-5', '2025-02-30', 'yesterday'])('is null for %j', (value) => {
    expect(localDayBoundary(value, 'start')).toBeNull();
  });
});
