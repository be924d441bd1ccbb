import type { Queryable } from '../../../core/db/client.js';
import { forgetImportedRows } from '../../../core/imports/row-groups.js';
import { invalidateReports } from '../../../core/reports/invalidate.js';

/**
 * Engagement data changed by hand: every report of the tenant recomputes on its next view, and
 * the next import reads every row again (so the source's values win over the edit, as before).
 */
export async function dataChanged(q: Queryable, tenantId: string): Promise<void> {
  await invalidateReports(q, tenantId);
  await forgetImportedRows(q, { tenantId, pipeline: 'engagement' });
}
