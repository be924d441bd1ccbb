import { sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../../../../core/db/client.js';
import { COMPLETED_STATUSES, type EventWindow } from '../window.js';

/** Rows of a raw query. */
export async function all<T>(q: Queryable, query: SQL): Promise<T[]> {
  return ((await q.execute(query)) as unknown as { rows: T[] }).rows;
}

export const textArray = (values: readonly string[]) => sql`${sql.param([...values])}::text[]`;

/** A district name or alias as compared (DOMAIN.md §2.4): case-insensitive, no trailing " School District". */
export const districtKey = (text: SQL) =>
  sql`lower(regexp_replace(btrim(${text}), '\\s+school district$', '', 'i'))`;

const localDay = (day: string, timezone: string) =>
  sql`(${day}::date::timestamp at time zone ${timezone})`;

function eventConditions(w: EventWindow): SQL {
  const conditions = [
    sql`e.tenant_id = ${w.tenantId}`,
    sql`e.status = any(${textArray(w.statuses ?? COMPLETED_STATUSES)})`,
  ];
  if (w.from) conditions.push(sql`e.start_at >= ${localDay(w.from, w.timezone)}`);
  if (w.to) conditions.push(sql`e.start_at < ${localDay(w.to, w.timezone)}`);
  if (w.eventType) conditions.push(sql`e.type = ${w.eventType}`);
  if (w.host) conditions.push(sql`lower(btrim(e.session_host)) = lower(btrim(${w.host}))`);
  if (w.format) conditions.push(sql`e.format = ${w.format}`);
  if (w.careerCluster) {
    conditions.push(sql`lower(btrim(e.career_cluster)) = lower(btrim(${w.careerCluster}))`);
  }
  return sql.join(conditions, sql` and `);
}

const ATTENDED_VOLUNTEER = sql`lower(btrim(p.status)) in ('attended', 'completed', 'successfully completed')`;

/**
 * The definitions of DOMAIN.md §2.4 as common table expressions, each computed once per query:
 * - `dk`: every district's comparable name and aliases;
 * - `ev`: the window's events with their local start and attributed district (school's, else
 *   name/alias match, else the one `link_unaffiliated_events` set, else null = Unknown);
 * - `vp`: attended volunteer participations (every one with `volunteers: 'registered'`), one per
 *   (event, volunteer), with their hours (delivery hours, else duration ÷ 60, else end − start at
 *   least 1 h, else 0);
 * - `sp`: attended student participations, one per (event, student number or contact);
 * - `tp`: attended teachers of virtual sessions, with the teacher's school and district (the
 *   session's when the teacher has none);
 * - `cr`: the organizations credited with each `vp` row (affiliations Current or Past whose dates
 *   hold the event day, else the primary affiliation's organization, else null = Independent).
 * Contacts flagged exclude-from-reports are left out everywhere.
 */
export function facts(w: EventWindow): SQL {
  const inDistricts = w.districtIds
    ? sql`where x.district_id = any(${sql.param([...w.districtIds])}::uuid[])`
    : sql``;
  return sql`
  dk as (
    select d.id as district_id, d.name, ${districtKey(sql`d.name`)} as key
    from districts d where d.tenant_id = ${w.tenantId}
    union
    select d.id, d.name, ${districtKey(sql`a.alias`)}
    from districts d cross join unnest(d.aliases) as a(alias) where d.tenant_id = ${w.tenantId}
  ),
  ev as materialized (
    select x.* from (
      select e.id, e.title, e.type, e.format, e.status, e.school_id, e.location, e.session_host,
        e.career_cluster, e.duration_minutes, e.start_at, e.end_at,
        e.start_at at time zone ${w.timezone} as local_start,
        (e.start_at at time zone ${w.timezone})::date as local_date,
        coalesce(s.district_id, named.district_id, e.inferred_district_id) as district_id
      from events e
      left join schools s on s.id = e.school_id
      left join lateral (
        select k.district_id from dk k
        where e.district_name is not null and k.key = ${districtKey(sql`e.district_name`)}
        order by k.name, k.district_id limit 1
      ) named on s.district_id is null
      where ${eventConditions(w)}
    ) x ${inDistricts}
  ),
  vp as materialized (
    select p.event_id, p.contact_id,
      max(coalesce(p.delivery_hours::float8, ev.duration_minutes / 60.0,
        case when ev.end_at is not null and ev.start_at is not null
          then greatest(extract(epoch from ev.end_at - ev.start_at) / 3600.0, 1.0) end,
        0))::float8 as hours
    from volunteer_participations p
    join ev on ev.id = p.event_id
    join contacts c on c.id = p.contact_id and not c.exclude_from_reports
    ${w.volunteers === 'registered' ? sql`` : sql`where ${ATTENDED_VOLUNTEER}`}
    group by p.event_id, p.contact_id
  ),
  sp as materialized (
    select distinct p.event_id,
      coalesce(nullif(btrim(st.student_number), ''), p.contact_id::text) as student_key
    from student_participations p
    join ev on ev.id = p.event_id
    join contacts c on c.id = p.contact_id and not c.exclude_from_reports
    left join students st on st.contact_id = p.contact_id
    where p.status = 'Attended'
  ),
  tp as materialized (
    select t.event_id, t.contact_id,
      coalesce(te.school_id, ev.school_id) as school_id,
      coalesce(ts.district_id, ev.district_id) as district_id
    from teacher_participations t
    join ev on ev.id = t.event_id and ev.format = 'virtual'
    join contacts c on c.id = t.contact_id and not c.exclude_from_reports
    left join teachers te on te.contact_id = t.contact_id
    left join schools ts on ts.id = te.school_id
    where t.status = 'attended'
  ),
  cm as (
    select distinct vp.event_id, vp.contact_id, a.organization_id
    from vp
    join ev on ev.id = vp.event_id
    join affiliations a on a.contact_id = vp.contact_id and a.status in ('Current', 'Past')
      and (a.start_date is null or ev.local_date is null or a.start_date <= ev.local_date)
      and (a.end_date is null or ev.local_date is null or ev.local_date <= a.end_date)
  ),
  cr as materialized (
    select event_id, contact_id, organization_id from cm
    union all
    select vp.event_id, vp.contact_id, coalesce(v.primary_organization_id, pa.organization_id)
    from vp
    left join volunteers v on v.contact_id = vp.contact_id
    left join lateral (
      select a.organization_id from affiliations a
      where a.contact_id = vp.contact_id and a.is_primary
      order by a.start_date desc nulls last, a.id limit 1
    ) pa on v.primary_organization_id is null
    where not exists (select 1 from cm where cm.event_id = vp.event_id and cm.contact_id = vp.contact_id)
  )`;
}
