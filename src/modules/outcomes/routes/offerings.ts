import { z } from 'zod';
import { pageReply } from '../../../core/http/pagination.js';
import type { HttpApp } from '../../../core/http/types.js';
import type { ModuleRouteDeps } from '../../../core/modules/define-module.js';
import { OFFERING_SORTS } from '../data/offerings.js';
import { SUBJECTS } from '../permissions.js';
import {
  addOfferingSections,
  addSectionsInput,
  createOffering,
  deleteOffering,
  getOffering,
  listOfferings,
  offeringInput,
} from '../services/offerings.js';
import { listQuery, pageOf, windowOf } from './list-query.js';
import { idParams, offeringReply } from './replies.js';

const tags = ['outcomes: offerings'];
const subject = SUBJECTS.offering;

export function offeringRoutes(app: HttpApp, { db }: ModuleRouteDeps) {
  const query = listQuery(OFFERING_SORTS, 'course').extend({
    termId: z.uuid().optional(),
    courseId: z.uuid().optional(),
    programId: z.uuid().optional(),
  });
  app.get(
    '/api/outcomes/offerings',
    {
      config: { permission: ['read', subject] },
      schema: { tags, querystring: query, response: { 200: pageReply(offeringReply) } },
    },
    async (request) =>
      pageOf(request.query, await listOfferings(db, request.ctx, windowOf(request.query))),
  );

  app.get(
    '/api/outcomes/offerings/:id',
    {
      config: { permission: ['read', subject] },
      schema: { tags, params: idParams, response: { 200: offeringReply } },
    },
    async (request) => getOffering(db, request.ctx, request.params.id),
  );

  app.post(
    '/api/outcomes/offerings',
    {
      config: { permission: ['create', subject] },
      schema: {
        tags,
        summary: 'Offer a course in a term with N sections at once',
        body: offeringInput,
        response: { 201: offeringReply },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createOffering(db, request.ctx, request.body)),
  );

  app.post(
    '/api/outcomes/offerings/:id/sections',
    {
      config: { permission: ['create', SUBJECTS.section] },
      schema: {
        tags,
        summary: 'Add sections to an offering',
        params: idParams,
        body: addSectionsInput,
        response: { 201: offeringReply },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await addOfferingSections(db, request.ctx, request.params.id, request.body)),
  );

  app.delete(
    '/api/outcomes/offerings/:id',
    { config: { permission: ['delete', subject] }, schema: { tags, params: idParams } },
    async (request, reply) => {
      await deleteOffering(db, request.ctx, request.params.id);
      return reply.status(204).send();
    },
  );
}
