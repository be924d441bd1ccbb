import { stringify } from 'csv-stringify';
import type { RequestContext } from '../access/request-context.js';
import type { Db } from '../db/client.js';
import { tx, type TxScope } from '../db/tx.js';
import { listAudit, type AuditFilter, type AuditRow } from './data.js';
import { recordAudit } from './service.js';

const EXPORT_BATCH = 1_000;

/** Tenant admins read their tenant's log; site admins read every tenant's. */
const viewerScope = (ctx: RequestContext): TxScope =>
  ctx.user?.isSiteAdmin ? { allTenants: true } : { tenantId: ctx.tenantId };

export const listAuditForViewer = (
  db: Db,
  ctx: RequestContext,
  filter: AuditFilter,
  page: number,
  pageSize: number,
) =>
  tx(db, viewerScope(ctx), (q) =>
    listAudit(q, filter, { limit: pageSize, offset: (page - 1) * pageSize }),
  );

const CSV_COLUMNS: { key: keyof AuditRow | 'changes'; header: string }[] = [
  { key: 'occurredAt', header: 'occurred_at' },
  { key: 'tenantId', header: 'tenant_id' },
  { key: 'tenantName', header: 'tenant_name' },
  { key: 'actorType', header: 'actor_type' },
  { key: 'actorEmail', header: 'actor_email' },
  { key: 'actorRole', header: 'actor_role' },
  { key: 'action', header: 'action' },
  { key: 'outcome', header: 'outcome' },
  { key: 'targetType', header: 'target_type' },
  { key: 'targetId', header: 'target_id' },
  { key: 'targetLabel', header: 'target_label' },
  { key: 'changes', header: 'changes' },
  { key: 'requestId', header: 'request_id' },
  { key: 'ip', header: 'ip' },
];

const csvValue = (row: AuditRow, key: (typeof CSV_COLUMNS)[number]['key']) => {
  const value = row[key];
  if (value instanceof Date) return value.toISOString();
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return value ?? '';
};

/**
 * Streams the filtered log as CSV, a batch at a time, and records the export itself.
 * Returns the stream to send.
 */
export async function exportAuditCsv(db: Db, ctx: RequestContext, filter: AuditFilter) {
  const csv = stringify({ header: true, columns: CSV_COLUMNS.map((c) => c.header) });
  await tx(db, { tenantId: ctx.tenantId }, (q) =>
    recordAudit(q, ctx, {
      action: 'core.audit.exported',
      target: { type: 'audit_log' },
      meta: { filter: { ...filter } },
    }),
  );
  void (async () => {
    try {
      for (let offset = 0; ; offset += EXPORT_BATCH) {
        const { items } = await tx(db, viewerScope(ctx), (q) =>
          listAudit(q, filter, { limit: EXPORT_BATCH, offset }),
        );
        for (const row of items) {
          if (!csv.write(CSV_COLUMNS.map((c) => csvValue(row, c.key)))) {
            await new Promise((resolve) => csv.once('drain', resolve));
          }
        }
        if (items.length < EXPORT_BATCH) break;
      }
      csv.end();
    } catch (error) {
      csv.destroy(error as Error);
    }
  })();
  return csv;
}
