import { sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../../../../core/db/client.js';
import { COMPLETED_STATUSES, type EventWindow } from '../window.js';

/** Rows of a metric query. */
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

/** The event's attributes every fact row carries, so that queries rarely join facts to events. */
const EVENT_COLUMNS = sql.raw(
  'ev.event_id, ev.district_id, ev.school_id, ev.month, ev.type, ev.format, ev.status, ev.title, ev.local_start, ev.local_date',
);

/** An affiliation `a` that credits its organization on `day` (Current or Past, dates inclusive and open). */
const credits = (day: SQL) => sql`a.status in ('Current', 'Past')
  and (a.start_date is null or ${day} is null or a.start_date <= ${day})
  and (a.end_date is null or ${day} is null or ${day} <= a.end_date)`;

/** The facts of one window, as temporary tables of the current transaction. */
export interface Facts {
  window: EventWindow;
  /** The window's events with their local start, month and attributed district. */
  ev: SQL;
  /** Attended volunteer participations, one per (event, volunteer), with their hours. */
  vp: SQL;
  /** Attended student participations, one per (event, student). */
  sp: SQL;
  /** Attended teachers of virtual sessions, with the place (school, district) they count for. */
  tp: SQL;
  /** `vp` rows with each organization credited (null: Independent). */
  cr: SQL;
}

export type OptionalFact = 'sp' | 'tp' | 'cr';

const eventsQuery = (w: EventWindow) => {
  const inDistricts = w.districtIds
    ? sql`where x.district_id = any(${sql.param([...w.districtIds])}::uuid[])`
    : sql``;
  return sql`
  with dk as (
    select d.id as district_id, d.name, ${districtKey(sql`d.name`)} as key
    from districts d where d.tenant_id = ${w.tenantId}
    union
    select d.id, d.name, ${districtKey(sql`a.alias`)}
    from districts d cross join unnest(d.aliases) as a(alias) where d.tenant_id = ${w.tenantId}
  )
  select x.*, to_char(x.local_start, 'YYYY-MM') as month from (
    select e.id, e.id as event_id, e.title, e.type, e.format, e.status, e.school_id, e.location,
      e.session_host, e.career_cluster, e.duration_minutes, e.start_at, e.end_at,
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
  ) x ${inDistricts}`;
};

const volunteersQuery = (f: Facts) => sql`
  select distinct on (ev.event_id, p.contact_id) ${EVENT_COLUMNS}, p.contact_id,
    coalesce(p.delivery_hours::float8, ev.duration_minutes / 60.0,
      case when ev.end_at is not null and ev.start_at is not null
        then greatest(extract(epoch from ev.end_at - ev.start_at) / 3600.0, 1.0) end,
      0)::float8 as hours
  from ${f.ev} ev
  join volunteer_participations p on p.event_id = ev.id
  join contacts c on c.id = p.contact_id and not c.exclude_from_reports
  where ${f.window.volunteers === 'registered' ? sql`true` : ATTENDED_VOLUNTEER}
  order by ev.event_id, p.contact_id, hours desc`;

const studentsQuery = (f: Facts) => sql`
  select distinct ${EVENT_COLUMNS},
    coalesce(nullif(btrim(st.student_number), ''), p.contact_id::text) as student_key
  from ${f.ev} ev
  join student_participations p on p.event_id = ev.id
  join contacts c on c.id = p.contact_id and not c.exclude_from_reports
  left join students st on st.contact_id = p.contact_id
  where p.status = 'Attended'`;

const teachersQuery = (f: Facts) => sql`
  select ${EVENT_COLUMNS}, t.contact_id,
    coalesce(te.school_id, ev.school_id) as place_school_id,
    coalesce(ts.district_id, ev.district_id) as place_district_id
  from ${f.ev} ev
  join teacher_participations t on t.event_id = ev.id
  join contacts c on c.id = t.contact_id and not c.exclude_from_reports
  left join teachers te on te.contact_id = t.contact_id
  left join schools ts on ts.id = te.school_id
  where ev.format = 'virtual' and t.status = 'attended'`;

const creditsQuery = (f: Facts) => sql`
  select vp.*, a.organization_id
  from ${f.vp} vp join affiliations a on a.contact_id = vp.contact_id and ${credits(sql`vp.local_date`)}
  union
  select vp.*, coalesce(v.primary_organization_id, pa.organization_id)
  from ${f.vp} vp
  left join volunteers v on v.contact_id = vp.contact_id
  left join lateral (
    select a.organization_id from affiliations a
    where a.contact_id = vp.contact_id and a.is_primary
    order by a.start_date desc nulls last, a.id limit 1
  ) pa on v.primary_organization_id is null
  where not exists (
    select 1 from affiliations a where a.contact_id = vp.contact_id and ${credits(sql`vp.local_date`)})`;

/** Creates a temporary table (dropped at commit) from a query. */
async function materialize(q: Queryable, table: SQL, query: SQL): Promise<void> {
  await q.execute(sql`create temp table ${table} on commit drop as ${query}`);
}

/**
 * Computes the definitions of DOMAIN.md §2.4 for a window once, as temporary tables that every
 * query of the report then reads (they carry their event's attributes: `event_id`,
 * `district_id`, `school_id`, `month`, `type`, `format`, `status`, `title`, `local_start`,
 * `local_date`), computed once however many queries read them.
 * - events: the window's, with the attributed district (school's, else name/alias match, else
 *   the one `link_unaffiliated_events` set, else null = Unknown);
 * - `vp`: attended volunteer participations (every one with `volunteers: 'registered'`), one per
 *   (event, volunteer), with their hours (delivery hours, else duration ÷ 60, else end − start at
 *   least 1 h, else 0);
 * - `sp`: attended student participations, one per (event, student number or contact);
 * - `tp`: attended teachers of virtual sessions, with the teacher's school and district as
 *   `place_school_id` and `place_district_id` (the session's when the teacher has none);
 * - `cr`: `vp` rows with each organization credited (affiliations Current or Past whose dates
 *   hold the event day, else the primary affiliation's organization, else null = Independent).
 * Contacts flagged exclude-from-reports are left out everywhere. `name` tells apart the facts of
 * several windows in one transaction.
 *
 * For the rest of the transaction, nested loops are off: a table without statistics (PGlite has
 * no autovacuum; right after an import Postgres has none yet either) looks tiny to the planner,
 * which then picks nested loops that are quadratic in the rows. Hash joins are linear whatever the
 * estimates. JIT is off too: these short queries would spend longer compiling than running.
 */
export async function loadFacts(
  q: Queryable,
  w: EventWindow,
  parts: readonly OptionalFact[],
  name = 'facts',
): Promise<Facts> {
  const table = (suffix: string) => sql.raw(`${name}_${suffix}`);
  const f: Facts = {
    window: w,
    ev: table('ev'),
    vp: table('vp'),
    sp: table('sp'),
    tp: table('tp'),
    cr: table('cr'),
  };
  await q.execute(
    sql`select set_config('enable_nestloop', 'off', true), set_config('jit', 'off', true)`,
  );
  await materialize(q, f.ev, eventsQuery(w));
  await materialize(q, f.vp, volunteersQuery(f));
  if (parts.includes('sp')) await materialize(q, f.sp, studentsQuery(f));
  if (parts.includes('tp')) await materialize(q, f.tp, teachersQuery(f));
  if (parts.includes('cr')) await materialize(q, f.cr, creditsQuery(f));
  return f;
}
