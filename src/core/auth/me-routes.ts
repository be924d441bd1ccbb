import { z } from 'zod';
import { eq } from 'drizzle-orm';
import type { RequestContext } from '../access/request-context.js';
import { recordAudit } from '../audit/service.js';
import type { Db } from '../db/client.js';
import { ROLES } from '../db/schema.js';
import { tx } from '../db/tx.js';
import { NotFoundError } from '../errors.js';
import type { HttpApp } from '../http/types.js';
import { listEnterableTenants } from '../users/data.js';
import { pendingEmailOf, profileInput, updateProfile } from './profile-service.js';
import { sessions } from './schema.js';

const meReply = z.object({
  user: z.object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    isSiteAdmin: z.boolean(),
    /** The new address of an email change waiting for confirmation. */
    pendingEmail: z.string().nullable(),
  }),
  tenants: z.array(
    z.object({
      id: z.string(),
      slug: z.string(),
      name: z.string(),
      modules: z.array(z.string()),
      /** false only in a site admin's list: a deactivated tenant they may still enter. */
      isActive: z.boolean(),
      /** null: a site admin in a tenant where they hold no membership. */
      role: z.enum(ROLES).nullable(),
      scope: z.object({ districts: z.array(z.string()), programs: z.array(z.string()) }).partial(),
    }),
  ),
  activeTenantId: z.string().nullable(),
  /** The program the session is narrowed to (outcomes), or null. */
  activeProgramId: z.string().nullable(),
});
type MeReply = z.infer<typeof meReply>;

async function describeMe(
  db: Db,
  ctx: RequestContext,
  activeTenantId: string | null,
): Promise<MeReply> {
  const user = ctx.user;
  if (!user) throw new Error('describeMe needs a signed-in user');
  const { tenants, pendingEmail } = await tx(db, { userId: user.id }, async (q) => ({
    tenants: await listEnterableTenants(q, user),
    pendingEmail: await pendingEmailOf(q, user.id),
  }));
  return {
    user: { ...user, pendingEmail },
    tenants: tenants.map((t) => ({
      id: t.tenantId,
      slug: t.slug,
      name: t.name,
      modules: t.modules,
      isActive: t.isActive,
      role: t.role,
      scope: t.scope,
    })),
    activeTenantId,
    activeProgramId: activeTenantId === ctx.tenant?.id ? (ctx.activeProgramId ?? null) : null,
  };
}

/** The signed-in user's identity and tenants, and switching the active tenant. */
export function meRoutes(app: HttpApp, db: Db) {
  app.get(
    '/api/me',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags: ['identity'],
        summary: 'Who am I, and in which tenants',
        response: { 200: meReply },
      },
    },
    async (request) => describeMe(db, request.ctx, request.ctx.tenant?.id ?? null),
  );

  app.patch(
    '/api/me/profile',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags: ['identity'],
        summary: 'Change my name',
        body: profileInput,
        response: { 200: meReply },
      },
    },
    async (request) => {
      await updateProfile(db, request.ctx, request.body);
      const me = await describeMe(db, request.ctx, request.ctx.tenant?.id ?? null);
      return { ...me, user: { ...me.user, name: request.body.name.trim() } };
    },
  );

  app.put(
    '/api/me/active-tenant',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags: ['identity'],
        summary: 'Switch the active tenant of this session',
        body: z.object({ tenantId: z.uuid() }),
        response: { 200: meReply },
      },
    },
    async (request) => {
      const { ctx } = request;
      const me = await describeMe(db, ctx, request.body.tenantId);
      if (!me.tenants.some((t) => t.id === request.body.tenantId))
        throw new NotFoundError('Tenant');
      await tx(db, { tenantId: request.body.tenantId }, async (q) => {
        await q
          .update(sessions)
          .set({ activeTenantId: request.body.tenantId, activeProgramId: null })
          .where(eq(sessions.id, ctx.sessionId ?? ''));
        await recordAudit(
          q,
          { ...ctx, tenantId: request.body.tenantId },
          {
            action: 'core.session.tenant_switched',
            target: { type: 'tenant', id: request.body.tenantId },
            changes: { activeTenantId: [ctx.tenant?.id ?? null, request.body.tenantId] },
          },
        );
      });
      return me;
    },
  );
}
