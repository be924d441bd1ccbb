import { z } from 'zod';
import type { Db } from '../db/client.js';
import type { HttpApp } from '../http/types.js';
import { tenantsOverview, type ModuleTenantMetrics } from './overview.js';

const overviewReply = z.object({
  /** The module counts, in column order. */
  metrics: z.array(z.object({ key: z.string(), label: z.string(), module: z.string() })),
  items: z.array(
    z.object({
      id: z.string(),
      slug: z.string(),
      name: z.string(),
      modules: z.array(z.string()),
      isActive: z.boolean(),
      createdAt: z.date(),
      /** Members of any role or status. */
      users: z.number().int(),
      /** Metric key → count; null when the tenant does not use the metric's module. */
      counts: z.record(z.string(), z.number().int().nullable()),
    }),
  ),
});

/** The site admins' overview of every tenant: members and the modules' counts. */
export function tenantOverviewRoutes(
  app: HttpApp,
  deps: { db: Db; metrics: readonly ModuleTenantMetrics[] },
) {
  app.get(
    '/api/admin/tenants/overview',
    {
      config: { permission: ['manage', 'Platform'] },
      schema: {
        tags: ['platform'],
        summary: 'Every tenant with its users and module counts (programs, courses, active terms)',
        response: { 200: overviewReply },
      },
    },
    async () => tenantsOverview(deps.db, deps.metrics),
  );
}
