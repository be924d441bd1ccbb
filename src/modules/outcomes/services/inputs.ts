import { z } from 'zod';

/** Optional free text: trimmed, empty → null, at most `max` characters. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `is at most ${String(max)} characters`)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional();

/** A calendar date, YYYY-MM-DD. */
export const isoDate = z.iso.date('must be a date (YYYY-MM-DD)');

/** A count of students: a whole number, 0 or more. */
export const studentCount = z
  .number()
  .int('must be a whole number')
  .min(0, 'must be 0 or more')
  .max(100_000, 'is too large');
