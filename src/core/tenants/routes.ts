import { z } from 'zod';
import type { Db } from '../db/client.js';
import type { HttpApp } from '../http/types.js';
import {
  createTenant,
  listTenants,
  tenantInput,
  tenantUpdateInput,
  updateTenant,
} from './service.js';

const tenantReply = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  modules: z.array(z.string()),
  isActive: z.boolean(),
  createdAt: z.date(),
});

/** Platform administration of tenants: site admins only. */
export function tenantAdminRoutes(app: HttpApp, deps: { db: Db; moduleNames: readonly string[] }) {
  const tags = ['platform'];
  app.get(
    '/api/admin/tenants',
    {
      config: { permission: ['manage', 'Platform'] },
      schema: {
        tags,
        response: {
          200: z.object({
            items: z.array(tenantReply.extend({ members: z.number() })),
            /** The modules this installation ships, which tenants may switch on. */
            modules: z.array(z.string()),
          }),
        },
      },
    },
    async () => ({ items: await listTenants(deps.db), modules: [...deps.moduleNames] }),
  );

  app.post(
    '/api/admin/tenants',
    {
      config: { permission: ['manage', 'Platform'] },
      schema: { tags, body: tenantInput, response: { 201: tenantReply } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createTenant(deps.db, request.body, deps.moduleNames, request.ctx)),
  );

  app.patch(
    '/api/admin/tenants/:id',
    {
      config: { permission: ['manage', 'Platform'] },
      schema: {
        tags,
        params: z.object({ id: z.uuid() }),
        body: tenantUpdateInput,
        response: { 200: tenantReply },
      },
    },
    async (request) =>
      updateTenant(deps.db, request.ctx, request.params.id, request.body, deps.moduleNames),
  );
}
