import { describe, expect, it } from 'vitest';
import { formatCell, formatDay, recentSchoolYears, schoolYearOf } from './format';

describe('report formatting', () => {
  it('formats cells by column type', () => {
    expect(formatCell(null, 'text')).toBe('—');
    expect(formatCell('', 'date')).toBe('—');
    expect(formatCell(2.5, 'hours')).toBe('2.50');
    expect(formatCell(1234, 'integer')).toBe('1,234');
    expect(formatCell(42.5, 'percent')).toBe('42.5%');
    expect(formatCell(1.234, 'number')).toBe('1.23');
    expect(formatCell('North', 'text')).toBe('North');
    expect(formatCell('2024-10-01', 'date')).toBe(formatDay('2024-10-01'));
    expect(formatDay('2024-10-01')).toContain('2024');
    expect(formatDay('soon')).toBe('soon');
  });

  it('knows the school year of a day and the recent ones', () => {
    expect(schoolYearOf(new Date(2024, 7, 1))).toBe('2024-2025');
    expect(schoolYearOf(new Date(2025, 6, 31))).toBe('2024-2025');
    expect(recentSchoolYears(new Date(2025, 0, 10), 3)).toEqual([
      '2024-2025',
      '2023-2024',
      '2022-2023',
    ]);
  });
});
