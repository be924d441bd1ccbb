import type { AuditContext } from '../audit/service.js';
import type { MembershipScope, Role } from '../db/schema.js';
import type { AppAbility } from './ability.js';

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  isSiteAdmin: boolean;
}

export interface ActiveTenant {
  id: string;
  slug: string;
  name: string;
  modules: string[];
}

/** Everything a handler and a service need to know about the caller. */
export interface RequestContext extends AuditContext {
  user: SessionUser | null;
  sessionId: string | null;
  tenant: ActiveTenant | null;
  membership: { role: Role; scope: MembershipScope } | null;
  /** The program this session narrows the tenant to (outcomes), or null for all in scope. */
  activeProgramId?: string | null;
  ability: AppAbility;
}

declare module 'fastify' {
  interface FastifyRequest {
    ctx: RequestContext;
  }
}
