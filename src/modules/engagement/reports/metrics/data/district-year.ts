import { sql } from 'drizzle-orm';
import type { Queryable } from '../../../../../core/db/client.js';
import type { EventWindow } from '../window.js';
import { all, facts } from './facts.js';
import { measuresBy, type MeasureRow } from './measures.js';

/** Raw SQL (no parameters): GROUPING() must see the very expressions grouped by. */
export const DIMENSIONS = {
  district: sql.raw('ev.district_id'),
  month: sql.raw(`to_char(ev.local_start, 'YYYY-MM')`),
  type: sql.raw('ev.type'),
  event: sql.raw('ev.id'),
  school: sql.raw('ev.school_id'),
};

/** Measures per district, per month and per event type, and the total. */
export const districtYearMeasures = (q: Queryable, w: EventWindow): Promise<MeasureRow[]> =>
  measuresBy(q, w, { district: DIMENSIONS.district, month: DIMENSIONS.month, type: DIMENSIONS.type });

/** Measures per event or per school, per month and per type, and the total. */
export const detailMeasures = (
  q: Queryable,
  w: EventWindow,
  groupBy: 'event' | 'school',
): Promise<MeasureRow[]> =>
  measuresBy(q, w, {
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
export const eventLines = (q: Queryable, w: EventWindow): Promise<EventLine[]> =>
  all<EventLine>(
    q,
    sql`with ${facts(w)}
    select ev.id, to_char(ev.local_start, 'YYYY-MM-DD') as date,
      to_char(ev.local_start, 'HH24:MI') as time, ev.title, ev.type, ev.format, ev.status,
      ev.school_id as "schoolId", s.name as school, ev.location
    from ev left join schools s on s.id = ev.school_id
    order by ev.local_start nulls last, ev.title, ev.id`,
  );
