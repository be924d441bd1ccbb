import { z } from 'zod';

/** Optional text: trimmed; empty becomes null. */
export const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be at most ${String(max)} characters.`)
    .transform((value) => (value === '' ? null : value));

export const requiredText = (max: number, message: string, label: string) =>
  z
    .string()
    .trim()
    .min(1, message)
    .max(max, `${label} must be at most ${String(max)} characters.`);

/** An optional whole number typed as text; empty becomes null. */
export const optionalCount = (label: string) =>
  z
    .string()
    .trim()
    .refine(
      (value) => value === '' || /^\d+$/.test(value),
      `${label} must be a whole number, 0 or more.`,
    )
    .transform((value) => (value === '' ? null : Number(value)));

/** A `datetime-local` value (the browser's time zone) as an ISO instant; empty becomes null. */
export const optionalInstant = (label: string) =>
  z
    .string()
    .refine(
      (value) => value === '' || !Number.isNaN(Date.parse(value)),
      `${label} is not a date and time.`,
    )
    .transform((value) => (value === '' ? null : new Date(value).toISOString()));

/** An ISO instant as a `datetime-local` value in the browser's time zone. */
export function toLocalInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const at = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(at.getFullYear())}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

/** A nullable value as the text of an input. */
export const textOf = (value: string | number | null | undefined) =>
  value === null || value === undefined ? '' : String(value);
