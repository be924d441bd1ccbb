import { stringify } from 'csv-stringify/sync';

/** Text that a spreadsheet would run as a formula gets a leading quote (CSV injection). */
export const safeText = (value: string | null | undefined): string =>
  value && /^[=+\-@\t\r]/.test(value) ? `'${value}` : (value ?? '');

/** Rows as CSV with a header line. */
export const toCsv = (columns: readonly string[], rows: readonly (string | number)[][]): string =>
  stringify(rows as (string | number)[][], { header: true, columns: [...columns] });
