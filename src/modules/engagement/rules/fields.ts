import type { RowFailure, SourceRow } from '../../../core/imports/types.js';

/** A field of a source row that cannot be used: the row is rejected with its column and value. */
export class FieldError extends Error {
  constructor(
    readonly column: string,
    readonly value: string,
    readonly code: 'bad_date' | 'bad_number' | 'unknown_value' | 'missing_value',
    message: string,
  ) {
    super(message);
    this.name = 'FieldError';
  }

  toFailure(): RowFailure {
    return {
      outcome: 'failed',
      column: this.column,
      value: this.value,
      code: this.code,
      message: this.message,
    };
  }
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)$/;

const isCalendarDate = (y: number, m: number, d: number) => {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
};

function offsetMinutes(zone: string | undefined): number {
  if (!zone || zone.toUpperCase() === 'Z') return 0;
  const digits = zone.replace(':', '');
  const sign = digits.startsWith('-') ? -1 : 1;
  return sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
}

/** Typed, validated access to one source row's values; every failure names its column. */
export class RowFields {
  constructor(readonly row: SourceRow) {}

  /** Trimmed text; null when empty or absent. */
  text(column: string): string | null {
    const value = this.row.values[column]?.trim();
    return value ? value : null;
  }

  /** Required text: the row is rejected when it is empty. */
  required(column: string): string {
    const value = this.text(column);
    if (value === null) {
      throw new FieldError(column, '', 'missing_value', `${column} is required`);
    }
    return value;
  }

  /** A `YYYY-MM-DD` date (a datetime's date part is accepted). */
  date(column: string): string | null {
    const raw = this.text(column);
    if (raw === null) return null;
    const match = DATE.exec(raw.slice(0, 10));
    const rest = raw.slice(10);
    if (match && (rest === '' || /^[T ]/.test(rest))) {
      const [, y, m, d] = match.map(Number) as [number, number, number, number];
      if (isCalendarDate(y, m, d)) return raw.slice(0, 10);
    }
    throw new FieldError(column, raw, 'bad_date', `${column}: "${raw}" is not a date (YYYY-MM-DD)`);
  }

  /** An ISO-8601 datetime (UTC when it has no offset, e.g. `2025-03-05T14:15:00.000+0000`). */
  datetime(column: string): Date | null {
    const raw = this.text(column);
    if (raw === null) return null;
    const match = DATETIME.exec(raw);
    if (match) {
      const [y, mo, d, h, mi, s] = match.slice(1, 7).map((part) => Number(part ?? 0)) as [
        number,
        number,
        number,
        number,
        number,
        number,
      ];
      const ms = Number((match[7] ?? '0').padEnd(3, '0').slice(0, 3));
      if (isCalendarDate(y, mo, d) && h < 24 && mi < 60 && s < 60) {
        const utc = Date.UTC(y, mo - 1, d, h, mi, s, ms) - offsetMinutes(match[8]) * 60_000;
        return new Date(utc);
      }
    }
    throw new FieldError(
      column,
      raw,
      'bad_date',
      `${column}: "${raw}" is not a date and time (ISO-8601)`,
    );
  }

  /** A decimal number, optionally bounded. */
  number(column: string, { min, max }: { min?: number; max?: number } = {}): number | null {
    const raw = this.text(column);
    if (raw === null) return null;
    const value = NUMBER.test(raw.replace(/,/g, '')) ? Number(raw.replace(/,/g, '')) : Number.NaN;
    if (
      Number.isNaN(value) ||
      (min !== undefined && value < min) ||
      (max !== undefined && value > max)
    ) {
      const range =
        min !== undefined && max !== undefined
          ? ` between ${min} and ${max}`
          : min !== undefined
            ? ` of at least ${min}`
            : '';
      throw new FieldError(
        column,
        raw,
        'bad_number',
        `${column}: "${raw}" is not a number${range}`,
      );
    }
    return value;
  }

  /** A whole number (a decimal with a zero fraction, e.g. `60.0`, is accepted). */
  integer(column: string, bounds: { min?: number; max?: number } = {}): number | null {
    const value = this.number(column, bounds);
    if (value !== null && !Number.isInteger(value)) {
      const raw = this.text(column) ?? '';
      throw new FieldError(column, raw, 'bad_number', `${column}: "${raw}" is not a whole number`);
    }
    return value;
  }

  /** A Salesforce checkbox: true/false (also 1/0, yes/no); empty is false. */
  boolean(column: string): boolean {
    const raw = this.text(column);
    if (raw === null) return false;
    const value = raw.toLowerCase();
    if (['true', '1', 'yes'].includes(value)) return true;
    if (['false', '0', 'no'].includes(value)) return false;
    throw new FieldError(column, raw, 'unknown_value', `${column}: "${raw}" is not true or false`);
  }

  /** A value mapped through `map`; unknown values reject the row, listing the accepted ones. */
  oneOf<T>(
    column: string,
    map: (raw: string) => T | undefined,
    accepted: readonly string[],
  ): T | null {
    const raw = this.text(column);
    if (raw === null) return null;
    const value = map(raw);
    if (value === undefined) {
      throw new FieldError(
        column,
        raw,
        'unknown_value',
        `${column}: "${raw}" is not one of ${accepted.join(', ')}`,
      );
    }
    return value;
  }
}

/** Maps one row with `map`; a FieldError becomes the row's failure, anything else propagates. */
export function parseRow<T>(
  row: SourceRow,
  map: (fields: RowFields) => T,
): { ok: true; value: T } | { ok: false; failure: RowFailure } {
  try {
    return { ok: true, value: map(new RowFields(row)) };
  } catch (error) {
    if (error instanceof FieldError) return { ok: false, failure: error.toFailure() };
    throw error;
  }
}
