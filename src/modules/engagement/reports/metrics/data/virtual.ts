import { sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../../../../core/db/client.js';
import { COMPLETED_STATUSES, STUDENTS_PER_VIRTUAL_TEACHER, type EventWindow } from '../window.js';
import { all, facts, textArray } from './facts.js';

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
  if (place.districtIds) conditions.push(sql`${district} = any(${sql.param([...place.districtIds])}::uuid[])`);
  if (place.schoolId) conditions.push(sql`${school} = ${place.schoolId}`);
  return sql.join(conditions, sql` and `);
};

/** Attended experiences (`tpx`) and sessions (`sess`) of the place, over the window's events. */
const placed = (w: EventWindow, place: VirtualPlace) => sql`${facts(w)},
  tpx as (select * from tp where ${placeOf(place, sql`tp.district_id`, sql`tp.school_id`)}),
  sess as (
    select ev.* from ev
    where ${placeOf(place, sql`ev.district_id`, sql`ev.school_id`)}
      or exists (select 1 from tpx where tpx.event_id = ev.id)
  )`;

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

export async function virtualTotals(
  q: Queryable,
  w: EventWindow,
  place: VirtualPlace,
): Promise<VirtualTotals> {
  const [totals] = await all<VirtualTotals>(
    q,
    sql`with ${placed(w, place)}
    select (select count(*) from sess)::int as sessions,
      (select count(distinct contact_id) from tpx)::int as teachers,
      (select count(*) from tpx)::int as experiences,
      (select count(*) * ${STUDENTS_PER_VIRTUAL_TEACHER} from tpx)::int as "estimatedStudents",
      (select count(distinct vp.contact_id) from vp join sess on sess.id = vp.event_id)::int as professionals,
      (select count(distinct cr.organization_id) from cr join sess on sess.id = cr.event_id)::int as organizations,
      (select count(distinct school_id) from tpx)::int as schools,
      (select count(*) from sess where exists (
        select 1 from vp join volunteers v on v.contact_id = vp.contact_id
        where vp.event_id = sess.id and v.local_status = 'local'))::int as "localSessions"`,
  );
  if (!totals) throw new Error('virtual usage totals: no row');
  return totals;
}

export interface VirtualGroup {
  key: string | null;
  sessions: number;
  teachers: number;
  experiences: number;
  estimatedStudents: number;
  schools: number;
}

/** Per district of the experiences (Unknown as null), and per month of the sessions. */
export async function virtualGroups(q: Queryable, w: EventWindow, place: VirtualPlace) {
  const measures = sql`count(distinct tpx.contact_id)::int as teachers,
    count(tpx.event_id)::int as experiences,
    (count(tpx.event_id) * ${STUDENTS_PER_VIRTUAL_TEACHER})::int as "estimatedStudents",
    count(distinct tpx.school_id)::int as schools`;
  const byDistrict = await all<VirtualGroup>(
    q,
    sql`with ${placed(w, place)}
    select tpx.district_id::text as key, count(distinct tpx.event_id)::int as sessions, ${measures}
    from tpx group by tpx.district_id`,
  );
  const byMonth = await all<VirtualGroup>(
    q,
    sql`with ${placed(w, place)}
    select to_char(sess.local_start, 'YYYY-MM') as key, count(distinct sess.id)::int as sessions,
      ${measures}
    from sess left join tpx on tpx.event_id = sess.id
    group by 1 order by 1`,
  );
  return { byDistrict, byMonth };
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

/**
 * One line per session and teacher registration (a line without a teacher when it has none), in
 * any status; a line belongs to the teacher's school and district, else the session's.
 */
export const virtualLines = (
  q: Queryable,
  w: EventWindow,
  place: VirtualPlace,
): Promise<VirtualLine[]> =>
  all<VirtualLine>(
    q,
    sql`with ${facts(w)},
    presenters as (
      select vp.event_id,
        string_agg(btrim(c.first_name || ' ' || c.last_name), '; ' order by lower(c.last_name), lower(c.first_name)) as names
      from vp join contacts c on c.id = vp.contact_id group by vp.event_id
    ),
    lines as (
      select ev.*, t.contact_id as teacher_id, t.status as teacher_status,
        coalesce(te.school_id, ev.school_id) as line_school_id,
        coalesce(ts.district_id, ev.district_id) as line_district_id
      from ev
      left join (teacher_participations t
        join contacts tc on tc.id = t.contact_id and not tc.exclude_from_reports) on t.event_id = ev.id
      left join teachers te on te.contact_id = t.contact_id
      left join schools ts on ts.id = te.school_id
    )
    select l.status, to_char(l.local_start, 'YYYY-MM-DD') as date,
      to_char(l.local_start, 'HH24:MI') as time, l.type,
      btrim(tc.first_name || ' ' || tc.last_name) as teacher, s.name as school, d.name as district,
      l.title, p.names as presenter,
      case when l.teacher_status = 'attended' and l.status = any(${textArray(COMPLETED_STATUSES)})
        then ${STUDENTS_PER_VIRTUAL_TEACHER} else 0 end as "participantCount",
      l.duration_minutes as duration
    from lines l
    left join contacts tc on tc.id = l.teacher_id
    left join schools s on s.id = l.line_school_id
    left join districts d on d.id = l.line_district_id
    left join presenters p on p.event_id = l.id
    where ${placeOf(place, sql`l.line_district_id`, sql`l.line_school_id`)}
    order by l.local_start nulls last, l.title, l.id, lower(tc.last_name), lower(tc.first_name)`,
  );
