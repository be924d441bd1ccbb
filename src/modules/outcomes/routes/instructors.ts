import { z } from 'zod';
import { pageReply } from '../../../core/http/pagination.js';
import type { HttpApp } from '../../../core/http/types.js';
import type { ModuleRouteDeps } from '../../../core/modules/define-module.js';
import { INSTRUCTOR_SORTS } from '../data/instructors.js';
import { INSTRUCTOR_STATUSES } from '../enums.js';
import { SUBJECTS } from '../permissions.js';
import {
  createInstructor,
  getInstructor,
  instructorInput,
  instructorUpdateInput,
  listInstructors,
  updateInstructor,
} from '../services/instructors.js';
import { listQuery, pageOf, windowOf } from './list-query.js';
import { idParams, instructorReply } from './replies.js';

const tags = ['outcomes: instructors'];
const subject = SUBJECTS.instructor;

export function instructorRoutes(app: HttpApp, { db }: ModuleRouteDeps) {
  const query = listQuery(INSTRUCTOR_SORTS, 'name').extend({
    status: z.enum(INSTRUCTOR_STATUSES).optional(),
  });
  app.get(
    '/api/outcomes/instructors',
    {
      config: { permission: ['read', subject] },
      schema: { tags, querystring: query, response: { 200: pageReply(instructorReply) } },
    },
    async (request) =>
      pageOf(request.query, await listInstructors(db, request.ctx, windowOf(request.query))),
  );

  app.get(
    '/api/outcomes/instructors/:id',
    {
      config: { permission: ['read', subject] },
      schema: { tags, params: idParams, response: { 200: instructorReply } },
    },
    async (request) => getInstructor(db, request.ctx, request.params.id),
  );

  app.post(
    '/api/outcomes/instructors',
    {
      config: { permission: ['create', subject] },
      schema: {
        tags,
        summary: 'Add an instructor; without an email they need one before being invited',
        body: instructorInput,
        response: { 201: instructorReply },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createInstructor(db, request.ctx, request.body)),
  );

  app.patch(
    '/api/outcomes/instructors/:id',
    {
      config: { permission: ['update', subject] },
      schema: {
        tags,
        params: idParams,
        body: instructorUpdateInput,
        response: { 200: instructorReply },
      },
    },
    async (request) => updateInstructor(db, request.ctx, request.params.id, request.body),
  );
}
