import { and, asc, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../../../core/db/client.js';
import type { SchoolLevel } from '../../enums.js';
import { districts, events, schools } from '../../schema.js';
import type { DistrictScope } from '../../services/caller.js';
import { allOf, contains, ordering, pageOf, type ListWindow } from './query.js';
import { eventDistrictId, inScope } from './scope.js';

export const SCHOOL_SORTS = [
  'name',
  'district',
  'code',
  'level',
  'teachers',
  'students',
  'events',
] as const;
export type SchoolSort = (typeof SCHOOL_SORTS)[number];

export const DISTRICT_SORTS = ['name', 'code', 'schools', 'students'] as const;
export type DistrictSort = (typeof DISTRICT_SORTS)[number];

export interface SchoolFilter {
  tenantId: string;
  scope: DistrictScope;
  search?: string;
  districtId?: string;
  level?: SchoolLevel;
}

export interface DistrictFilter {
  tenantId: string;
  scope: DistrictScope;
  search?: string;
}

const count = (from: string, where: string) =>
  sql<number>`(select count(*) from ${sql.raw(from)} where ${sql.raw(where)})::int`;

const schoolCounts = {
  teachers: count('teachers t', 't.school_id = "schools"."id"'),
  students: count('students st', 'st.school_id = "schools"."id"'),
  events: count('events e', 'e.school_id = "schools"."id"'),
};

const schoolColumns = {
  id: schools.id,
  name: schools.name,
  districtId: schools.districtId,
  district: districts.name,
  code: schools.code,
  level: schools.level,
  ...schoolCounts,
};

const SCHOOL_ORDER = {
  name: sql`lower(${schools.name})`,
  district: sql`lower(${districts.name})`,
  code: schools.code,
  level: schools.level,
  ...schoolCounts,
};

const schoolScope = (tenantId: string, scope: DistrictScope) =>
  allOf(eq(schools.tenantId, tenantId), inScope(scope, sql`${schools.districtId}`));

const fromSchools = (q: Queryable) =>
  q.select(schoolColumns).from(schools).leftJoin(districts, eq(districts.id, schools.districtId));

export function listSchools(q: Queryable, f: SchoolFilter & ListWindow<SchoolSort>) {
  const where = allOf(
    schoolScope(f.tenantId, f.scope),
    contains(f.search, schools.name, schools.code),
    f.districtId ? eq(schools.districtId, f.districtId) : undefined,
    f.level ? eq(schools.level, f.level) : undefined,
  );
  return pageOf(
    q,
    () => fromSchools(q).where(where),
    ordering(f.order, SCHOOL_ORDER[f.sort], schools.id),
    f,
  );
}

export async function findSchool(q: Queryable, tenantId: string, scope: DistrictScope, id: string) {
  const [row] = await fromSchools(q).where(and(schoolScope(tenantId, scope), eq(schools.id, id)));
  return row;
}

/** The latest events at a school. */
export const schoolEvents = (q: Queryable, id: string, limit: number) =>
  q
    .select({ id: events.id, title: events.title, startAt: events.startAt, status: events.status })
    .from(events)
    .where(eq(events.schoolId, id))
    .orderBy(sql`${events.startAt} desc nulls last`, events.id)
    .limit(limit);

const districtCounts = {
  schools: count('schools s', 's.district_id = "districts"."id"'),
  students: count(
    'students st join schools s on s.id = st.school_id',
    's.district_id = "districts"."id"',
  ),
};

const districtColumns = {
  id: districts.id,
  name: districts.name,
  code: districts.code,
  aliases: districts.aliases,
  ...districtCounts,
};

const DISTRICT_ORDER = {
  name: sql`lower(${districts.name})`,
  code: districts.code,
  ...districtCounts,
};

const districtScope = (tenantId: string, scope: DistrictScope) =>
  allOf(eq(districts.tenantId, tenantId), inScope(scope, sql`${districts.id}`));

export function listDistricts(q: Queryable, f: DistrictFilter & ListWindow<DistrictSort>) {
  const where = allOf(
    districtScope(f.tenantId, f.scope),
    contains(f.search, districts.name, districts.code),
  );
  return pageOf(
    q,
    () => q.select(districtColumns).from(districts).where(where),
    ordering(f.order, DISTRICT_ORDER[f.sort], districts.id),
    f,
  );
}

export async function findDistrict(
  q: Queryable,
  tenantId: string,
  scope: DistrictScope,
  id: string,
) {
  const [row] = await q
    .select(districtColumns)
    .from(districts)
    .where(and(districtScope(tenantId, scope), eq(districts.id, id)));
  return row;
}

/** The district's schools, by name. */
export const districtSchools = (q: Queryable, id: string) =>
  q
    .select({ id: schools.id, name: schools.name, level: schools.level, code: schools.code })
    .from(schools)
    .where(eq(schools.districtId, id))
    .orderBy(asc(schools.name), asc(schools.id));

/** How many events the district has (DOMAIN.md §2.4 district of an event). */
export async function countDistrictEvents(q: Queryable, tenantId: string, id: string) {
  const [row] = await q
    .select({ n: sql<number>`count(*)::int` })
    .from(events)
    .where(and(eq(events.tenantId, tenantId), sql`${eventDistrictId} = ${id}`));
  return row?.n ?? 0;
}

/** Districts and schools in scope, by name, for filters and form fields. */
export async function placeOptions(q: Queryable, tenantId: string, scope: DistrictScope) {
  return {
    districts: await q
      .select({ id: districts.id, name: districts.name })
      .from(districts)
      .where(districtScope(tenantId, scope))
      .orderBy(asc(districts.name), asc(districts.id)),
    schools: await q
      .select({ id: schools.id, name: schools.name, districtId: schools.districtId })
      .from(schools)
      .where(schoolScope(tenantId, scope))
      .orderBy(asc(schools.name), asc(schools.id)),
  };
}
