import type { RequestContext } from '../../../core/access/request-context.js';
import type { Db } from '../../../core/db/client.js';
import { invalidateReportsNow } from '../../../core/reports/invalidate.js';
import { updateLocalStatuses } from '../local-status-service.js';
import { callerOf } from './caller.js';

/** Update local statuses from the screens; reports that read local status recompute after. */
export async function refreshLocalStatuses(db: Db, ctx: RequestContext) {
  const { tenantId } = callerOf(ctx);
  const summary = await updateLocalStatuses(db, ctx);
  if (summary.changed > 0) await invalidateReportsNow(db, tenantId);
  return summary;
}
