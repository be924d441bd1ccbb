export type AuditOutcome = 'success' | 'denied' | 'failed';
export const AUDIT_OUTCOMES: readonly AuditOutcome[] = ['success', 'denied', 'failed'];

/** One record of the audit log (DOMAIN §1.3), as `GET /api/audit` lists it. */
export interface AuditEntry {
  id: string;
  occurredAt: string;
  tenantId: string | null;
  /** The tenant's name; null for platform events (no tenant). */
  tenantName: string | null;
  actorType: string;
  actorId: string | null;
  actorEmail: string | null;
  actorRole: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  targetLabel: string | null;
  outcome: AuditOutcome;
  /** Field → [before, after]. */
  changes: Record<string, [unknown, unknown]> | null;
  requestId: string | null;
  ip: string | null;
  userAgent: string | null;
  meta: Record<string, unknown> | null;
}

/** The viewer's filters, as kept in the page URL; dates are local days (`YYYY-MM-DD`). */
export interface AuditFilters {
  actor: string;
  action: string;
  target: string;
  outcome: string;
  from: string;
  to: string;
}
