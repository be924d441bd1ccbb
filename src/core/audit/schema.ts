import { sql } from 'drizzle-orm';
import { index, jsonb, pgPolicy, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { appRole } from '../db/app-role.js';

export const AUDIT_OUTCOMES = ['success', 'denied', 'failed'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

const visibleTenant = sql`(tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid
  or current_setting('app.all_tenants', true) = 'on')`;

/**
 * Append-only record of every state change and security event (DOMAIN.md §1.3). The application
 * role may insert and read (its tenant, or all for site admins), never update or delete.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    tenantId: uuid('tenant_id'),
    actorType: text('actor_type', { enum: ['user', 'system', 'api'] }).notNull(),
    actorId: text('actor_id'),
    actorEmail: text('actor_email'),
    actorRole: text('actor_role'),
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    targetLabel: text('target_label'),
    outcome: text('outcome', { enum: AUDIT_OUTCOMES }).notNull(),
    changes: jsonb('changes').$type<Record<string, [unknown, unknown]>>(),
    requestId: text('request_id'),
    ip: text('ip'),
    userAgent: text('user_agent'),
    meta: jsonb('meta').$type<Record<string, unknown>>(),
  },
  (t) => [
    index('audit_log_tenant_time_idx').on(t.tenantId, t.occurredAt),
    index('audit_log_action_idx').on(t.action),
    pgPolicy('audit_read', { for: 'select', to: appRole, using: visibleTenant }),
    pgPolicy('audit_append', {
      for: 'insert',
      to: appRole,
      withCheck: sql`(tenant_id is null or ${visibleTenant})`,
    }),
  ],
).enableRLS();
