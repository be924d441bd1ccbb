import type { FastifyRequest } from 'fastify';
import { fromNodeHeaders } from 'better-auth/node';
import { eq } from 'drizzle-orm';
import {
  defineAbilityFor,
  type ModulePermissions,
  type SensitiveFields,
} from '../access/ability.js';
import type { RequestContext } from '../access/request-context.js';
import type { Db } from '../db/client.js';
import { tx } from '../db/tx.js';
import { listEnterableTenants, type UserTenant } from '../users/data.js';
import type { Auth } from './auth.js';
import { SESSION_POLICY } from './auth.js';
import { sessions } from './schema.js';

/** How often a session's last activity is written (reads inside this window skip the write). */
const LAST_SEEN_GRANULARITY_MS = 60_000;

export interface ContextDeps {
  auth: Auth;
  db: Db;
  modulePermissions: readonly ModulePermissions[];
  sensitiveFields: SensitiveFields;
}

function anonymous(request: FastifyRequest): RequestContext {
  return {
    actor: { type: 'user' },
    requestId: request.id,
    ip: request.ip,
    userAgent: request.headers['user-agent'],
    user: null,
    sessionId: null,
    tenant: null,
    membership: null,
    ability: defineAbilityFor(null),
  };
}

/**
 * Resolves the caller from the session cookie: the user, the active tenant and role (falling
 * back to the first membership), and the permission matrix. Sessions without "remember me"
 * end after 8 hours of inactivity.
 */
export async function resolveRequestContext(
  deps: ContextDeps,
  request: FastifyRequest,
): Promise<RequestContext> {
  const found = await deps.auth.api.getSession({ headers: fromNodeHeaders(request.headers) });
  if (!found) return anonymous(request);
  const { session, user } = found;

  const lastSeen = session.lastSeenAt ? new Date(session.lastSeenAt).getTime() : 0;
  const now = Date.now();
  if (!session.rememberMe && now - lastSeen > SESSION_POLICY.idleSeconds * 1000) {
    await tx(deps.db, {}, (q) => q.delete(sessions).where(eq(sessions.id, session.id)));
    return anonymous(request);
  }

  const isSiteAdmin = Boolean(user.isSiteAdmin);
  const tenants = await tx(deps.db, { userId: user.id }, (q) =>
    listEnterableTenants(q, { id: user.id, isSiteAdmin }),
  );
  // Without a choice, the first active tenant the user is a member of (a site admin enters
  // other tenants only by choosing them).
  const active: UserTenant | undefined =
    tenants.find((t) => t.tenantId === session.activeTenantId) ??
    tenants.find((t) => t.role !== null && t.isActive);
  const activeTenantId = active?.tenantId ?? null;
  if (
    now - lastSeen > LAST_SEEN_GRANULARITY_MS ||
    activeTenantId !== (session.activeTenantId ?? null)
  ) {
    await tx(deps.db, {}, (q) =>
      q
        .update(sessions)
        .set({
          lastSeenAt: new Date(now),
          activeTenantId,
          ...(activeTenantId === session.activeTenantId ? {} : { activeProgramId: null }),
        })
        .where(eq(sessions.id, session.id)),
    );
  }

  const role = active?.role ?? null;
  return {
    actor: {
      type: 'user',
      id: user.id,
      email: user.email,
      role: isSiteAdmin ? 'site_admin' : (role ?? undefined),
    },
    tenantId: active?.tenantId,
    requestId: request.id,
    ip: request.ip,
    userAgent: request.headers['user-agent'],
    user: { id: user.id, email: user.email, name: user.name, isSiteAdmin },
    sessionId: session.id,
    tenant: active
      ? { id: active.tenantId, slug: active.slug, name: active.name, modules: active.modules }
      : null,
    membership: active?.role ? { role: active.role, scope: active.scope } : null,
    // A narrowing belongs to the tenant it was chosen in; a switch (or fallback) drops it.
    activeProgramId:
      activeTenantId !== null && activeTenantId === session.activeTenantId
        ? (session.activeProgramId ?? null)
        : null,
    ability: defineAbilityFor(
      { userId: user.id, isSiteAdmin, role, scope: active?.scope ?? {} },
      deps.modulePermissions,
      deps.sensitiveFields,
    ),
  };
}
