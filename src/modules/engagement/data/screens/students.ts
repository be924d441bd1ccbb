import { and, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../../../core/db/client.js';
import {
  classes,
  contacts,
  events,
  schools,
  studentParticipations,
  students,
} from '../../schema.js';
import type { DistrictScope } from '../../services/caller.js';
import { contactColumns, fullName, nameOrder } from './people.js';
import { allOf, contains, ordering, pageOf, type ListWindow } from './query.js';
import { schoolInScope } from './scope.js';

export const STUDENT_SORTS = [
  'name',
  'studentNumber',
  'school',
  'className',
  'currentGrade',
  'participations',
] as const;
export type StudentSort = (typeof STUDENT_SORTS)[number];

export interface StudentFilter {
  tenantId: string;
  scope: DistrictScope;
  search?: string;
  /** Whether the search may match names (false for callers who may not see them). */
  searchNames: boolean;
  schoolId?: string;
  grade?: number;
}

const participationCount = sql<number>`(select count(*) from student_participations sp
  where sp.contact_id = "contacts"."id" and sp.status = 'Attended')::int`;

const SORTS = {
  name: nameOrder,
  studentNumber: students.studentNumber,
  school: sql`lower(${schools.name})`,
  className: sql`lower(${classes.name})`,
  currentGrade: students.currentGrade,
  participations: participationCount,
};

const listColumns = {
  id: contacts.id,
  name: fullName,
  studentNumber: students.studentNumber,
  schoolId: students.schoolId,
  school: schools.name,
  districtId: schools.districtId,
  className: classes.name,
  currentGrade: students.currentGrade,
  participations: participationCount,
};

const detailColumns = { ...contactColumns, ...listColumns };

const from = (q: Queryable, columns: typeof listColumns | typeof detailColumns) =>
  q
    .select(columns)
    .from(students)
    .innerJoin(contacts, eq(contacts.id, students.contactId))
    .leftJoin(schools, eq(schools.id, students.schoolId))
    .leftJoin(classes, eq(classes.id, students.classId));

const scoped = (tenantId: string, scope: DistrictScope) =>
  allOf(eq(students.tenantId, tenantId), schoolInScope(scope, sql`${students.schoolId}`));

export function listStudents(q: Queryable, f: StudentFilter & ListWindow<StudentSort>) {
  const where = allOf(
    scoped(f.tenantId, f.scope),
    f.searchNames
      ? contains(f.search, fullName, students.studentNumber)
      : contains(f.search, students.studentNumber),
    f.schoolId ? eq(students.schoolId, f.schoolId) : undefined,
    f.grade === undefined ? undefined : eq(students.currentGrade, f.grade),
  );
  return pageOf(
    q,
    () => from(q, listColumns).where(where),
    ordering(f.order, SORTS[f.sort], contacts.id),
    f,
  );
}

export async function findStudent(
  q: Queryable,
  tenantId: string,
  scope: DistrictScope,
  id: string,
) {
  const [row] = await from(q, detailColumns).where(
    and(scoped(tenantId, scope), eq(students.contactId, id)),
  );
  return row;
}

/** The student's event participations, latest first. */
export const studentEvents = (q: Queryable, id: string, limit: number) =>
  q
    .select({
      id: studentParticipations.id,
      eventId: events.id,
      eventTitle: events.title,
      startAt: events.startAt,
      status: studentParticipations.status,
      deliveryHours: studentParticipations.deliveryHours,
    })
    .from(studentParticipations)
    .innerJoin(events, eq(events.id, studentParticipations.eventId))
    .where(eq(studentParticipations.contactId, id))
    .orderBy(sql`${events.startAt} desc nulls last`, events.id)
    .limit(limit);
