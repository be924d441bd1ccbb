import { z } from 'zod';
import { pageReply } from '../../../core/http/pagination.js';
import type { HttpApp } from '../../../core/http/types.js';
import type { ModuleRouteDeps } from '../../../core/modules/define-module.js';
import { SECTION_SORTS } from '../data/sections.js';
import { SECTION_STATUSES } from '../enums.js';
import { SUBJECTS } from '../permissions.js';
import {
  assignInput,
  assignInstructor,
  deleteSection,
  getSection,
  listSections,
  sectionUpdateInput,
  updateSection,
} from '../services/sections.js';
import { listQuery, pageOf, windowOf } from './list-query.js';
import { idParams, sectionDetailReply, sectionReply } from './replies.js';

const tags = ['outcomes: sections'];
const subject = SUBJECTS.section;

export function sectionRoutes(app: HttpApp, { db }: ModuleRouteDeps) {
  const query = listQuery(SECTION_SORTS, 'course').extend({
    termId: z.uuid().optional(),
    courseId: z.uuid().optional(),
    offeringId: z.uuid().optional(),
    programId: z.uuid().optional(),
    instructorId: z.uuid().optional(),
    unassigned: z.stringbool().optional(),
    status: z.enum(SECTION_STATUSES).optional(),
  });
  app.get(
    '/api/outcomes/sections',
    {
      config: { permission: ['read', subject] },
      schema: { tags, querystring: query, response: { 200: pageReply(sectionReply) } },
    },
    async (request) =>
      pageOf(request.query, await listSections(db, request.ctx, windowOf(request.query))),
  );

  app.get(
    '/api/outcomes/sections/:id',
    {
      config: { permission: ['read', subject] },
      schema: { tags, params: idParams, response: { 200: sectionDetailReply } },
    },
    async (request) => getSection(db, request.ctx, request.params.id),
  );

  app.patch(
    '/api/outcomes/sections/:id',
    {
      config: { permission: ['update', subject] },
      schema: { tags, params: idParams, body: sectionUpdateInput, response: { 200: sectionReply } },
    },
    async (request) => updateSection(db, request.ctx, request.params.id, request.body),
  );

  app.put(
    '/api/outcomes/sections/:id/instructor',
    {
      config: { permission: ['update', subject] },
      schema: {
        tags,
        summary: 'Assign, change or remove (null) the instructor of a section',
        params: idParams,
        body: assignInput,
        response: { 200: sectionReply },
      },
    },
    async (request) => assignInstructor(db, request.ctx, request.params.id, request.body),
  );

  app.delete(
    '/api/outcomes/sections/:id',
    { config: { permission: ['delete', subject] }, schema: { tags, params: idParams } },
    async (request, reply) => {
      await deleteSection(db, request.ctx, request.params.id);
      return reply.status(204).send();
    },
  );
}
