import { sql } from 'drizzle-orm';
import type { Queryable } from '../../../../../core/db/client.js';
import { COMPLETED_STATUSES, type EventWindow } from '../window.js';
import { all, facts, textArray } from './facts.js';

export interface VolunteerLine {
  contactId: string;
  name: string;
  title: string | null;
  /** Credited organizations, `; `-separated (`Independent` when none). */
  organization: string;
  events: number;
  hours: number;
  /** First local day with an attended participation in the window. */
  firstDay: string | null;
  /** "Title (MM/DD/YYYY); …" in date order. */
  eventList: string;
  eventIds: string[];
}

const ATTENDED = sql`lower(btrim(p.status)) in ('attended', 'completed', 'successfully completed')`;

/**
 * Volunteers with an attended participation in the window, with their events and hours there.
 * `firstTimeOnly`: only those with none in a completed event before the window's start
 * (DOMAIN.md §2.4 first-time volunteers). Ranked by hours, then events, then name.
 */
export function volunteerLines(
  q: Queryable,
  w: EventWindow,
  options: { firstTimeOnly: boolean },
): Promise<VolunteerLine[]> {
  const firstTime =
    options.firstTimeOnly && w.from
      ? sql`where not exists (
          select 1 from volunteer_participations p
          join events e on e.id = p.event_id
          where p.contact_id = per.contact_id and ${ATTENDED}
            and e.status = any(${textArray(COMPLETED_STATUSES)})
            and e.start_at < (${w.from}::date::timestamp at time zone ${w.timezone}))`
      : sql``;
  return all<VolunteerLine>(
    q,
    sql`with ${facts(w)},
    per as (
      select vp.contact_id, count(*)::int as events, sum(vp.hours)::float8 as hours,
        min(ev.local_date) as first_day,
        string_agg(ev.title || ' (' || coalesce(to_char(ev.local_start, 'MM/DD/YYYY'), '?') || ')',
          '; ' order by ev.local_start, ev.title) as event_list,
        array_agg(vp.event_id::text) as event_ids
      from vp join ev on ev.id = vp.event_id
      group by vp.contact_id
    ),
    orgs as (
      select cr.contact_id,
        string_agg(distinct coalesce(o.name, 'Independent'), '; ') as names
      from cr left join organizations o on o.id = cr.organization_id
      group by cr.contact_id
    )
    select per.contact_id as "contactId", btrim(c.first_name || ' ' || c.last_name) as name,
      v.title, coalesce(orgs.names, 'Independent') as organization, per.events, per.hours,
      to_char(per.first_day, 'YYYY-MM-DD') as "firstDay", per.event_list as "eventList", per.event_ids as "eventIds"
    from per
    join contacts c on c.id = per.contact_id
    left join volunteers v on v.contact_id = per.contact_id
    left join orgs on orgs.contact_id = per.contact_id
    ${firstTime}
    order by per.hours desc, per.events desc, lower(c.last_name), lower(c.first_name), per.contact_id`,
  );
}
