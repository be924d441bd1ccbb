import { z } from 'zod';
import type { Queryable } from '../../../core/db/client.js';
import { NotFoundError } from '../../../core/errors.js';
import type { ReportContext } from '../../../core/reports/types.js';
import { findDistrict, type Named } from './metrics/data/lookups.js';
import { currentSchoolYear, schoolYearDays, schoolYearSchema } from './metrics/school-year.js';
import type { EventWindow } from './metrics/window.js';

/** `schoolYear`: YYYY-YYYY, the tenant's current one when absent. */
export const schoolYearFilter = { schoolYear: schoolYearSchema.optional() };

const text = z.string().trim().min(1).max(200);
export const optionalText = text.optional();
export const requiredText = text;

/** Fills in the current school year (tenant timezone) when the filters name none. */
export const withSchoolYear = <F extends { schoolYear?: string }>(
  filters: F,
  { timezone, now }: { timezone: string; now: Date },
): F => ({ ...filters, schoolYear: filters.schoolYear ?? currentSchoolYear(timezone, now) });

/** The school year a resolved filter set names. */
export function yearOf(filters: { schoolYear?: string }): string {
  if (!filters.schoolYear) throw new Error('the school year was not resolved');
  return filters.schoolYear;
}

/** The events of the filters' school year, in the tenant's timezone. */
export const yearWindow = (filters: { schoolYear?: string }, ctx: ReportContext): EventWindow => ({
  tenantId: ctx.tenantId,
  timezone: ctx.timezone,
  ...schoolYearDays(yearOf(filters)),
});

/**
 * The districts a report looks at: the one the filters name (404 when unknown or outside the
 * caller's scope: it does not exist for them), else the caller's scope, else all (undefined).
 */
export async function districtsFor(
  q: Queryable,
  district: string | undefined,
  ctx: ReportContext,
): Promise<{ district?: Named; districtIds?: readonly string[] }> {
  const scope = ctx.scope.districts;
  if (!district) return { districtIds: scope };
  const found = await findDistrict(q, district);
  if (!found || (scope && !scope.includes(found.id))) throw new NotFoundError('District');
  return { district: found, districtIds: [found.id] };
}
