import { z } from 'zod';
import type { HttpApp } from '../../../core/http/types.js';
import type { ModuleRouteDeps } from '../../../core/modules/define-module.js';
import { REMOVALS, type RemovableResource } from '../data/screens/removal.js';
import { SUBJECTS } from '../permissions.js';
import { deleteRecord, purgeResource, RECORD_NAMES } from '../services/removal.js';
import { idParams, removalReply } from './shared.js';

const RESOURCES = Object.keys(REMOVALS) as [RemovableResource, ...RemovableResource[]];
const SUBJECT_OF: Record<RemovableResource, string> = {
  volunteers: SUBJECTS.volunteer,
  teachers: SUBJECTS.teacher,
  students: SUBJECTS.student,
  organizations: SUBJECTS.organization,
  events: SUBJECTS.event,
  schools: SUBJECTS.school,
  districts: SUBJECTS.district,
};

/** Destructive actions (DOMAIN.md §2.6): tenant admins only, audited with counts. */
export function removalRoutes(app: HttpApp, { db }: ModuleRouteDeps) {
  const tags = ['engagement'];
  for (const resource of RESOURCES) {
    app.delete(
      `/api/engagement/${resource}/:id`,
      {
        config: { permission: ['delete', SUBJECT_OF[resource]] },
        schema: {
          tags,
          summary: `Delete one ${RECORD_NAMES[resource].type} and what depends on it`,
          params: idParams,
          response: { 200: removalReply },
        },
      },
      async (request) => ({
        counts: await deleteRecord(db, request.ctx, resource, request.params.id),
      }),
    );
  }
  app.post(
    '/api/engagement/purge',
    {
      config: { permission: ['delete', SUBJECTS.data] },
      schema: {
        tags,
        summary: 'Remove every record of a resource type (confirm with the tenant slug)',
        body: z.object({ resource: z.enum(RESOURCES), confirm: z.string().max(100) }),
        response: { 200: removalReply },
      },
    },
    async (request) => ({
      counts: await purgeResource(db, request.ctx, request.body.resource, request.body.confirm),
    }),
  );
}
