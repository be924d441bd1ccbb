import { z } from 'zod';
import { pageReply } from '../../../core/http/pagination.js';
import type { HttpApp } from '../../../core/http/types.js';
import type { ModuleRouteDeps } from '../../../core/modules/define-module.js';
import { STUDENT_SORTS } from '../data/screens/students.js';
import { TEACHER_SORTS } from '../data/screens/teachers.js';
import {
  STUDENT_PARTICIPATION_STATUSES,
  TEACHER_PARTICIPATION_STATUSES,
  TEACHER_STATUSES,
} from '../enums.js';
import { SUBJECTS } from '../permissions.js';
import { getStudent, getTeacher, listStudentsFor, listTeachersFor } from '../services/people.js';
import {
  day,
  idParams,
  listQuery,
  nullableText,
  searchParam,
  windowOf,
  withPage,
} from './shared.js';

/** The contact fields of a person's detail; roles that may not see some get them left out. */
const contactDetail = z
  .object({
    externalId: z.string(),
    salutation: nullableText,
    firstName: z.string(),
    middleName: nullableText,
    lastName: z.string(),
    suffix: nullableText,
    name: z.string(),
    email: nullableText,
    phone: nullableText,
    mobilePhone: nullableText,
    mailingStreet: nullableText,
    mailingCity: nullableText,
    mailingState: nullableText,
    mailingPostalCode: nullableText,
    gender: nullableText,
    raceEthnicity: nullableText,
    ageGroup: nullableText,
    educationLevel: nullableText,
    birthdate: day,
    doNotCall: z.boolean(),
    doNotContact: z.boolean(),
    emailOptOut: z.boolean(),
    excludeFromReports: z.boolean(),
    notes: nullableText,
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .partial();

const teacherItem = z.object({
  id: z.string(),
  name: z.string().optional(),
  email: nullableText.optional(),
  schoolId: nullableText,
  school: nullableText,
  districtId: nullableText,
  district: nullableText,
  department: nullableText,
  status: z.enum(TEACHER_STATUSES),
  sessions: z.number().int(),
});

const teacherDetail = contactDetail.extend(teacherItem.shape).extend({
  sessions: z.array(
    z.object({
      id: z.string(),
      eventId: z.string(),
      eventTitle: z.string(),
      startAt: z.date().nullable(),
      status: z.enum(TEACHER_PARTICIPATION_STATUSES),
      attendanceConfirmedAt: z.date().nullable(),
      adminNote: nullableText,
    }),
  ),
});

/** Names are left out for roles that may not see students' names. */
const studentItem = z.object({
  id: z.string(),
  name: z.string().optional(),
  studentNumber: nullableText,
  schoolId: nullableText,
  school: nullableText,
  districtId: nullableText,
  className: nullableText,
  currentGrade: z.number().int().nullable(),
  participations: z.number().int(),
});

const studentDetail = contactDetail.extend(studentItem.shape).extend({
  participations: z.array(
    z.object({
      id: z.string(),
      eventId: z.string(),
      eventTitle: z.string(),
      startAt: z.date().nullable(),
      status: z.enum(STUDENT_PARTICIPATION_STATUSES),
      deliveryHours: z.number().nullable(),
    }),
  ),
});

const teacherQuery = listQuery(TEACHER_SORTS).extend({
  search: searchParam,
  schoolId: z.uuid().optional(),
  status: z.enum(TEACHER_STATUSES).optional(),
});

const studentQuery = listQuery(STUDENT_SORTS).extend({
  search: searchParam,
  schoolId: z.uuid().optional(),
  grade: z.coerce.number().int().min(0).max(12).optional(),
});

/** Teachers and students: read-only screens (they come from imports). */
export function peopleRoutes(app: HttpApp, { db }: ModuleRouteDeps) {
  const tags = ['engagement'];
  const teachers = { permission: ['read', SUBJECTS.teacher] } as const;
  const students = { permission: ['read', SUBJECTS.student] } as const;
  app.get(
    '/api/engagement/teachers',
    {
      config: teachers,
      schema: { tags, querystring: teacherQuery, response: { 200: pageReply(teacherItem) } },
    },
    async (request) =>
      withPage(await listTeachersFor(db, request.ctx, windowOf(request.query)), request.query),
  );
  app.get(
    '/api/engagement/teachers/:id',
    { config: teachers, schema: { tags, params: idParams, response: { 200: teacherDetail } } },
    async (request) => getTeacher(db, request.ctx, request.params.id),
  );
  app.get(
    '/api/engagement/students',
    {
      config: students,
      schema: { tags, querystring: studentQuery, response: { 200: pageReply(studentItem) } },
    },
    async (request) =>
      withPage(await listStudentsFor(db, request.ctx, windowOf(request.query)), request.query),
  );
  app.get(
    '/api/engagement/students/:id',
    { config: students, schema: { tags, params: idParams, response: { 200: studentDetail } } },
    async (request) => getStudent(db, request.ctx, request.params.id),
  );
}
