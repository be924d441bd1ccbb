import { z } from 'zod';

/** Optional free text: trimmed, at most `max` characters; empty means none (null). */
export const optionalText = (max = 200) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${String(max)} characters`)
    .nullish()
    .transform((value) => (value ? value : null));

/** Required free text: trimmed, 1 to `max` characters. */
export const requiredText = (max = 200) =>
  z
    .string({ error: 'is required' })
    .trim()
    .min(1, 'is required')
    .max(max, `must be at most ${String(max)} characters`);

/** An optional whole number from `min`; empty means none. */
export const optionalCount = (min = 0, max = 100_000) =>
  z
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(min, `must be at least ${String(min)}`)
    .max(max, `must be at most ${String(max)}`)
    .nullish()
    .transform((value) => value ?? null);

/** An optional calendar day, `YYYY-MM-DD`. */
export const optionalDay = z
  .union([z.literal(''), z.iso.date('must be a date (YYYY-MM-DD)')])
  .nullish()
  .transform((value) => (value ? value : null));

/** field → [before, after] for the fields that changed (the audit record's `changes`). */
export function changesOf<T extends Record<string, unknown>>(
  before: T,
  after: Partial<T>,
): Record<string, [unknown, unknown]> {
  const changes: Record<string, [unknown, unknown]> = {};
  for (const [field, value] of Object.entries(after)) {
    const previous = before[field];
    const same =
      previous instanceof Date && value instanceof Date
        ? previous.getTime() === value.getTime()
        : previous === value;
    if (!same) changes[field] = [previous ?? null, value ?? null];
  }
  return changes;
}
