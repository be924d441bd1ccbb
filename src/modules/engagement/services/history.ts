import type { RequestContext } from '../../../core/access/request-context.js';
import { recordAudit } from '../../../core/audit/service.js';
import type { Db } from '../../../core/db/client.js';
import { tx } from '../../../core/db/tx.js';
import { NotFoundError } from '../../../core/errors.js';
import {
  findActivity,
  historyFilterValues,
  listHistory,
  softDeleteActivity,
  type HistoryFilter,
  type HistorySort,
} from '../data/screens/history.js';
import type { ListWindow } from '../data/screens/query.js';
import { callerOf } from './caller.js';
import { dataChanged } from './reports.js';

export function listHistoryFor(
  db: Db,
  ctx: RequestContext,
  query: Omit<HistoryFilter, 'tenantId'> & ListWindow<HistorySort>,
) {
  const { tenantId } = callerOf(ctx);
  return tx(db, { tenantId }, (q) => listHistory(q, { ...query, tenantId }));
}

export function historyFiltersFor(db: Db, ctx: RequestContext) {
  const { tenantId } = callerOf(ctx);
  return tx(db, { tenantId }, (q) => historyFilterValues(q, tenantId));
}

export function getActivity(db: Db, ctx: RequestContext, id: string) {
  const { tenantId } = callerOf(ctx);
  return tx(db, { tenantId }, async (q) => {
    const activity = await findActivity(q, tenantId, id);
    if (!activity) throw new NotFoundError('Activity');
    return activity;
  });
}

/** Soft-deletes one activity (history is never hard-deleted); audited. */
export function deleteActivity(db: Db, ctx: RequestContext, id: string) {
  const { tenantId } = callerOf(ctx);
  return tx(db, { tenantId }, async (q) => {
    const activity = await findActivity(q, tenantId, id);
    if (!activity) throw new NotFoundError('Activity');
    await softDeleteActivity(q, id, ctx.user?.id ?? null);
    await recordAudit(q, ctx, {
      action: 'engagement.activity.delete',
      target: {
        type: 'activity',
        id,
        label: activity.subject ?? activity.type ?? activity.externalId,
      },
      meta: { soft: true },
    });
    await dataChanged(q, tenantId);
  });
}
