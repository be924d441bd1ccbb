import type { Queryable } from '../db/client.js';
import { auditLog, type AuditOutcome } from './schema.js';

export interface AuditActor {
  type: 'user' | 'system' | 'api';
  id?: string;
  email?: string;
  role?: string;
}

/** Who acted and from where: built once per request (or per CLI run). */
export interface AuditContext {
  tenantId?: string;
  actor: AuditActor;
  requestId?: string;
  ip?: string;
  userAgent?: string;
}

export interface AuditEntry {
  /** `{module}.{resource}.{verb}`, e.g. `core.user.role_changed`. */
  action: string;
  outcome?: AuditOutcome;
  target?: { type: string; id?: string; label?: string };
  /** field → [before, after]; secret fields are redacted. */
  changes?: Record<string, [unknown, unknown]>;
  meta?: Record<string, unknown>;
  /** Overrides the context's tenant (e.g. platform events with none). */
  tenantId?: string | null;
}

const SECRET_FIELD = /password|secret|token|hash/i;

export function redactChanges(
  changes: Record<string, [unknown, unknown]>,
): Record<string, [unknown, unknown]> {
  return Object.fromEntries(
    Object.entries(changes).map(([field, pair]) =>
      SECRET_FIELD.test(field) ? [field, ['[redacted]', '[redacted]']] : [field, pair],
    ),
  );
}

/** Appends one audit record, in the caller's transaction. */
export async function recordAudit(db: Queryable, ctx: AuditContext, entry: AuditEntry) {
  await db.insert(auditLog).values({
    tenantId: entry.tenantId === undefined ? (ctx.tenantId ?? null) : entry.tenantId,
    actorType: ctx.actor.type,
    actorId: ctx.actor.id ?? null,
    actorEmail: ctx.actor.email ?? null,
    actorRole: ctx.actor.role ?? null,
    action: entry.action,
    outcome: entry.outcome ?? 'success',
    targetType: entry.target?.type ?? null,
    targetId: entry.target?.id ?? null,
    targetLabel: entry.target?.label ?? null,
    changes: entry.changes ? redactChanges(entry.changes) : null,
    requestId: ctx.requestId ?? null,
    ip: ctx.ip ?? null,
    userAgent: ctx.userAgent ?? null,
    meta: entry.meta ?? null,
  });
}
