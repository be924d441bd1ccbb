import { z } from 'zod';

/** A school year `YYYY-YYYY`: 1 August to 31 July (DOMAIN.md §2.4). */
export const schoolYearSchema = z
  .string()
  .regex(/^\d{4}-\d{4}$/, 'must look like 2024-2025')
  .refine((year) => Number(year.slice(5)) === Number(year.slice(0, 4)) + 1, {
    message: 'must be two consecutive years, e.g. 2024-2025',
  });

/** The first and the day after the last local day of a school year (`YYYY-MM-DD`). */
export function schoolYearDays(schoolYear: string): { from: string; to: string } {
  const start = Number(schoolYear.slice(0, 4));
  return { from: `${String(start)}-08-01`, to: `${String(start + 1)}-08-01` };
}

export const schoolYearOf = (startYear: number) => `${String(startYear)}-${String(startYear + 1)}`;

/** The school year of `now` in the tenant's timezone. */
export function currentSchoolYear(timezone: string, now: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: timezone,
    year: 'numeric',
    month: 'numeric',
  }).formatToParts(now);
  const year = Number(parts.find((p) => p.type === 'year')?.value);
  const month = Number(parts.find((p) => p.type === 'month')?.value);
  return schoolYearOf(month >= 8 ? year : year - 1);
}
