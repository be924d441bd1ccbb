import type { Cell, CellType } from './types';

const integer = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });
const hours = new Intl.NumberFormat(undefined, {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
const day = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });

/** `YYYY-MM-DD` as "Oct 1, 2024", without any timezone shift. */
export function formatDay(value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return value;
  return day.format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))));
}

export const formatInteger = (value: number) => integer.format(value);
/** Hours are rounded to 2 decimals only when shown (DOMAIN.md §2.4). */
export const formatHours = (value: number) => hours.format(value);

/** A cell as text, by its column type; an em dash for no value. */
export function formatCell(value: Cell | undefined, type: CellType): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'number') {
    if (type === 'hours') return formatHours(value);
    if (type === 'percent') return `${decimal.format(value)}%`;
    if (type === 'integer') return formatInteger(value);
    return decimal.format(value);
  }
  return type === 'date' ? formatDay(value) : value;
}

/** The school year of a day: 1 August starts the next one. */
export function schoolYearOf(date: Date): string {
  const start = date.getMonth() >= 7 ? date.getFullYear() : date.getFullYear() - 1;
  return `${String(start)}-${String(start + 1)}`;
}

/** The current school year and the `count - 1` before it, newest first. */
export function recentSchoolYears(now: Date, count = 6): string[] {
  const start = Number(schoolYearOf(now).slice(0, 4));
  return Array.from({ length: count }, (_, i) => `${String(start - i)}-${String(start - i + 1)}`);
}
