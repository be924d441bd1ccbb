import { z } from 'zod';
import type { HttpApp } from '../../../core/http/types.js';
import type { ModuleRouteDeps } from '../../../core/modules/define-module.js';
import { OUTCOME_STATUSES, MAPPING_STATUSES } from '../enums.js';
import { SUBJECTS } from '../permissions.js';
import { ploDashboard, ploTrend } from '../services/plo-dashboard.js';
import {
  createPlo,
  deletePlo,
  discardDraft,
  getMapping,
  listMappingVersions,
  listPlos,
  mappingEntryInput,
  ploInput,
  ploUpdateInput,
  publishDraft,
  setDraftEntry,
  updatePlo,
  type VersionRef,
} from '../services/plo.js';
import { idParams } from './replies.js';

/*
 * PLOs, the CLO → PLO mapping and the PLO dashboard of a program (§3.1, §3.3). Tenant admins: every
 * program; program admins: theirs (others do not exist: 404); instructors: none (403).
 */

const tags = ['outcomes: program outcomes'];
const plo = SUBJECTS.programOutcome;
const mapping = SUBJECTS.ploMapping;

const ploReply = z.object({
  id: z.string(),
  programId: z.string(),
  number: z.number().int(),
  description: z.string(),
});

const mappingReply = z.object({
  id: z.string(),
  programId: z.string(),
  status: z.enum(MAPPING_STATUSES),
  version: z.number().int().nullable(),
  publishedAt: z.date().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
  entryCount: z.number().int(),
});

const programRef = z.object({ id: z.string(), name: z.string() });

const matrixReply = z.object({
  program: programRef,
  mapping: mappingReply.nullable(),
  basedOnVersion: z.number().int().nullable(),
  plos: z.array(ploReply),
  clos: z.array(
    z.object({
      id: z.string(),
      courseId: z.string(),
      course: z.string(),
      courseTitle: z.string().nullable(),
      number: z.number().int(),
      description: z.string(),
      isActive: z.boolean(),
      inProgram: z.boolean(),
      programOutcomeId: z.string().nullable(),
    }),
  ),
  unmapped: z.array(z.string()),
});

const numbers = {
  took: z.number().int().nullable(),
  passed: z.number().int().nullable(),
  rate: z.number().nullable(),
  result: z.enum(['S', 'U']).nullable(),
};
const aggregate = { ...numbers, counted: z.number().int() };
const currentMapping = z
  .object({ id: z.string(), version: z.number().int(), publishedAt: z.date().nullable() })
  .nullable();
const ploRef = { id: z.string(), number: z.number().int(), description: z.string() };

const dashboardReply = z.object({
  program: programRef,
  term: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  mapping: currentMapping,
  threshold: z.number(),
  ...aggregate,
  plos: z.array(
    z.object({
      ...ploRef,
      ...aggregate,
      clos: z.array(
        z.object({
          id: z.string(),
          courseId: z.string(),
          course: z.string(),
          number: z.number().int(),
          description: z.string(),
          label: z.string(),
          ...aggregate,
          sections: z.array(
            z.object({
              id: z.string(),
              sectionOutcomeId: z.string(),
              number: z.string(),
              label: z.string(),
              status: z.enum(OUTCOME_STATUSES),
              ...numbers,
            }),
          ),
        }),
      ),
    }),
  ),
});

const trendPoint = z.object({
  termId: z.string(),
  ...aggregate,
  clos: z.array(z.string()),
  changed: z.boolean(),
  added: z.array(z.string()),
  removed: z.array(z.string()),
});

const trendReply = z.object({
  program: programRef,
  mapping: currentMapping,
  threshold: z.number(),
  terms: z.array(z.object({ id: z.string(), code: z.string(), name: z.string() })),
  overall: z.array(trendPoint),
  plos: z.array(z.object({ ...ploRef, points: z.array(trendPoint) })),
});

const versionParams = z.object({
  id: z.uuid(),
  version: z.union([z.enum(['draft', 'current']), z.coerce.number().int().min(1)]),
});
const entryParams = z.object({ id: z.uuid(), courseOutcomeId: z.uuid() });

