import { and, count, desc, eq, getTableColumns, gte, ilike, lte, or, type SQL } from 'drizzle-orm';
import type { Queryable } from '../db/client.js';
import { tenants } from '../db/schema.js';
import { auditLog, type AuditOutcome } from './schema.js';

/** A record with the name of its tenant (null for platform events), for readers of every tenant. */
export type AuditRow = typeof auditLog.$inferSelect & { tenantName: string | null };

export interface AuditFilter {
  actor?: string;
  action?: string;
  target?: string;
  outcome?: AuditOutcome;
  from?: Date;
  to?: Date;
}

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

function where(filter: AuditFilter): SQL | undefined {
  const conditions: (SQL | undefined)[] = [
    filter.actor ? ilike(auditLog.actorEmail, `%${escapeLike(filter.actor)}%`) : undefined,
    filter.action ? ilike(auditLog.action, `${escapeLike(filter.action)}%`) : undefined,
    filter.target
      ? or(
          eq(auditLog.targetId, filter.target),
          ilike(auditLog.targetLabel, `%${escapeLike(filter.target)}%`),
        )
      : undefined,
    filter.outcome ? eq(auditLog.outcome, filter.outcome) : undefined,
    filter.from ? gte(auditLog.occurredAt, filter.from) : undefined,
    filter.to ? lte(auditLog.occurredAt, filter.to) : undefined,
  ];
  return and(...conditions.filter((c): c is SQL => c !== undefined));
}

/** Newest first; the transaction's tenant (or all, for site admins) decides what is visible. */
export async function listAudit(
  db: Queryable,
  filter: AuditFilter,
  page: { limit: number; offset: number },
): Promise<{ items: AuditRow[]; total: number }> {
  const condition = where(filter);
  const items = await db
    .select({ ...getTableColumns(auditLog), tenantName: tenants.name })
    .from(auditLog)
    .leftJoin(tenants, eq(tenants.id, auditLog.tenantId))
    .where(condition)
    .orderBy(desc(auditLog.occurredAt), desc(auditLog.id))
    .limit(page.limit)
    .offset(page.offset);
  const totals = await db.select({ n: count() }).from(auditLog).where(condition);
  return { items, total: totals[0]?.n ?? 0 };
}
