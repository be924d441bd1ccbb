import { pageReply } from '../../../core/http/pagination.js';
import type { HttpApp } from '../../../core/http/types.js';
import type { ModuleRouteDeps } from '../../../core/modules/define-module.js';
import { z } from 'zod';
import { TERM_SORTS } from '../data/terms.js';
import { TERM_STATUSES } from '../enums.js';
import { SUBJECTS } from '../permissions.js';
import {
  createTerm,
  deleteTerm,
  getTerm,
  listTerms,
  termInput,
  termUpdateInput,
  updateTerm,
} from '../services/terms.js';
import { listQuery, pageOf, windowOf } from './list-query.js';
import { idParams, termReply } from './replies.js';

const tags = ['outcomes: terms'];
const subject = SUBJECTS.term;

export function termRoutes(app: HttpApp, { db }: ModuleRouteDeps) {
  const query = listQuery(TERM_SORTS, 'startDate').extend({
    status: z.enum(TERM_STATUSES).optional(),
    order: z.enum(['asc', 'desc']).default('desc'),
  });
  app.get(
    '/api/outcomes/terms',
    {
      config: { permission: ['read', subject] },
      schema: { tags, querystring: query, response: { 200: pageReply(termReply) } },
    },
    async (request) =>
      pageOf(request.query, await listTerms(db, request.ctx, windowOf(request.query))),
  );

  app.get(
    '/api/outcomes/terms/:id',
    {
      config: { permission: ['read', subject] },
      schema: { tags, params: idParams, response: { 200: termReply } },
    },
    async (request) => getTerm(db, request.ctx, request.params.id),
  );

  app.post(
    '/api/outcomes/terms',
    {
      config: { permission: ['create', subject] },
      schema: {
        tags,
        summary: 'Create a term from its code (2024FA or "Fall 2024"); name and dates default',
        body: termInput,
        response: { 201: termReply },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createTerm(db, request.ctx, request.body)),
  );

  app.patch(
    '/api/outcomes/terms/:id',
    {
      config: { permission: ['update', subject] },
      schema: { tags, params: idParams, body: termUpdateInput, response: { 200: termReply } },
    },
    async (request) => updateTerm(db, request.ctx, request.params.id, request.body),
  );

  app.delete(
    '/api/outcomes/terms/:id',
    { config: { permission: ['delete', subject] }, schema: { tags, params: idParams } },
    async (request, reply) => {
      await deleteTerm(db, request.ctx, request.params.id);
      return reply.status(204).send();
    },
  );
}
