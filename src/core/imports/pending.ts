import type { Tx } from '../db/client.js';
import { openPendingPage, resolvePending, upsertPending } from './data.js';
import type { PendingQueue, SourceRow } from './types.js';

const PAGE = 500;

/**
 * The pending queue of one run: rows whose references are missing, kept per (tenant, kind, key)
 * and replayed by later runs. `scope` opens the run's tenant-scoped unit of work for reads.
 */
export function pendingQueue(
  tenantId: string,
  runId: string,
  scope: <T>(work: (tx: Tx) => Promise<T>) => Promise<T>,
): PendingQueue {
  return {
    add: (tx, item) => upsertPending(tx, tenantId, runId, item),
    resolve: (tx, kind, key) => resolvePending(tx, tenantId, runId, kind, key),
    async *open(kind): AsyncGenerator<SourceRow> {
      let after = '';
      for (;;) {
        const page = await scope((tx) => openPendingPage(tx, tenantId, kind, after, PAGE));
        for (const item of page) yield item.row;
        const last = page.at(-1);
        if (!last || page.length < PAGE) return;
        after = last.key;
      }
    },
  };
}
