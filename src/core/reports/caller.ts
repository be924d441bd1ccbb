import { subject } from '@casl/ability';
import type { RequestContext } from '../access/request-context.js';
import type { AuditContext } from '../audit/service.js';
import { AppError } from '../errors.js';
import type { ReportScope } from './types.js';

export type ReportAction = 'read' | 'export' | 'update';

/** Who asks for a report: the tenant, the data scope, and what the matrix allows. */
export interface ReportCaller {
  tenantId: string;
  /** Modules switched on for the tenant: reports of other modules do not exist for it. */
  modules: readonly string[];
  userId?: string;
  audit: AuditContext;
  scope: ReportScope;
  /** Person-level columns are left out (the caller may read aggregate reports only). */
  aggregatesOnly: boolean;
  may(action: ReportAction, report: { aggregate: boolean }): boolean;
}

/** The data scope of a membership: district viewers see their districts, program admins their programs. */
function scopeOf(membership: RequestContext['membership']): ReportScope {
  if (membership?.role === 'district_viewer')
    return { districts: membership.scope.districts ?? [] };
  if (membership?.role === 'program_admin') return { programs: membership.scope.programs ?? [] };
  return {};
}

export function callerFromRequest(ctx: RequestContext): ReportCaller {
  if (!ctx.tenant) throw new AppError(400, 'no_active_tenant', 'Choose a tenant first');
  const may = (action: ReportAction, report: { aggregate: boolean }) =>
    ctx.ability.can(action, subject('Report', { aggregate: report.aggregate }));
  return {
    tenantId: ctx.tenant.id,
    modules: ctx.tenant.modules,
    userId: ctx.user?.id,
    audit: ctx,
    scope: scopeOf(ctx.membership),
    aggregatesOnly: !may('read', { aggregate: false }),
    may,
  };
}

/** The command line: the whole tenant, acting as the system. */
export function systemCaller(tenant: { id: string; modules: readonly string[] }): ReportCaller {
  return {
    tenantId: tenant.id,
    modules: tenant.modules,
    audit: { tenantId: tenant.id, actor: { type: 'system' } },
    scope: {},
    aggregatesOnly: false,
    may: () => true,
  };
}
