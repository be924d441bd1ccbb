import { z } from 'zod';
import { pageReply } from '../../../core/http/pagination.js';
import type { HttpApp } from '../../../core/http/types.js';
import type { ModuleRouteDeps } from '../../../core/modules/define-module.js';
import { EVENT_SORTS } from '../data/screens/events.js';
import {
  EVENT_FORMATS,
  EVENT_STATUSES,
  EVENT_TYPES,
  STUDENT_PARTICIPATION_STATUSES,
  TEACHER_PARTICIPATION_STATUSES,
} from '../enums.js';
import { SUBJECTS } from '../permissions.js';
import { createEvent, editEvent, eventInput, getEvent, listEventsFor } from '../services/events.js';
import {
  dayRange,
  idParams,
  listQuery,
  nullableText,
  searchParam,
  windowOf,
  withPage,
} from './shared.js';

const item = z.object({
  id: z.string(),
  title: z.string(),
  type: z.enum(EVENT_TYPES),
  format: z.enum(EVENT_FORMATS),
  status: z.enum(EVENT_STATUSES),
  startAt: z.date().nullable(),
  schoolId: nullableText,
  school: nullableText,
  districtId: nullableText,
  district: nullableText,
  volunteers: z.number().int(),
  students: z.number().int(),
});

const detail = item.extend({
  externalId: z.string(),
  description: nullableText,
  endAt: z.date().nullable(),
  durationMinutes: z.number().int().nullable(),
  rawStatus: nullableText,
  cancellationReason: nullableText,
  location: nullableText,
  districtName: nullableText,
  volunteersNeeded: z.number().int().nullable(),
  availableSlots: z.number().int().nullable(),
  registrationLink: nullableText,
  sessionHost: nullableText,
  series: nullableText,
  careerCluster: nullableText,
  createdAt: z.date(),
  updatedAt: z.date(),
  volunteerList: z
    .array(
      z.object({
        id: z.string(),
        contactId: z.string(),
        name: z.string(),
        status: nullableText,
        deliveryHours: z.number().nullable(),
        title: nullableText,
      }),
    )
    .nullable(),
  teacherList: z
    .array(
      z.object({
        id: z.string(),
        contactId: z.string(),
        name: z.string(),
        status: z.enum(TEACHER_PARTICIPATION_STATUSES),
      }),
    )
    .nullable(),
  studentCounts: z.array(
    z.object({ status: z.enum(STUDENT_PARTICIPATION_STATUSES), count: z.number().int() }),
  ),
});

const query = listQuery(EVENT_SORTS, 'desc')
  .extend({
    search: searchParam,
    type: z.enum(EVENT_TYPES).optional(),
    status: z.enum(EVENT_STATUSES).optional(),
    format: z.enum(EVENT_FORMATS).optional(),
    districtId: z.uuid().optional(),
    schoolId: z.uuid().optional(),
  })
  .extend(dayRange.shape);

export function eventRoutes(app: HttpApp, { db }: ModuleRouteDeps) {
  const tags = ['engagement'];
  const path = '/api/engagement/events';
  const read = { permission: ['read', SUBJECTS.event] } as const;
  app.get(
    path,
    { config: read, schema: { tags, querystring: query, response: { 200: pageReply(item) } } },
    async (request) =>
      withPage(await listEventsFor(db, request.ctx, windowOf(request.query)), request.query),
  );
  app.get(
    `${path}/:id`,
    { config: read, schema: { tags, params: idParams, response: { 200: detail } } },
    async (request) => getEvent(db, request.ctx, request.params.id),
  );
  app.post(
    path,
    {
      config: { permission: ['create', SUBJECTS.event] },
      schema: { tags, body: eventInput, response: { 201: detail } },
    },
    async (request, reply) =>
      reply.status(201).send(await createEvent(db, request.ctx, request.body)),
  );
  app.put(
    `${path}/:id`,
    {
      config: { permission: ['update', SUBJECTS.event] },
      schema: { tags, params: idParams, body: eventInput, response: { 200: detail } },
    },
    async (request) => editEvent(db, request.ctx, request.params.id, request.body),
  );
}
