import { and, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../../../core/db/client.js';
import type { EventFormat, EventStatus, EventType } from '../../enums.js';
import {
  contacts,
  events,
  schools,
  studentParticipations,
  teacherParticipations,
  volunteerParticipations,
} from '../../schema.js';
import type { DistrictScope } from '../../services/caller.js';
import { fullName } from './people.js';
import { allOf, contains, ordering, pageOf, type ListWindow } from './query.js';
import { eventDistrictId, inScope } from './scope.js';

export const EVENT_SORTS = [
  'startAt',
  'title',
  'type',
  'format',
  'status',
  'school',
  'district',
  'volunteers',
  'students',
] as const;
export type EventSort = (typeof EVENT_SORTS)[number];

export interface EventFilter {
  tenantId: string;
  scope: DistrictScope;
  search?: string;
  type?: EventType;
  status?: EventStatus;
  format?: EventFormat;
  /** Events starting on or after this day (`YYYY-MM-DD`, in the tenant's timezone). */
  from?: string;
  /** Events starting on or before this day. */
  to?: string;
  districtId?: string;
  schoolId?: string;
}

const districtName = sql<
  string | null
>`(select d.name from districts d where d.id = ${eventDistrictId})`;
const volunteerCount = sql<number>`(select count(*) from volunteer_participations vp
  where vp.event_id = "events"."id")::int`;
const studentCount = sql<number>`(select count(*) from student_participations sp
  where sp.event_id = "events"."id")::int`;

const SORTS = {
  startAt: events.startAt,
  title: sql`lower(${events.title})`,
  type: events.type,
  format: events.format,
  status: events.status,
  school: sql`lower(${schools.name})`,
  district: sql`lower(${districtName})`,
  volunteers: volunteerCount,
  students: studentCount,
};

const listColumns = {
  id: events.id,
  title: events.title,
  type: events.type,
  format: events.format,
  status: events.status,
  startAt: events.startAt,
  schoolId: events.schoolId,
  school: schools.name,
  districtId: eventDistrictId,
  district: districtName,
  volunteers: volunteerCount,
  students: studentCount,
};

/** The calendar day an event starts on, in the tenant's timezone (DOMAIN.md §1.1 default Chicago). */
const startDay = (tenantId: string) => sql`(${events.startAt} at time zone (
  select coalesce(t.settings->>'timezone', 'America/Chicago') from tenants t where t.id = ${tenantId}))::date`;

const scoped = (tenantId: string, scope: DistrictScope) =>
  allOf(eq(events.tenantId, tenantId), inScope(scope, eventDistrictId));

export function listEvents(q: Queryable, f: EventFilter & ListWindow<EventSort>) {
  const where = allOf(
    scoped(f.tenantId, f.scope),
    contains(f.search, events.title, events.location),
    f.type ? eq(events.type, f.type) : undefined,
    f.status ? eq(events.status, f.status) : undefined,
    f.format ? eq(events.format, f.format) : undefined,
    f.from ? sql`${startDay(f.tenantId)} >= ${f.from}::date` : undefined,
    f.to ? sql`${startDay(f.tenantId)} <= ${f.to}::date` : undefined,
    f.districtId ? sql`${eventDistrictId} = ${f.districtId}` : undefined,
    f.schoolId ? eq(events.schoolId, f.schoolId) : undefined,
  );
  return pageOf(
    q,
    () =>
      q
        .select(listColumns)
        .from(events)
        .leftJoin(schools, eq(schools.id, events.schoolId))
        .where(where),
    ordering(f.order, SORTS[f.sort], events.id),
    f,
  );
}

export async function findEvent(q: Queryable, tenantId: string, scope: DistrictScope, id: string) {
  const [row] = await q
    .select({
      ...listColumns,
      externalId: events.externalId,
      description: events.description,
      endAt: events.endAt,
      durationMinutes: events.durationMinutes,
      rawStatus: events.rawStatus,
      cancellationReason: events.cancellationReason,
      location: events.location,
      districtName: events.districtName,
      volunteersNeeded: events.volunteersNeeded,
      availableSlots: events.availableSlots,
      registrationLink: events.registrationLink,
      sessionHost: events.sessionHost,
      series: events.series,
      careerCluster: events.careerCluster,
      createdAt: events.createdAt,
      updatedAt: events.updatedAt,
    })
    .from(events)
    .leftJoin(schools, eq(schools.id, events.schoolId))
    .where(and(scoped(tenantId, scope), eq(events.id, id)));
  return row;
}

/** The volunteers of an event, by name. */
export const eventVolunteers = (q: Queryable, id: string) =>
  q
    .select({
      id: volunteerParticipations.id,
      contactId: contacts.id,
      name: fullName,
      status: volunteerParticipations.status,
      deliveryHours: volunteerParticipations.deliveryHours,
      title: volunteerParticipations.title,
    })
    .from(volunteerParticipations)
    .innerJoin(contacts, eq(contacts.id, volunteerParticipations.contactId))
    .where(eq(volunteerParticipations.eventId, id))
    .orderBy(contacts.lastName, contacts.firstName, contacts.id);

/** The teachers registered for a (virtual) event, by name. */
export const eventTeachers = (q: Queryable, id: string) =>
  q
    .select({
      id: teacherParticipations.id,
      contactId: contacts.id,
      name: fullName,
      status: teacherParticipations.status,
    })
    .from(teacherParticipations)
    .innerJoin(contacts, eq(contacts.id, teacherParticipations.contactId))
    .where(eq(teacherParticipations.eventId, id))
    .orderBy(contacts.lastName, contacts.firstName, contacts.id);

/** How many students of the event have each participation status (no names). */
export const eventStudentCounts = (q: Queryable, id: string) =>
  q
    .select({ status: studentParticipations.status, count: sql<number>`count(*)::int` })
    .from(studentParticipations)
    .where(eq(studentParticipations.eventId, id))
    .groupBy(studentParticipations.status)
    .orderBy(studentParticipations.status);

export type EventValues = Omit<
  typeof events.$inferInsert,
  'id' | 'tenantId' | 'externalId' | 'createdAt' | 'updatedAt' | 'rawStatus' | 'inferredDistrictId'
>;

export async function insertEvent(
  q: Queryable,
  values: EventValues & { tenantId: string; externalId: string },
) {
  const [row] = await q.insert(events).values(values).returning({ id: events.id });
  if (!row) throw new Error('event insert returned no row');
  return row.id;
}

export const updateEvent = (q: Queryable, id: string, values: EventValues) =>
  q
    .update(events)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(events.id, id));

/** Whether the tenant has the school (forms may only point at the tenant's own schools). */
export async function schoolExists(q: Queryable, tenantId: string, id: string) {
  const [row] = await q
    .select({ id: schools.id })
    .from(schools)
    .where(and(eq(schools.tenantId, tenantId), eq(schools.id, id)));
  return row !== undefined;
}
