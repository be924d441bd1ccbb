import { z } from 'zod';
import { pageReply } from '../../../core/http/pagination.js';
import type { HttpApp } from '../../../core/http/types.js';
import type { ModuleRouteDeps } from '../../../core/modules/define-module.js';
import { ORGANIZATION_SORTS } from '../data/screens/organizations.js';
import { SUBJECTS } from '../permissions.js';
import {
  createOrganization,
  editOrganization,
  getOrganization,
  listOrganizationsFor,
  organizationInput,
  organizationTypesFor,
} from '../services/organizations.js';
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
  type: z.string(),
  billingCity: nullableText,
  volunteers: z.number().int(),
  lastActivityDate: day,
});

const detail = item.omit({ volunteers: true }).extend({
  externalId: z.string(),
  description: nullableText,
  billingStreet: nullableText,
  billingState: nullableText,
  billingPostalCode: nullableText,
  billingCountry: nullableText,
  createdAt: z.date(),
  updatedAt: z.date(),
  volunteerCount: z.number().int(),
  volunteers: z.array(
    z.object({
      contactId: z.string(),
      name: z.string(),
      role: nullableText,
      isPrimary: z.boolean(),
      status: z.string(),
      startDate: day,
      endDate: day,
    }),
  ),
});

const query = listQuery(ORGANIZATION_SORTS).extend({
  search: searchParam,
  type: searchParam,
});

export function organizationRoutes(app: HttpApp, { db }: ModuleRouteDeps) {
  const tags = ['engagement'];
  const path = '/api/engagement/organizations';
  const read = { permission: ['read', SUBJECTS.organization] } as const;
  app.get(
    path,
    { config: read, schema: { tags, querystring: query, response: { 200: pageReply(item) } } },
    async (request) =>
      withPage(await listOrganizationsFor(db, request.ctx, windowOf(request.query)), request.query),
  );
  app.get(
    `${path}/types`,
    {
      config: read,
      schema: {
        tags,
        summary: 'The organization types present, for the type filter',
        response: { 200: z.object({ types: z.array(z.string()) }) },
      },
    },
    async (request) => ({ types: await organizationTypesFor(db, request.ctx) }),
  );
  app.get(
    `${path}/:id`,
    { config: read, schema: { tags, params: idParams, response: { 200: detail } } },
    async (request) => getOrganization(db, request.ctx, request.params.id),
  );
  app.post(
    path,
    {
      config: { permission: ['create', SUBJECTS.organization] },
      schema: { tags, body: organizationInput, response: { 201: detail } },
    },
    async (request, reply) =>
      reply.status(201).send(await createOrganization(db, request.ctx, request.body)),
  );
  app.put(
    `${path}/:id`,
    {
      config: { permission: ['update', SUBJECTS.organization] },
      schema: { tags, params: idParams, body: organizationInput, response: { 200: detail } },
    },
    async (request) => editOrganization(db, request.ctx, request.params.id, request.body),
  );
}
