import { sql } from 'drizzle-orm';
import {
  index,
  integer,
  jsonb,
  pgPolicy,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { appRole, tenantIsolation } from '../db/app-role.js';

export const EMAIL_STATUSES = ['queued', 'sending', 'sent', 'failed', 'blocked'] as const;
export type EmailStatus = (typeof EMAIL_STATUSES)[number];

const platformWork = sql`current_setting('app.all_tenants', true) = 'on'`;
/** Account emails (reset, verification…) belong to no tenant: anyone may queue one, only platform work reads them. */
const platformEmail = sql`tenant_id is null`;

/** Policies of the email tables: the tenant's own rows; the delivery worker's platform access. */
const emailPolicies = () => [
  ...tenantIsolation(),
  pgPolicy('platform_work', {
    for: 'all',
    to: appRole,
    using: platformWork,
    withCheck: platformWork,
  }),
  pgPolicy('account_email_insert', { for: 'insert', to: appRole, withCheck: platformEmail }),
];

/** Bulk sends (e.g. reminders to 200 instructors): one job, one outbox row per recipient. */
export const emailBulkJobs = pgTable(
  'email_bulk_jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id'),
    template: text('template').notNull(),
    status: text('status', { enum: ['running', 'completed'] })
      .notNull()
      .default('running'),
    total: integer('total').notNull(),
    createdById: uuid('created_by_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
  },
  () => emailPolicies(),
).enableRLS();

/**
 * The outbox: every email is a row written in the transaction of the change that causes it,
 * rendered at that moment, then delivered by the worker (queued → sending → sent | failed | blocked).
 */
export const emailOutbox = pgTable(
  'email_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id'),
    template: text('template').notNull(),
    to: text('to').notNull(),
    fromName: text('from_name').notNull(),
    replyTo: text('reply_to'),
    subject: text('subject').notNull(),
    html: text('html').notNull(),
    text: text('text').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    status: text('status', { enum: EMAIL_STATUSES }).notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lastError: text('last_error'),
    providerMessageId: text('provider_message_id'),
    bulkJobId: uuid('bulk_job_id').references(() => emailBulkJobs.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    index('email_outbox_due_idx').on(t.status, t.nextAttemptAt),
    index('email_outbox_tenant_created_idx').on(t.tenantId, t.createdAt),
    index('email_outbox_bulk_idx').on(t.bulkJobId),
    ...emailPolicies(),
  ],
).enableRLS();

/** Every delivery attempt with the provider's answer. */
export const emailAttempts = pgTable(
  'email_attempts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id'),
    outboxId: uuid('outbox_id')
      .notNull()
      .references(() => emailOutbox.id, { onDelete: 'cascade' }),
    attempt: integer('attempt').notNull(),
    outcome: text('outcome', { enum: ['sent', 'retry', 'failed', 'blocked'] }).notNull(),
    response: text('response'),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('email_attempts_outbox_idx').on(t.outboxId), ...emailPolicies()],
).enableRLS();
