import { sql } from 'drizzle-orm';
import type { Queryable } from '../../../../../core/db/client.js';
import { COMPLETED_STATUSES } from '../window.js';
import { all, textArray, type Facts } from './facts.js';

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

/** The organizations credited with each volunteer's participations, `; `-separated, by contact. */
async function creditedNames(q: Queryable, f: Facts): Promise<Map<string, string>> {
  const rows = await all<{ contactId: string; names: string }>(
    q,
    sql`select cr.contact_id as "contactId",
      string_agg(distinct coalesce(o.name, 'Independent'), '; ') as names
    from ${f.cr} cr left join organizations o on o.id = cr.organization_id
    group by cr.contact_id`,
  );
  return new Map(rows.map((row) => [row.contactId, row.names]));
}

/**
 * Volunteers with an attended participation in the window, with their events and hours there.
 * `firstTimeOnly`: only those with none in a completed event before the window's start
 * (DOMAIN.md §2.4 first-time volunteers). Ranked by hours, then events, then name. Needs `cr`.
 */
export async function volunteerLines(
  q: Queryable,
  f: Facts,
  options: { firstTimeOnly: boolean },
): Promise<VolunteerLine[]> {
  const w = f.window;
  const firstTime =
    options.firstTimeOnly && w.from
      ? sql`where not exists (
          select 1 from volunteer_participations p
          join events e on e.id = p.event_id
          where p.contact_id = per.contact_id and ${ATTENDED}
            and e.status = any(${textArray(COMPLETED_STATUSES)})
            and e.start_at < (${w.from}::date::timestamp at time zone ${w.timezone}))`
      : sql``;
  const lines = await all<Omit<VolunteerLine, 'organization'>>(
    q,
    sql`with per as (
      select contact_id, count(*)::int as events, sum(hours)::float8 as hours,
        min(local_date) as first_day,
        string_agg(title || ' (' || coalesce(to_char(local_start, 'MM/DD/YYYY'), '?') || ')',
          '; ' order by local_start, title) as event_list,
        array_agg(event_id::text) as event_ids
      from ${f.vp} group by contact_id
    )
    select per.contact_id as "contactId", btrim(c.first_name || ' ' || c.last_name) as name,
      v.title, per.events, per.hours, to_char(per.first_day, 'YYYY-MM-DD') as "firstDay",
      per.event_list as "eventList", per.event_ids as "eventIds"
    from per
    join contacts c on c.id = per.contact_id
    left join volunteers v on v.contact_id = per.contact_id
    ${firstTime}
    order by per.hours desc, per.events desc, lower(c.last_name), lower(c.first_name), per.contact_id`,
  );
  const names = await creditedNames(q, f);
  return lines.map((line) => ({
    ...line,
    organization: names.get(line.contactId) ?? 'Independent',
  }));
}
