import { and, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../../../core/db/client.js';
import type { TeacherStatus } from '../../enums.js';
import { contacts, events, schools, teacherParticipations, teachers } from '../../schema.js';
import type { DistrictScope } from '../../services/caller.js';
import { contactColumns, fullName, nameOrder, primaryEmail } from './people.js';
import { allOf, contains, ordering, pageOf, type ListWindow } from './query.js';
import { schoolInScope } from './scope.js';

export const TEACHER_SORTS = [
  'name',
  'email',
  'school',
  'district',
  'department',
  'status',
  'sessions',
] as const;
export type TeacherSort = (typeof TEACHER_SORTS)[number];

export interface TeacherFilter {
  tenantId: string;
  scope: DistrictScope;
  search?: string;
  schoolId?: string;
  status?: TeacherStatus;
}

const districtName = sql<
  string | null
>`(select d.name from districts d where d.id = ${schools.districtId})`;
const sessionCount = sql<number>`(select count(*) from teacher_participations tp
  where tp.contact_id = "contacts"."id")::int`;

const SORTS = {
  name: nameOrder,
  email: primaryEmail,
  school: sql`lower(${schools.name})`,
  district: sql`lower(${districtName})`,
  department: sql`lower(${teachers.department})`,
  status: teachers.status,
  sessions: sessionCount,
};

const listColumns = {
  id: contacts.id,
  name: fullName,
  email: primaryEmail,
  schoolId: teachers.schoolId,
  school: schools.name,
  districtId: schools.districtId,
  district: districtName,
  department: teachers.department,
  status: teachers.status,
  sessions: sessionCount,
};

const detailColumns = { ...contactColumns, ...listColumns };

const from = (q: Queryable, columns: typeof listColumns | typeof detailColumns) =>
  q
    .select(columns)
    .from(teachers)
    .innerJoin(contacts, eq(contacts.id, teachers.contactId))
    .leftJoin(schools, eq(schools.id, teachers.schoolId));

const scoped = (tenantId: string, scope: DistrictScope) =>
  allOf(eq(teachers.tenantId, tenantId), schoolInScope(scope, sql`${teachers.schoolId}`));

export function listTeachers(q: Queryable, f: TeacherFilter & ListWindow<TeacherSort>) {
  const where = allOf(
    scoped(f.tenantId, f.scope),
    contains(f.search, fullName, primaryEmail),
    f.schoolId ? eq(teachers.schoolId, f.schoolId) : undefined,
    f.status ? eq(teachers.status, f.status) : undefined,
  );
  return pageOf(
    q,
    () => from(q, listColumns).where(where),
    ordering(f.order, SORTS[f.sort], contacts.id),
    f,
  );
}

export async function findTeacher(
  q: Queryable,
  tenantId: string,
  scope: DistrictScope,
  id: string,
) {
  const [row] = await from(q, detailColumns).where(
    and(scoped(tenantId, scope), eq(teachers.contactId, id)),
  );
  return row;
}

/** The teacher's session registrations, latest first. */
export const teacherSessions = (q: Queryable, id: string, limit: number) =>
  q
    .select({
      id: teacherParticipations.id,
      eventId: events.id,
      eventTitle: events.title,
      startAt: events.startAt,
      status: teacherParticipations.status,
      attendanceConfirmedAt: teacherParticipations.attendanceConfirmedAt,
      adminNote: teacherParticipations.adminNote,
    })
    .from(teacherParticipations)
    .innerJoin(events, eq(events.id, teacherParticipations.eventId))
    .where(eq(teacherParticipations.contactId, id))
    .orderBy(sql`${events.startAt} desc nulls last`, events.id)
    .limit(limit);
