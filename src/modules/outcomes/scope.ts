import type { RequestContext } from '../../core/access/request-context.js';
import { AppError } from '../../core/errors.js';

/**
 * What part of the institution a caller sees: everything (tenant and site admins), the courses of
 * some programs (program admins), or the sections they teach (instructors). Outside it, records
 * do not exist (404, filtered out of lists).
 */
export type OutcomesScope =
  | { kind: 'all' }
  | { kind: 'programs'; programIds: readonly string[] }
  | { kind: 'instructor'; userId: string; email: string };

export interface Caller {
  tenantId: string;
  scope: OutcomesScope;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The caller's scope from their role alone, before any narrowing to one program. */
export function roleScopeOf(ctx: RequestContext): OutcomesScope {
  const role = ctx.membership?.role;
  if (ctx.user?.isSiteAdmin || role === 'tenant_admin') return { kind: 'all' };
  if (role === 'program_admin') {
    const programIds = (ctx.membership?.scope.programs ?? []).filter((id) => UUID.test(id));
    return { kind: 'programs', programIds };
  }
  if (role === 'instructor' && ctx.user) {
    return { kind: 'instructor', userId: ctx.user.id, email: ctx.user.email };
  }
  return { kind: 'programs', programIds: [] };
}

/**
 * The caller's scope, narrowed to the session's active program when one is chosen (§1.1 active
 * context): tenant admins then see that program, program admins that one of theirs. Instructors
 * are never narrowed (their sections are their scope).
 */
export function scopeOf(ctx: RequestContext): OutcomesScope {
  const scope = roleScopeOf(ctx);
  const programId = ctx.activeProgramId;
  if (!programId || !UUID.test(programId)) return scope;
  if (scope.kind === 'all') return { kind: 'programs', programIds: [programId] };
  if (scope.kind === 'programs' && scope.programIds.includes(programId)) {
    return { kind: 'programs', programIds: [programId] };
  }
  return scope;
}

/** The active tenant (with the outcomes module on) and the caller's scope in it. */
export function callerOf(ctx: RequestContext): Caller {
  if (!ctx.tenantId) throw new AppError(400, 'no_active_tenant', 'Choose a tenant first');
  return { tenantId: ctx.tenantId, scope: scopeOf(ctx) };
}
