import { z } from 'zod';
import type { HttpApp } from '../../../core/http/types.js';
import type { ModuleRouteDeps } from '../../../core/modules/define-module.js';
import { LOCAL_STATUSES } from '../enums.js';
import { SUBJECTS } from '../permissions.js';
import { refreshLocalStatuses } from '../services/local-status.js';

const summary = z.object({
  volunteers: z.number().int(),
  changed: z.number().int(),
  byStatus: z.record(z.enum(LOCAL_STATUSES), z.number().int()),
});

/** The Update local statuses admin action (DOMAIN.md §2.6). */
export function localStatusRoutes(app: HttpApp, { db }: ModuleRouteDeps) {
  app.post(
    '/api/engagement/volunteers/update-local-statuses',
    {
      config: { permission: ['update', SUBJECTS.data] },
      schema: {
        tags: ['engagement'],
        summary: "Recompute every volunteer's local status; answers the counts per status",
        response: { 200: summary },
      },
    },
    async (request) => refreshLocalStatuses(db, request.ctx),
  );
}
