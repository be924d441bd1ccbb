import { sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../../../../core/db/client.js';
import { COMPLETED_STATUSES, STUDENTS_PER_VIRTUAL_TEACHER } from '../window.js';
import { all, textArray, type Facts } from './facts.js';

/**
 * Where virtual usage is counted. A teacher's experience belongs to the teacher's school and its
 * district (the session's when the teacher has no school); a session belongs to its own district
 * and school and to those of every attended teacher.
 */
export interface VirtualPlace {
  districtIds?: readonly string[];
  schoolId?: string;
}

const placeOf = (place: VirtualPlace, district: SQL, school: SQL): SQL => {
  const conditions = [sql`true`];
  if (place.districtIds)
    conditions.push(sql`${district} = any(${sql.param([...place.districtIds])}::uuid[])`);
  if (place.schoolId) conditions.push(sql`${school} = ${place.schoolId}`);
  return sql.join(conditions, sql` and `);
};

/** The attended experiences (`tpx`) and the sessions (`sess`) of the place, as temporary tables. */
async function loadPlace(q: Queryable, f: Facts, place: VirtualPlace) {
  const tables = { tpx: sql.raw('place_tpx'), sess: sql.raw('place_sess') };
  await q.execute(sql`drop table if exists place_tpx, place_sess`);
  await q.execute(sql`create temp table place_tpx on commit drop as
    select * from ${f.tp} tp
    where ${placeOf(place, sql`tp.place_district_id`, sql`tp.place_school_id`)}`);
  await q.execute(sql`create temp table place_sess on commit drop as
    select ev.* from ${f.ev} ev
    where ${placeOf(place, sql`ev.district_id`, sql`ev.school_id`)}
      or ev.id in (select event_id from place_tpx)`);
  return tables;
}

export interface VirtualTotals {
  sessions: number;
  teachers: number;
  experiences: number;
  estimatedStudents: number;
  professionals: number;
  organizations: number;
  schools: number;
  localSessions: number;
}

export interface VirtualGroup {
  key: string | null;
  sessions: number;
  teachers: number;
  experiences: number;
  estimatedStudents: number;
  schools: number;
}

/**
 * Virtual usage of the place over the facts' (virtual, completed) sessions: totals, per district
 * of the experiences (Unknown as null) and per month of the sessions. Needs `tp` and `cr`.
 */
export async function virtualSummary(q: Queryable, f: Facts, place: VirtualPlace) {
  const { tpx, sess } = await loadPlace(q, f, place);
  const [totals] = await all<VirtualTotals>(
    q,
    sql`select (select count(*) from ${sess})::int as sessions,
      (select count(distinct contact_id) from ${tpx})::int as teachers,
      (select count(*) from ${tpx})::int as experiences,
      (select count(*) * ${STUDENTS_PER_VIRTUAL_TEACHER} from ${tpx})::int as "estimatedStudents",
      (select count(distinct contact_id) from ${f.vp}
        where event_id in (select id from ${sess}))::int as professionals,
      (select count(distinct organization_id) from ${f.cr}
        where event_id in (select id from ${sess}))::int as organizations,
      (select count(distinct place_school_id) from ${tpx})::int as schools,
      (select count(*) from ${sess} where id in (
        select vp.event_id from ${f.vp} vp join volunteers v on v.contact_id = vp.contact_id
        where v.local_status = 'local'))::int as "localSessions"`,
  );
  if (!totals) throw new Error('virtual usage totals: no row');
  const measures = sql`count(distinct contact_id)::int as teachers,
    count(*)::int as experiences,
    (count(*) * ${STUDENTS_PER_VIRTUAL_TEACHER})::int as "estimatedStudents",
    count(distinct place_school_id)::int as schools`;
  const byDistrict = await all<VirtualGroup>(
    q,
    sql`select place_district_id::text as key, count(distinct event_id)::int as sessions,
      ${measures}
    from ${tpx} group by place_district_id`,
  );
  const byMonth = await all<VirtualGroup>(
    q,
    sql`with s as (select month, count(*)::int as sessions from ${sess} group by month),
    t as (select month, ${measures} from ${tpx} group by month)
    select s.month as key, s.sessions, coalesce(t.teachers, 0) as teachers,
      coalesce(t.experiences, 0) as experiences,
      coalesce(t."estimatedStudents", 0) as "estimatedStudents", coalesce(t.schools, 0) as schools
    from s left join t on t.month = s.month
    order by s.month`,
  );
  return { totals, byDistrict, byMonth };
}

export interface VirtualLine {
  status: string;
  date: string | null;
  time: string | null;
  type: string;
  teacher: string | null;
  school: string | null;
  district: string | null;
  title: string;
  presenter: string | null;
  participantCount: number;
  duration: number | null;
}

/** The attended presenters of each of the window's sessions, `; `-separated, by event. */
async function presentersOf(q: Queryable, f: Facts): Promise<Map<string, string>> {
  const rows = await all<{ eventId: string; names: string }>(
    q,
    sql`select vp.event_id as "eventId",
      string_agg(btrim(c.first_name || ' ' || c.last_name), '; '
        order by lower(c.last_name), lower(c.first_name)) as names
    from ${f.vp} vp join contacts c on c.id = vp.contact_id
    group by vp.event_id`,
  );
  return new Map(rows.map((row) => [row.eventId, row.names]));
}

/**
 * One line per session and teacher registration (a line without a teacher when it has none), in
 * any status; a line belongs to the teacher's school and district, else the session's.
 */
export async function virtualLines(
  q: Queryable,
  f: Facts,
  place: VirtualPlace,
): Promise<VirtualLine[]> {
  const lines = await all<VirtualLine & { eventId: string }>(
    q,
    sql`with lines as (
      select ev.*, t.contact_id as teacher_id, t.status as teacher_status,
        coalesce(te.school_id, ev.school_id) as line_school_id,
        coalesce(ts.district_id, ev.district_id) as line_district_id
      from ${f.ev} ev
      left join (teacher_participations t
        join contacts tc on tc.id = t.contact_id and not tc.exclude_from_reports) on t.event_id = ev.id
      left join teachers te on te.contact_id = t.contact_id
      left join schools ts on ts.id = te.school_id
    )
    select l.event_id as "eventId", l.status, to_char(l.local_start, 'YYYY-MM-DD') as date,
      to_char(l.local_start, 'HH24:MI') as time, l.type,
      btrim(tc.first_name || ' ' || tc.last_name) as teacher, s.name as school, d.name as district,
      l.title,
      case when l.teacher_status = 'attended' and l.status = any(${textArray(COMPLETED_STATUSES)})
        then ${STUDENTS_PER_VIRTUAL_TEACHER} else 0 end as "participantCount",
      l.duration_minutes as duration
    from lines l
    left join contacts tc on tc.id = l.teacher_id
    left join schools s on s.id = l.line_school_id
    left join districts d on d.id = l.line_district_id
    where ${placeOf(place, sql`l.line_district_id`, sql`l.line_school_id`)}
    order by l.local_start nulls last, l.title, l.id, lower(tc.last_name), lower(tc.first_name)`,
  );
  const presenters = await presentersOf(q, f);
  return lines.map(({ eventId, ...line }) => ({
    ...line,
    presenter: presenters.get(eventId) ?? null,
  }));
}
