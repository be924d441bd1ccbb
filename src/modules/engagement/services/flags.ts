import { z } from 'zod';
import type { RequestContext } from '../../../core/access/request-context.js';
import { recordAudit } from '../../../core/audit/service.js';
import type { Db } from '../../../core/db/client.js';
import { tx } from '../../../core/db/tx.js';
import { NotFoundError } from '../../../core/errors.js';
import {
  dismissFlags,
  findFlag,
  listFlags,
  type FlagFilter,
  type FlagSort,
} from '../data/screens/flags.js';
import type { ListWindow } from '../data/screens/query.js';
import { callerOf } from './caller.js';

/** At most this many flags are dismissed in one request. */
export const MAX_BULK_DISMISS = 500;

export const bulkDismissInput = z.object({
  ids: z
    .array(z.uuid())
    .min(1, 'Choose at least one flag')
    .max(MAX_BULK_DISMISS, `Choose at most ${String(MAX_BULK_DISMISS)} flags`),
});

export function listFlagsFor(
  db: Db,
  ctx: RequestContext,
  query: Omit<FlagFilter, 'tenantId'> & ListWindow<FlagSort>,
) {
  const { tenantId } = callerOf(ctx);
  return tx(db, { tenantId }, (q) => listFlags(q, { ...query, tenantId }));
}

export function getFlag(db: Db, ctx: RequestContext, id: string) {
  const { tenantId } = callerOf(ctx);
  return tx(db, { tenantId }, async (q) => {
    const flag = await findFlag(q, tenantId, id);
    if (!flag) throw new NotFoundError('Data-quality flag');
    return flag;
  });
}

/** Dismisses one open flag (a dismissed flag stays dismissed across imports); audited. */
export async function dismissFlag(db: Db, ctx: RequestContext, id: string) {
  const { tenantId } = callerOf(ctx);
  await tx(db, { tenantId }, async (q) => {
    const flag = await findFlag(q, tenantId, id);
    if (!flag) throw new NotFoundError('Data-quality flag');
    const dismissed = await dismissFlags(q, tenantId, [id], ctx.user?.id ?? null);
    if (dismissed.length) {
      await recordAudit(q, ctx, {
        action: 'engagement.data_quality_flag.dismiss',
        target: {
          type: 'data_quality_flag',
          id,
          label: `${flag.issue}: ${flag.entityLabel ?? flag.entityExternalId}`,
        },
        changes: { status: [flag.status, 'dismissed'] },
      });
    }
  });
  return getFlag(db, ctx, id);
}

/** Dismisses the open flags among `ids`; audited once with the count. */
export async function dismissManyFlags(db: Db, ctx: RequestContext, ids: readonly string[]) {
  const { tenantId } = callerOf(ctx);
  return tx(db, { tenantId }, async (q) => {
    const dismissed = await dismissFlags(q, tenantId, ids, ctx.user?.id ?? null);
    await recordAudit(q, ctx, {
      action: 'engagement.data_quality_flag.bulk_dismiss',
      target: { type: 'data_quality_flag', label: `${String(dismissed.length)} flags` },
      meta: { requested: ids.length, dismissed: dismissed.length, ids: dismissed },
    });
    return { dismissed: dismissed.length };
  });
}
