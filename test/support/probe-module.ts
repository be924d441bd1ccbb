import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import type { Database } from '../../src/core/db/client.js';
import { defineModule } from '../../src/core/modules/define-module.js';
import { createTenant } from '../../src/core/tenants/service.js';

/**
 * A module that exists only in tests: routes that exercise the platform (validation, the guard,
 * writes through the real tenant service, a slow request, a crash) without any domain.
 */
export const probeModule = (database: Database) =>
  defineModule({
    name: 'probe',
    label: 'Probe',
    routes: (app) => {
      app.post(
        '/api/probe/tenants',
        {
          config: { permission: 'public' },
          schema: {
            body: z.object({ slug: z.string(), name: z.string().min(1), seats: z.number().int() }),
          },
        },
        async (request, reply) => {
          const tenant = await createTenant(database.db, request.body, []);
          return reply.status(201).send({ id: tenant.id, slug: tenant.slug });
        },
      );
      app.get(
        '/api/probe/secret',
        { config: { permission: ['read', 'AuditLog'] } },
        async (request) => ({
          secret: true,
          tenantId: request.ctx.tenant?.id,
        }),
      );
      app.get('/api/probe/slow', { config: { permission: 'public' } }, async () => {
        await sleep(300);
        return { finished: true };
      });
      app.get('/api/probe/crash', { config: { permission: 'public' } }, async () => {
        throw new Error('database password is hunter2');
      });
    },
  });
