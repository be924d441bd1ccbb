import type { Queryable } from '../../../core/db/client.js';
import { invalidateReports } from '../../../core/reports/invalidate.js';

/** Engagement data changed by hand: every report of the tenant recomputes on its next view. */
export const dataChanged = (q: Queryable, tenantId: string) => invalidateReports(q, tenantId);
