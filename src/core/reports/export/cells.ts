import type { CellType, CellValue, ReportColumn } from '../types.js';

const DEFAULT_WIDTHS: Record<CellType, number> = {
  text: 24,
  integer: 10,
  number: 12,
  hours: 12,
  percent: 10,
  date: 12,
};

/** Excel number formats: numbers and dates stay typed, only their display is formatted. */
export const NUMBER_FORMATS: Record<CellType, string | undefined> = {
  text: undefined,
  integer: '#,##0',
  number: 'General',
  hours: '#,##0.00',
  percent: '0.0"%"',
  date: 'yyyy-mm-dd',
};

export const columnWidth = (column: ReportColumn) =>
  Math.max(column.width ?? DEFAULT_WIDTHS[column.type], column.header.length + 2);

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A `YYYY-MM-DD` day as the UTC midnight Excel shows as that day. */
function dayValue(value: string): Date | string {
  const match = DAY.exec(value);
  if (!match) return value;
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
}

/** The value of an XLSX cell: numbers as numbers, days as dates, the rest as text. */
export function xlsxCell(
  column: ReportColumn,
  value: CellValue | undefined,
): Date | number | string | null {
  if (value === null || value === undefined || value === '') return null;
  if (column.type === 'text') return String(value);
  if (column.type === 'date') return dayValue(String(value));
  const number = Number(value);
  return Number.isFinite(number) ? number : String(value);
}

/** The text of a CSV field: hours and percentages rounded for display, empty for no value. */
export function csvCell(column: ReportColumn, value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (column.type === 'hours' || column.type === 'percent') {
    const number = Number(value);
    if (Number.isFinite(number))
      return column.type === 'hours' ? number.toFixed(2) : number.toFixed(1);
  }
  return String(value);
}
