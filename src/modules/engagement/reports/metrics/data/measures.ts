import { sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../../../../core/db/client.js';
import { STUDENTS_PER_VIRTUAL_TEACHER } from '../window.js';
import { all, type Facts } from './facts.js';

/** The activity measures of DOMAIN.md §2.5 for one group of events. */
export type Measures = {
  events: number;
  inPersonEvents: number;
  virtualEvents: number;
  /** Distinct schools of the events. */
  schools: number;
  /** Attended student participations (one per event and student). */
  studentParticipations: number;
  uniqueStudents: number;
  virtualStudentsEstimate: number;
  /** Attended volunteer participations (one per event and volunteer). */
  volunteerEngagements: number;
  uniqueVolunteers: number;
  volunteerHours: number;
  /** Distinct credited organizations, Independent excluded. */
  organizations: number;
};

export type MeasureRow = Measures & {
  /** The dimension's name, or `total` for all the window's events. */
  dimension: string;
  /** The group's value as text; null for the total and for events without one (e.g. Unknown district). */
  key: string | null;
};

export const EMPTY_MEASURES: Measures = {
  events: 0,
  inPersonEvents: 0,
  virtualEvents: 0,
  schools: 0,
  studentParticipations: 0,
  uniqueStudents: 0,
  virtualStudentsEstimate: 0,
  volunteerEngagements: 0,
  uniqueVolunteers: 0,
  volunteerHours: 0,
  organizations: 0,
};

/** Expressions over the event columns every fact carries (`district_id`, `month`…), by name. */
export type Dimensions = Record<string, SQL>;

function grouped(dimensions: Dimensions) {
  const entries = Object.entries(dimensions);
  const label = sql.join(
    entries.map(([name, expr]) => sql`when grouping(${expr}) = 0 then ${name}`),
    sql` `,
  );
  const key = sql.join(
    entries.map(([, expr]) => sql`when grouping(${expr}) = 0 then (${expr})::text`),
    sql` `,
  );
  const sets = sql.join([...entries.map(([, expr]) => sql`(${expr})`), sql`()`], sql`, `);
  return {
    columns: sql`case ${label} else 'total' end as dimension, case ${key} end as key`,
    groupBy: sql`group by grouping sets (${sets})`,
  };
}

const sameGroup = (alias: string) =>
  sql.raw(`${alias}.dimension = e.dimension and ${alias}.key is not distinct from e.key`);

/**
 * Every measure for each value of each dimension and for the total, in one query: each fact is
 * aggregated once with grouping sets, so a distinct count is exact at every level. Needs the
 * facts `sp`, `tp` and `cr`.
 */
export async function measuresBy(
  q: Queryable,
  f: Facts,
  dimensions: Dimensions,
): Promise<MeasureRow[]> {
  const { columns, groupBy } = grouped(dimensions);
  return all<MeasureRow>(
    q,
    sql`with e_agg as (
      select ${columns}, count(*)::int as events,
        count(*) filter (where format = 'in_person')::int as in_person,
        count(*) filter (where format = 'virtual')::int as virtual,
        count(distinct school_id)::int as schools
      from ${f.ev} ${groupBy}
    ),
    s_agg as (
      select ${columns}, count(*)::int as participations,
        count(distinct student_key)::int as unique_students
      from ${f.sp} ${groupBy}
    ),
    v_agg as (
      select ${columns}, count(*)::int as engagements,
        count(distinct contact_id)::int as unique_volunteers, sum(hours)::float8 as hours
      from ${f.vp} ${groupBy}
    ),
    t_agg as (
      select ${columns}, count(*)::int as experiences
      from ${f.tp} ${groupBy}
    ),
    o_agg as (
      select ${columns}, count(distinct organization_id)::int as organizations
      from ${f.cr} ${groupBy}
    )
    select e.dimension, e.key, e.events, e.in_person as "inPersonEvents",
      e.virtual as "virtualEvents", e.schools,
      coalesce(s.participations, 0) as "studentParticipations",
      coalesce(s.unique_students, 0) as "uniqueStudents",
      coalesce(t.experiences, 0) * ${STUDENTS_PER_VIRTUAL_TEACHER} as "virtualStudentsEstimate",
      coalesce(v.engagements, 0) as "volunteerEngagements",
      coalesce(v.unique_volunteers, 0) as "uniqueVolunteers",
      coalesce(v.hours, 0)::float8 as "volunteerHours",
      coalesce(o.organizations, 0) as organizations
    from e_agg e
    left join s_agg s on ${sameGroup('s')}
    left join v_agg v on ${sameGroup('v')}
    left join t_agg t on ${sameGroup('t')}
    left join o_agg o on ${sameGroup('o')}`,
  );
}

/** The measures of one dimension, by key, and the total. */
export function splitMeasures(rows: readonly MeasureRow[], dimension: string) {
  const total = rows.find((row) => row.dimension === 'total');
  return {
    total: total ? withoutGroup(total) : EMPTY_MEASURES,
    groups: rows.filter((row) => row.dimension === dimension),
  };
}

const MEASURE_KEYS = Object.keys(EMPTY_MEASURES) as (keyof Measures)[];

export const withoutGroup = (row: MeasureRow): Measures =>
  Object.fromEntries(MEASURE_KEYS.map((key) => [key, row[key]])) as unknown as Measures;
