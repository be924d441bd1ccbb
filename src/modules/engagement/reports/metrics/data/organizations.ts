import { sql } from 'drizzle-orm';
import type { Queryable } from '../../../../../core/db/client.js';
import { all, type Facts } from './facts.js';

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
export const organizationLines = (q: Queryable, f: Facts): Promise<OrganizationLine[]> =>
  all<OrganizationLine>(
    q,
    sql`select cr.organization_id as "organizationId", coalesce(o.name, 'Independent') as name,
      count(distinct cr.event_id)::int as "uniqueSessions", sum(cr.hours)::float8 as hours,
      count(distinct cr.contact_id)::int as "uniqueVolunteers"
    from ${f.cr} cr
    left join organizations o on o.id = cr.organization_id
    group by cr.organization_id, o.name
    order by cr.organization_id is null, lower(o.name), cr.organization_id`,
  );

/** Totals over every attended participation (each counted once, whatever it is credited to). */
export async function organizationTotals(q: Queryable, f: Facts): Promise<OrganizationTotals> {
  const [totals] = await all<OrganizationTotals>(
    q,
    sql`select (select count(distinct organization_id) from ${f.cr})::int as organizations,
      count(distinct vp.event_id)::int as sessions,
      coalesce(sum(vp.hours), 0)::float8 as hours,
      count(distinct vp.contact_id)::int as volunteers
    from ${f.vp} vp`,
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
  f: Facts,
  organizationId: string,
): Promise<CreditedVolunteer[]> =>
  all<CreditedVolunteer>(
    q,
    sql`select c.id as "contactId", btrim(c.first_name || ' ' || c.last_name) as name,
      (select ce.email from contact_emails ce where ce.contact_id = c.id
        order by ce.is_primary desc, ce.email limit 1) as email,
      count(*)::int as events, sum(cr.hours)::float8 as hours
    from ${f.cr} cr
    join contacts c on c.id = cr.contact_id
    where cr.organization_id = ${organizationId}
    group by c.id
    order by sum(cr.hours) desc, lower(c.last_name), lower(c.first_name), c.id`,
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
  f: Facts,
  organizationId: string,
): Promise<CreditedEvent[]> =>
  all<CreditedEvent>(
    q,
    sql`select cr.event_id as id, to_char(cr.local_start, 'YYYY-MM-DD') as date, cr.title, cr.type,
      cr.format, cr.status, s.name as school, count(*)::int as volunteers,
      sum(cr.hours)::float8 as hours
    from ${f.cr} cr
    left join schools s on s.id = cr.school_id
    where cr.organization_id = ${organizationId}
    group by cr.event_id, cr.local_start, cr.title, cr.type, cr.format, cr.status, s.name
    order by cr.local_start nulls last, cr.title, cr.event_id`,
  );
