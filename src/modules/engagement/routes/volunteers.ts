import { z } from 'zod';
import { pageReply } from '../../../core/http/pagination.js';
import type { HttpApp } from '../../../core/http/types.js';
import type { ModuleRouteDeps } from '../../../core/modules/define-module.js';
import { LOCAL_STATUSES, VOLUNTEER_STATUSES } from '../enums.js';
import { VOLUNTEER_SORTS } from '../data/screens/volunteers.js';
import { SUBJECTS } from '../permissions.js';
import {
  createVolunteer,
  editVolunteer,
  getVolunteer,
  listVolunteersFor,
  volunteerInput,
} from '../services/volunteers.js';
import {
  day,
  idParams,
  listQuery,
  nullableText,
  searchParam,
  windowOf,
  withPage,
} from './shared.js';

const item = z.object({
  id: z.string(),
  name: z.string(),
  email: nullableText,
  organizationName: nullableText,
  title: nullableText,
  localStatus: z.enum(LOCAL_STATUSES),
  status: z.enum(VOLUNTEER_STATUSES),
  timesVolunteered: z.number().int(),
  lastVolunteerDate: day,
});

const detail = z
  .object({
    externalId: z.string(),
    salutation: nullableText,
    firstName: z.string(),
    middleName: nullableText,
    lastName: z.string(),
    suffix: nullableText,
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
    primaryOrganizationId: nullableText,
    department: nullableText,
    industry: nullableText,
    skills: nullableText,
    interests: nullableText,
    firstVolunteerDate: day,
  })
  .extend(item.shape)
  .partial()
  .extend({
    id: z.string(),
    affiliations: z.array(
      z.object({
        id: z.string(),
        organizationId: z.string(),
        organizationName: z.string(),
        role: nullableText,
        isPrimary: z.boolean(),
        status: z.string(),
        startDate: day,
        endDate: day,
      }),
    ),
    participations: z.array(
      z.object({
        id: z.string(),
        eventId: z.string(),
        eventTitle: z.string(),
        startAt: z.date().nullable(),
        status: nullableText,
        deliveryHours: z.number().nullable(),
      }),
    ),
    participationCount: z.number().int(),
  });

const query = listQuery(VOLUNTEER_SORTS).extend({
  search: searchParam,
  status: z.enum(VOLUNTEER_STATUSES).optional(),
  localStatus: z.enum(LOCAL_STATUSES).optional(),
});

export function volunteerRoutes(app: HttpApp, { db }: ModuleRouteDeps) {
  const tags = ['engagement'];
  const path = '/api/engagement/volunteers';
  app.get(
    path,
    {
      config: { permission: ['read', SUBJECTS.volunteer] },
      schema: { tags, querystring: query, response: { 200: pageReply(item) } },
    },
    async (request) =>
      withPage(await listVolunteersFor(db, request.ctx, windowOf(request.query)), request.query),
  );
  app.get(
    `${path}/:id`,
    {
      config: { permission: ['read', SUBJECTS.volunteer] },
      schema: { tags, params: idParams, response: { 200: detail } },
    },
    async (request) => getVolunteer(db, request.ctx, request.params.id),
  );
  app.post(
    path,
    {
      config: { permission: ['create', SUBJECTS.volunteer] },
      schema: { tags, body: volunteerInput, response: { 201: detail } },
    },
    async (request, reply) =>
      reply.status(201).send(await createVolunteer(db, request.ctx, request.body)),
  );
  app.put(
    `${path}/:id`,
    {
      config: { permission: ['update', SUBJECTS.volunteer] },
      schema: { tags, params: idParams, body: volunteerInput, response: { 200: detail } },
    },
    async (request) => editVolunteer(db, request.ctx, request.params.id, request.body),
  );
}
