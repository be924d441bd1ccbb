import type { Queryable } from '../../db/client.js';
import { billingNotices } from '../schema.js';

/** Records a notice under its key; true only the first time (so each notice goes once). */
export const claimNotice = async (
  q: Queryable,
  values: { tenantId: string; subscriptionId: string; key: string; sent?: boolean },
): Promise<boolean> =>
  (await q.insert(billingNotices).values(values).onConflictDoNothing().returning()).length > 0;
