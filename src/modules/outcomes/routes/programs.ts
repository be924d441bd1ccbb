import { z } from 'zod';
import type { ModuleRouteDeps } from '../../../core/modules/define-module.js';
import type { HttpApp } from '../../../core/http/types.js';
import { pageReply } from '../../../core/http/pagination.js';
import { PROGRAM_SORTS } from '../data/programs.js';
import { SUBJECTS } from '../permissions.js';
import {
  createProgram,
  deleteProgram,
  getProgram,
  listPrograms,
  programInput,
  programUpdateInput,
  updateProgram,
} from '../services/programs.js';
import { listQuery, pageOf, windowOf } from './list-query.js';
import { idParams, programReply } from './replies.js';

const tags = ['outcomes: programs'];
const subject = SUBJECTS.program;

export function programRoutes(app: HttpApp, { db }: ModuleRouteDeps) {
  const query = listQuery(PROGRAM_SORTS, 'name');
  app.get(
    '/api/outcomes/programs',
    {
      config: { permission: ['read', subject] },
      schema: { tags, querystring: query, response: { 200: pageReply(programReply) } },
    },
    async (request) =>
      pageOf(request.query, await listPrograms(db, request.ctx, windowOf(request.query))),
  );

  app.get(
    '/api/outcomes/programs/:id',
    {
      config: { permission: ['read', subject] },
      schema: { tags, params: idParams, response: { 200: programReply } },
    },
    async (request) => getProgram(db, request.ctx, request.params.id),
  );

  app.post(
    '/api/outcomes/programs',
    {
      config: { permission: ['create', subject] },
      schema: { tags, body: programInput, response: { 201: programReply } },
    },
    async (request, reply) =>
      reply.status(201).send(await createProgram(db, request.ctx, request.body)),
  );

  app.patch(
    '/api/outcomes/programs/:id',
    {
      config: { permission: ['update', subject] },
      schema: { tags, params: idParams, body: programUpdateInput, response: { 200: programReply } },
    },
    async (request) => updateProgram(db, request.ctx, request.params.id, request.body),
  );

  app.delete(
    '/api/outcomes/programs/:id',
    {
      config: { permission: ['delete', subject] },
      schema: {
        tags,
        summary:
          'Delete a program; with courses, only with confirm=true (they move to the default)',
        params: idParams,
        querystring: z.object({ confirm: z.stringbool().default(false) }),
        response: { 200: z.object({ movedToDefault: z.number().int() }) },
      },
    },
    async (request) => deleteProgram(db, request.ctx, request.params.id, request.query.confirm),
  );
}
