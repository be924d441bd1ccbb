import { sql } from 'drizzle-orm';
import type { Queryable } from '../../../../../core/db/client.js';
import { all, type Facts } from './facts.js';
import { measuresBy, type MeasureRow } from './measures.js';

/** Columns of every fact (raw SQL, no parameters: GROUPING() must see the very expressions grouped by). */
export const DIMENSIONS = {
  district: sql.raw('district_id'),
  month: sql.raw('month'),
  type: sql.raw('type'),
  event: sql.raw('event_id'),
  school: sql.raw('school_id'),
};

/** Measures per district, per month and per event type, and the total. */
export const districtYearMeasures = (q: Queryable, f: Facts): Promise<MeasureRow[]> =>
  measuresBy(q, f, {
    district: DIMENSIONS.district,
    month: DIMENSIONS.month,
    type: DIMENSIONS.type,
  });

/** Measures per event or per school, per month and per type, and the total. */
export const detailMeasures = (
  q: Queryable,
  f: Facts,
  groupBy: 'event' | 'school',
): Promise<MeasureRow[]> =>
  measuresBy(q, f, {
    [groupBy]: DIMENSIONS[groupBy],
    month: DIMENSIONS.month,
    type: DIMENSIONS.type,
  });

export interface EventLine {
  id: string;
  date: string | null;
  time: string | null;
  title: string;
  type: string;
  format: string;
  status: string;
  schoolId: string | null;
  school: string | null;
  location: string | null;
}

/** The window's events with what a detail row shows, in date order. */
export const eventLines = (q: Queryable, f: Facts): Promise<EventLine[]> =>
  all<EventLine>(
    q,
    sql`select ev.id, to_char(ev.local_start, 'YYYY-MM-DD') as date,
      to_char(ev.local_start, 'HH24:MI') as time, ev.title, ev.type, ev.format, ev.status,
      ev.school_id as "schoolId", s.name as school, ev.location
    from ${f.ev} ev left join schools s on s.id = ev.school_id
    order by ev.local_start nulls last, ev.title, ev.id`,
  );
