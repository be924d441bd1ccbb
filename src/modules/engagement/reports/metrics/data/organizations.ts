import { sql } from 'drizzle-orm';
import type { Queryable } from '../../../../../core/db/client.js';
import type { EventWindow } from '../window.js';
import { all, facts } from './facts.js';

export interface OrganizationLine {
  /** Null for the Independent bucket. */
  organizationId: string | null;
  name: string;
  uniqueSessions: number;
  hours: number;
  uniqueVolunteers: number;
}

export interface OrganizationTotals {
  organizations: number;
  sessions: number;
  hours: number;
  volunteers: number;
}

/** Per credited organization (Independent last): distinct sessions, hours and volunteers. */
export const organizationLines = (q: Queryable, w: EventWindow): Promise<OrganizationLine[]> =>
  all<OrganizationLine>(
    q,
    sql`with ${facts(w)}
    select cr.organization_id as "organizationId", coalesce(o.name, 'Independent') as name,
      count(distinct cr.event_id)::int as "uniqueSessions", sum(vp.hours)::float8 as hours,
      count(distinct cr.contact_id)::int as "uniqueVolunteers"
    from cr
    join vp on vp.event_id = cr.event_id and vp.contact_id = cr.contact_id
    left join organizations o on o.id = cr.organization_id
    group by cr.organization_id, o.name
    order by cr.organization_id is null, lower(o.name), cr.organization_id`,
  );

/** Totals over every attended participation (each counted once, whatever it is credited to). */
export async function organizationTotals(q: Queryable, w: EventWindow): Promise<OrganizationTotals> {
  const [totals] = await all<OrganizationTotals>(
    q,
    sql`with ${facts(w)}
    select (select count(distinct organization_id) from cr)::int as organizations,
      count(distinct vp.event_id)::int as sessions,
      coalesce(sum(vp.hours), 0)::float8 as hours,
      count(distinct vp.contact_id)::int as volunteers
    from vp`,
  );
  return totals ?? { organizations: 0, sessions: 0, hours: 0, volunteers: 0 };
}

export interface CreditedVolunteer {
  contactId: string;
  name: string;
  email: string | null;
  events: number;
  hours: number;
}

/** The volunteers whose participations are credited to the organization, most hours first. */
export const creditedVolunteers = (
  q: Queryable,
  w: EventWindow,
  organizationId: string,
): Promise<CreditedVolunteer[]> =>
  all<CreditedVolunteer>(
    q,
    sql`with ${facts(w)}
    select c.id as "contactId", btrim(c.first_name || ' ' || c.last_name) as name,
      (select ce.email from contact_emails ce where ce.contact_id = c.id
        order by ce.is_primary desc, ce.email limit 1) as email,
      count(*)::int as events, sum(vp.hours)::float8 as hours
    from cr
    join vp on vp.event_id = cr.event_id and vp.contact_id = cr.contact_id
    join contacts c on c.id = cr.contact_id
    where cr.organization_id = ${organizationId}
    group by c.id
    order by sum(vp.hours) desc, lower(c.last_name), lower(c.first_name), c.id`,
  );

export interface CreditedEvent {
  id: string;
  date: string | null;
  title: string;
  type: string;
  format: string;
  status: string;
  school: string | null;
  volunteers: number;
  hours: number;
}

/**
 * The window's events where the organization is credited with a participation (with
 * `volunteers: 'registered'`, any registration: the organization's cancelled events).
 */
export const creditedEvents = (
  q: Queryable,
  w: EventWindow,
  organizationId: string,
): Promise<CreditedEvent[]> =>
  all<CreditedEvent>(
    q,
    sql`with ${facts(w)}
    select ev.id, to_char(ev.local_start, 'YYYY-MM-DD') as date, ev.title, ev.type, ev.format,
      ev.status, s.name as school, count(*)::int as volunteers, sum(vp.hours)::float8 as hours
    from cr
    join vp on vp.event_id = cr.event_id and vp.contact_id = cr.contact_id
    join ev on ev.id = cr.event_id
    left join schools s on s.id = ev.school_id
    where cr.organization_id = ${organizationId}
    group by ev.id, ev.local_start, ev.title, ev.type, ev.format, ev.status, s.name
    order by ev.local_start nulls last, ev.title, ev.id`,
  );
