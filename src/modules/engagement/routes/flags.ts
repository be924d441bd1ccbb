import { z } from 'zod';
import { pageReply } from '../../../core/http/pagination.js';
import type { HttpApp } from '../../../core/http/types.js';
import type { ModuleRouteDeps } from '../../../core/modules/define-module.js';
import { FLAG_SORTS } from '../data/screens/flags.js';
import { FLAG_ENTITY_TYPES, FLAG_ISSUES, FLAG_STATUSES } from '../enums.js';
import { SUBJECTS } from '../permissions.js';
import {
  bulkDismissInput,
  dismissFlag,
  dismissManyFlags,
  getFlag,
  listFlagsFor,
} from '../services/flags.js';
import { idParams, listQuery, nullableText, searchParam, windowOf, withPage } from './shared.js';

const flag = z.object({
  id: z.string(),
  entityType: z.enum(FLAG_ENTITY_TYPES),
  entityId: nullableText,
  entityExternalId: z.string(),
  entityLabel: nullableText,
  entityKind: nullableText,
  issue: z.enum(FLAG_ISSUES),
  details: z.string(),
  status: z.enum(FLAG_STATUSES),
  createdAt: z.date(),
  updatedAt: z.date(),
  resolvedAt: z.date().nullable(),
  dismissedAt: z.date().nullable(),
});

const query = listQuery(FLAG_SORTS, 'desc').extend({
  search: searchParam,
  issue: z.enum(FLAG_ISSUES).optional(),
  status: z.enum(FLAG_STATUSES).optional(),
  entityType: z.enum(FLAG_ENTITY_TYPES).optional(),
});

/** Data-quality flags: list, one flag, dismiss one, dismiss many. */
export function flagRoutes(app: HttpApp, { db }: ModuleRouteDeps) {
  const tags = ['engagement'];
  const path = '/api/engagement/data-quality';
  const read = { permission: ['read', SUBJECTS.flag] } as const;
  const update = { permission: ['update', SUBJECTS.flag] } as const;
  app.get(
    path,
    { config: read, schema: { tags, querystring: query, response: { 200: pageReply(flag) } } },
    async (request) =>
      withPage(await listFlagsFor(db, request.ctx, windowOf(request.query)), request.query),
  );
  app.get(
    `${path}/:id`,
    { config: read, schema: { tags, params: idParams, response: { 200: flag } } },
    async (request) => getFlag(db, request.ctx, request.params.id),
  );
  app.post(
    `${path}/:id/dismiss`,
    { config: update, schema: { tags, params: idParams, response: { 200: flag } } },
    async (request) => dismissFlag(db, request.ctx, request.params.id),
  );
  app.post(
    `${path}/dismiss`,
    {
      config: update,
      schema: {
        tags,
        summary: 'Dismiss several open flags at once',
        body: bulkDismissInput,
        response: { 200: z.object({ dismissed: z.number().int() }) },
      },
    },
    async (request) => dismissManyFlags(db, request.ctx, request.body.ids),
  );
}
