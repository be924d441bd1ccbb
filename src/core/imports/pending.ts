import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { importPending } from './schema.js';
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
    async add(tx, { kind, key, row, reason }) {
      await tx
        .insert(importPending)
        .values({ tenantId, kind, key, row, reason, firstSeenRunId: runId, lastSeenRunId: runId })
        .onConflictDoUpdate({
          target: [importPending.tenantId, importPending.kind, importPending.key],
          set: {
            row,
            reason,
            lastSeenRunId: runId,
            resolvedAt: null,
            resolvedRunId: null,
            updatedAt: sql`now()`,
          },
        });
    },
    async resolve(tx, kind, key) {
      await tx
        .update(importPending)
        .set({ resolvedAt: sql`now()`, resolvedRunId: runId, updatedAt: sql`now()` })
        .where(
          and(
            eq(importPending.tenantId, tenantId),
            eq(importPending.kind, kind),
            eq(importPending.key, key),
            isNull(importPending.resolvedAt),
          ),
        );
    },
    async *open(kind): AsyncGenerator<SourceRow> {
      let after = '';
      for (;;) {
        const page = await scope((tx) =>
          tx
            .select({ key: importPending.key, row: importPending.row })
            .from(importPending)
            .where(
              and(
                eq(importPending.tenantId, tenantId),
                eq(importPending.kind, kind),
                isNull(importPending.resolvedAt),
                gt(importPending.key, after),
              ),
            )
            .orderBy(asc(importPending.key))
            .limit(PAGE),
        );
        for (const item of page) yield item.row;
        const last = page.at(-1);
        if (!last || page.length < PAGE) return;
        after = last.key;
      }
    },
  };
}
