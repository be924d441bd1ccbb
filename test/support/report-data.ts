import type { Database } from '../../src/core/db/client.js';
import type {
  AffiliationStatus,
  EventFormat,
  EventStatus,
  EventType,
  LocalStatus,
  StudentParticipationStatus,
  TeacherParticipationStatus,
} from '../../src/modules/engagement/enums.js';
import {
  affiliations,
  contactEmails,
  contacts,
  districts,
  events,
  organizations,
  schools,
  studentParticipations,
  students,
  teacherParticipations,
  teachers,
  volunteerParticipations,
  volunteers,
} from '../../src/modules/engagement/schema.js';

export interface EventSpec {
  title?: string;
  /** ISO instant, e.g. `2024-10-01T15:00:00Z`. */
  start?: string | null;
  end?: string;
  minutes?: number;
  status?: EventStatus;
  type?: EventType;
  format?: EventFormat;
  schoolId?: string;
  districtName?: string;
  inferredDistrictId?: string;
  host?: string;
  careerCluster?: string;
  location?: string;
}

const one = <T>(rows: T[]): T => {
  const [row] = rows;
  if (!row) throw new Error('insert returned nothing');
  return row;
};

/**
 * Writes small engagement data sets for report tests, as the database owner, one record at a
 * time with readable defaults. Every method returns the new record's id.
 */
export function reportData(database: Database, tenantId: string) {
  const { db } = database;
  let n = 0;
  const ext = () => `x-${String(++n)}`;
  const base = () => ({ tenantId, externalId: ext() });

  const contact = async (
    kind: 'volunteer' | 'teacher' | 'student',
    name: string,
    options: { exclude?: boolean; email?: string } = {},
  ) => {
    const [firstName = '', lastName = ''] = name.split(' ');
    const row = one(
      await db
        .insert(contacts)
        .values({
          ...base(),
          kind,
          firstName,
          lastName,
          excludeFromReports: options.exclude ?? false,
        })
        .returning({ id: contacts.id }),
    );
    if (options.email) {
      await db
        .insert(contactEmails)
        .values({ tenantId, contactId: row.id, email: options.email, isPrimary: true });
    }
    return row.id;
  };

  return {
    async district(name: string, aliases: string[] = []) {
      return one(
        await db
          .insert(districts)
          .values({ ...base(), name, aliases })
          .returning({ id: districts.id }),
      ).id;
    },
    async school(name: string, districtId: string | null) {
      return one(
        await db
          .insert(schools)
          .values({ ...base(), name, districtId })
          .returning({ id: schools.id }),
      ).id;
    },
    async organization(name: string) {
      return one(
        await db
          .insert(organizations)
          .values({ ...base(), name })
          .returning({ id: organizations.id }),
      ).id;
    },
    async volunteer(
      name: string,
      options: {
        primaryOrganizationId?: string;
        localStatus?: LocalStatus;
        exclude?: boolean;
        title?: string;
        email?: string;
      } = {},
    ) {
      const id = await contact('volunteer', name, options);
      await db.insert(volunteers).values({
        tenantId,
        contactId: id,
        primaryOrganizationId: options.primaryOrganizationId ?? null,
        localStatus: options.localStatus ?? 'unknown',
        title: options.title ?? null,
      });
      return id;
    },
    async affiliation(
      contactId: string,
      organizationId: string,
      options: { status?: AffiliationStatus; start?: string; end?: string; primary?: boolean } = {},
    ) {
      await db.insert(affiliations).values({
        ...base(),
        contactId,
        organizationId,
        status: options.status ?? 'Current',
        startDate: options.start ?? null,
        endDate: options.end ?? null,
        isPrimary: options.primary ?? false,
      });
    },
    async teacher(name: string, schoolId: string | null, options: { exclude?: boolean } = {}) {
      const id = await contact('teacher', name, options);
      await db.insert(teachers).values({ tenantId, contactId: id, schoolId });
      return id;
    },
    async student(
      name: string,
      options: { number?: string; schoolId?: string; exclude?: boolean } = {},
    ) {
      const id = await contact('student', name, options);
      await db.insert(students).values({
        tenantId,
        contactId: id,
        studentNumber: options.number ?? null,
        schoolId: options.schoolId ?? null,
      });
      return id;
    },
    async event(spec: EventSpec = {}) {
      return one(
        await db
          .insert(events)
          .values({
            ...base(),
            title: spec.title ?? `Event ${String(n)}`,
            startAt: spec.start === null ? null : new Date(spec.start ?? '2024-10-01T15:00:00Z'),
            endAt: spec.end ? new Date(spec.end) : null,
            durationMinutes: spec.minutes ?? null,
            status: spec.status ?? 'Completed',
            type: spec.type ?? 'career_speaker',
            format: spec.format ?? 'in_person',
            schoolId: spec.schoolId ?? null,
            districtName: spec.districtName ?? null,
            inferredDistrictId: spec.inferredDistrictId ?? null,
            sessionHost: spec.host ?? null,
            careerCluster: spec.careerCluster ?? null,
            location: spec.location ?? null,
          })
          .returning({ id: events.id }),
      ).id;
    },
    async volunteerAt(eventId: string, contactId: string, status = 'Attended', hours?: number) {
      await db
        .insert(volunteerParticipations)
        .values({ ...base(), eventId, contactId, status, deliveryHours: hours ?? null });
    },
    async studentAt(
      eventId: string,
      contactId: string,
      status: StudentParticipationStatus = 'Attended',
    ) {
      await db.insert(studentParticipations).values({ ...base(), eventId, contactId, status });
    },
    async teacherAt(
      eventId: string,
      contactId: string,
      status: TeacherParticipationStatus = 'attended',
    ) {
      await db.insert(teacherParticipations).values({ ...base(), eventId, contactId, status });
    },
  };
}

export type ReportData = ReturnType<typeof reportData>;