export function ploRoutes(app: HttpApp, { db }: ModuleRouteDeps) {
  app.get(
    '/api/outcomes/programs/:id/plos',
    {
      config: { permission: ['read', plo] },
      schema: { tags, params: idParams, response: { 200: z.object({ items: z.array(ploReply) }) } },
    },
    async (request) => ({ items: await listPlos(db, request.ctx, request.params.id) }),
  );

  app.post(
    '/api/outcomes/programs/:id/plos',
    {
      config: { permission: ['create', plo] },
      schema: { tags, params: idParams, body: ploInput, response: { 201: ploReply } },
    },
    async (request, reply) =>
      reply.status(201).send(await createPlo(db, request.ctx, request.params.id, request.body)),
  );

  app.patch(
    '/api/outcomes/plos/:id',
    {
      config: { permission: ['update', plo] },
      schema: { tags, params: idParams, body: ploUpdateInput, response: { 200: ploReply } },
    },
    async (request) => updatePlo(db, request.ctx, request.params.id, request.body),
  );

  app.delete(
    '/api/outcomes/plos/:id',
    {
      config: { permission: ['delete', plo] },
      schema: {
        tags,
        summary: 'Delete a PLO (refused while the current mapping maps CLOs to it)',
        params: idParams,
      },
    },
    async (request, reply) => {
      await deletePlo(db, request.ctx, request.params.id);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/outcomes/programs/:id/plo-mappings',
    {
      config: { permission: ['read', mapping] },
      schema: {
        tags,
        summary:
          'The mapping’s versions: the draft (if any), then published versions, newest first',
        params: idParams,
        response: { 200: z.object({ items: z.array(mappingReply) }) },
      },
    },
    async (request) => ({ items: await listMappingVersions(db, request.ctx, request.params.id) }),
  );

  app.get(
    '/api/outcomes/programs/:id/plo-mappings/:version',
    {
      config: { permission: ['read', mapping] },
      schema: {
        tags,
        summary: 'A mapping version as a PLO × CLO matrix: draft, current, or a version number',
        params: versionParams,
        response: { 200: matrixReply },
      },
    },
    async (request) =>
      getMapping(db, request.ctx, request.params.id, request.params.version as VersionRef),
  );

  app.put(
    '/api/outcomes/programs/:id/plo-mappings/draft/entries/:courseOutcomeId',
    {
      config: { permission: ['update', mapping] },
      schema: {
        tags,
        summary: 'Set (or clear, with null) the PLO of a CLO in the draft; creates the draft',
        params: entryParams,
        body: mappingEntryInput,
        response: { 200: matrixReply },
      },
    },
    async (request) =>
      setDraftEntry(
        db,
        request.ctx,
        request.params.id,
        request.params.courseOutcomeId,
        request.body,
      ),
  );

  app.post(
    '/api/outcomes/programs/:id/plo-mappings/draft/publish',
    {
      config: { permission: ['update', mapping] },
      schema: {
        tags,
        summary: 'Publish the draft as the next version',
        params: idParams,
        response: { 200: mappingReply },
      },
    },
    async (request) => publishDraft(db, request.ctx, request.params.id),
  );

  app.delete(
    '/api/outcomes/programs/:id/plo-mappings/draft',
    {
      config: { permission: ['update', mapping] },
      schema: { tags, summary: 'Discard the draft', params: idParams },
    },
    async (request, reply) => {
      await discardDraft(db, request.ctx, request.params.id);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/outcomes/programs/:id/plo-dashboard',
    {
      config: { permission: ['read', plo] },
      schema: {
        tags,
        summary: 'A term’s tree program → PLO → CLO → sections under the current mapping',
        params: idParams,
        querystring: z.object({ termId: z.uuid() }),
        response: { 200: dashboardReply },
      },
    },
    async (request) => ploDashboard(db, request.ctx, request.params.id, request.query.termId),
  );

  app.get(
    '/api/outcomes/programs/:id/plo-trend',
    {
      config: { permission: ['read', plo] },
      schema: {
        tags,
        summary: 'Each PLO’s rate over every term under the current mapping (null: no data)',
        params: idParams,
        response: { 200: trendReply },
      },
    },
    async (request) => ploTrend(db, request.ctx, request.params.id),
  );
}
