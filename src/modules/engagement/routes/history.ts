import { z } from 'zod';
import { pageReply } from '../../../core/http/pagination.js';
import type { HttpApp } from '../../../core/http/types.js';
import type { ModuleRouteDeps } from '../../../core/modules/define-module.js';
import { HISTORY_SORTS } from '../data/screens/history.js';
import { CONTACT_KINDS } from '../enums.js';
import { SUBJECTS } from '../permissions.js';
import {
  deleteActivity,
  getActivity,
  historyFiltersFor,
  listHistoryFor,
} from '../services/history.js';
import {
  day,
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
  activityDate: day,
  type: nullableText,
  subject: nullableText,
  status: nullableText,
  contactId: z.string(),
  contact: z.string(),
  contactKind: z.enum(CONTACT_KINDS),
  eventId: nullableText,
  event: nullableText,
});

const detail = item.extend({
  externalId: z.string(),
  description: nullableText,
  createdAt: z.date(),
  updatedAt: z.date(),
});

const query = listQuery(HISTORY_SORTS, 'desc')
  .extend({ search: searchParam, type: searchParam, status: searchParam })
  .extend(dayRange.shape);

/** Activity history: list, filter values, one activity, soft delete (tenant admins). */
export function historyRoutes(app: HttpApp, { db }: ModuleRouteDeps) {
  const tags = ['engagement'];
  const path = '/api/engagement/history';
  const read = { permission: ['read', SUBJECTS.activity] } as const;
  app.get(
    path,
    { config: read, schema: { tags, querystring: query, response: { 200: pageReply(item) } } },
    async (request) =>
      withPage(await listHistoryFor(db, request.ctx, windowOf(request.query)), request.query),
  );
  app.get(
    `${path}/filters`,
    {
      config: read,
      schema: {
        tags,
        summary: 'The activity types and statuses present, for the filters',
        response: { 200: z.object({ types: z.array(z.string()), statuses: z.array(z.string()) }) },
      },
    },
    async (request) => historyFiltersFor(db, request.ctx),
  );
  app.get(
    `${path}/:id`,
    { config: read, schema: { tags, params: idParams, response: { 200: detail } } },
    async (request) => getActivity(db, request.ctx, request.params.id),
  );
  app.delete(
    `${path}/:id`,
    {
      config: { permission: ['delete', SUBJECTS.activity] },
      schema: { tags, summary: 'Soft-delete one activity', params: idParams },
    },
    async (request, reply) => {
      await deleteActivity(db, request.ctx, request.params.id);
      return reply.status(204).send();
    },
  );
}
