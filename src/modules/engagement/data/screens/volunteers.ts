import { and, desc, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../../../core/db/client.js';
import type { LocalStatus, VolunteerStatus } from '../../enums.js';
import {
  affiliations,
  contacts,
  events,
  organizations,
  volunteerParticipations,
  volunteers,
} from '../../schema.js';
import { contactColumns, fullName, nameOrder, primaryEmail } from './people.js';
import { allOf, contains, ordering, pageOf, type ListWindow } from './query.js';

export const VOLUNTEER_SORTS = [
  'name',
  'email',
  'organizationName',
  'title',
  'localStatus',
  'status',
  'timesVolunteered',
  'lastVolunteerDate',
] as const;
export type VolunteerSort = (typeof VOLUNTEER_SORTS)[number];

export interface VolunteerFilter {
  tenantId: string;
  search?: string;
  status?: VolunteerStatus;
  localStatus?: LocalStatus;
}

const SORTS = {
  name: nameOrder,
  email: primaryEmail,
  organizationName: sql`lower(${volunteers.organizationName})`,
  title: sql`lower(${volunteers.title})`,
  localStatus: volunteers.localStatus,
  status: volunteers.status,
  timesVolunteered: volunteers.timesVolunteered,
  lastVolunteerDate: volunteers.lastVolunteerDate,
};

const listColumns = {
  id: contacts.id,
  name: fullName,
  email: primaryEmail,
  organizationName: volunteers.organizationName,
  title: volunteers.title,
  localStatus: volunteers.localStatus,
  status: volunteers.status,
  timesVolunteered: volunteers.timesVolunteered,
  lastVolunteerDate: volunteers.lastVolunteerDate,
};

const from = (q: Queryable, columns: typeof listColumns | typeof detailColumns) =>
  q.select(columns).from(volunteers).innerJoin(contacts, eq(contacts.id, volunteers.contactId));

export function listVolunteers(q: Queryable, f: VolunteerFilter & ListWindow<VolunteerSort>) {
  const where = allOf(
    eq(volunteers.tenantId, f.tenantId),
    contains(f.search, fullName, primaryEmail, volunteers.organizationName),
    f.status ? eq(volunteers.status, f.status) : undefined,
    f.localStatus ? eq(volunteers.localStatus, f.localStatus) : undefined,
  );
  return pageOf(
    q,
    () => from(q, listColumns).where(where),
    ordering(f.order, SORTS[f.sort], contacts.id),
    f,
  );
}

const detailColumns = {
  ...contactColumns,
  primaryOrganizationId: volunteers.primaryOrganizationId,
  organizationName: volunteers.organizationName,
  title: volunteers.title,
  department: volunteers.department,
  industry: volunteers.industry,
  skills: volunteers.skills,
  interests: volunteers.interests,
  localStatus: volunteers.localStatus,
  status: volunteers.status,
  firstVolunteerDate: volunteers.firstVolunteerDate,
  lastVolunteerDate: volunteers.lastVolunteerDate,
  timesVolunteered: volunteers.timesVolunteered,
};

export async function findVolunteer(q: Queryable, tenantId: string, id: string) {
  const [row] = await from(q, detailColumns).where(
    and(eq(volunteers.tenantId, tenantId), eq(volunteers.contactId, id)),
  );
  return row;
}

/** The volunteer's organizations, primary first. */
export const volunteerAffiliations = (q: Queryable, id: string) =>
  q
    .select({
      id: affiliations.id,
      organizationId: organizations.id,
      organizationName: organizations.name,
      role: affiliations.role,
      isPrimary: affiliations.isPrimary,
      status: affiliations.status,
      startDate: affiliations.startDate,
      endDate: affiliations.endDate,
    })
    .from(affiliations)
    .innerJoin(organizations, eq(organizations.id, affiliations.organizationId))
    .where(eq(affiliations.contactId, id))
    .orderBy(desc(affiliations.isPrimary), organizations.name);

/** The volunteer's most recent participations (at most `limit`). */
export const volunteerParticipationsOf = (q: Queryable, id: string, limit: number) =>
  q
    .select({
      id: volunteerParticipations.id,
      eventId: events.id,
      eventTitle: events.title,
      startAt: events.startAt,
      status: volunteerParticipations.status,
      deliveryHours: volunteerParticipations.deliveryHours,
    })
    .from(volunteerParticipations)
    .innerJoin(events, eq(events.id, volunteerParticipations.eventId))
    .where(eq(volunteerParticipations.contactId, id))
    .orderBy(sql`${events.startAt} desc nulls last`, events.id)
    .limit(limit);

export const countVolunteerParticipations = async (q: Queryable, id: string) => {
  const [row] = await q
    .select({ n: sql<number>`count(*)::int` })
    .from(volunteerParticipations)
    .where(eq(volunteerParticipations.contactId, id));
  return row?.n ?? 0;
};

export const insertVolunteer = (q: Queryable, values: typeof volunteers.$inferInsert) =>
  q.insert(volunteers).values(values);

export const updateVolunteer = (
  q: Queryable,
  id: string,
  values: Partial<typeof volunteers.$inferInsert>,
) =>
  q
    .update(volunteers)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(volunteers.contactId, id));
