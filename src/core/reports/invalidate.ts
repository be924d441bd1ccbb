import type { Db, Queryable } from '../db/client.js';
import { tx } from '../db/tx.js';
import { onImportSucceeded } from '../imports/listeners.js';
import { invalidate } from './data.js';

/**
 * For services that change data reports read: call inside the change's transaction with the
 * names of the reports affected (all of the tenant's when omitted). The next view recomputes.
 */
export const invalidateReports = (
  q: Queryable,
  tenantId: string,
  reports?: readonly string[],
): Promise<number> => invalidate(q, tenantId, reports);

/** After work that committed on its own (an import run): invalidates in a transaction of its own. */
export const invalidateReportsNow = (
  db: Db,
  tenantId: string,
  reports?: readonly string[],
): Promise<number> => tx(db, { tenantId }, (q) => invalidate(q, tenantId, reports));

/**
 * Invalidates a tenant's reports after every import run that wrote data into this database: the
 * reports its pipeline says it affects, or all of them when it names none. Returns the unsubscribe.
 */
export const invalidateReportsAfterImports = (db: Db): (() => void) =>
  onImportSucceeded(async (event) => {
    await invalidateReportsNow(
      db,
      event.tenantId,
      event.affects.length > 0 ? event.affects : undefined,
    );
  });
