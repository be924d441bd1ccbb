import type { RequestContext } from '../../../core/access/request-context.js';
import { AppError, NotFoundError } from '../../../core/errors.js';

/**
 * The districts a caller sees: all of them, or those of a district viewer's scope. Outside it,
 * records do not exist (404 for single records, filtered out of lists).
 */
export type DistrictScope = { kind: 'all' } | { kind: 'districts'; ids: readonly string[] };

export interface Caller {
  tenantId: string;
  scope: DistrictScope;
  ctx: RequestContext;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function districtScopeOf(ctx: RequestContext): DistrictScope {
  if (ctx.membership?.role !== 'district_viewer' || ctx.user?.isSiteAdmin) return { kind: 'all' };
  return {
    kind: 'districts',
    ids: (ctx.membership.scope.districts ?? []).filter((id) => UUID.test(id)),
  };
}

/** The active tenant, which must have the engagement module, and the caller's scope in it. */
export function callerOf(ctx: RequestContext): Caller {
  if (!ctx.tenant) throw new AppError(400, 'no_active_tenant', 'Choose a tenant first');
  if (!ctx.tenant.modules.includes('engagement')) throw new NotFoundError('The engagement module');
  return { tenantId: ctx.tenant.id, scope: districtScopeOf(ctx), ctx };
}
