import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { tenantIdColumn, tenantIsolation } from '../db/app-role.js';
import { tenants } from '../db/schema.js';
import type { SourceRef, SourceRow } from './types.js';

/** `queued`: created by the API or the schedule, waiting for the import job to pick it up. */
export const RUN_STATUSES = [
  'queued',
  'running',
  'succeeded',
  'partial',
  'failed',
  'cancelled',
] as const;
export const STEP_STATUSES = [
  'pending',
  'running',
  'succeeded',
  'partial',
  'failed',
  'cancelled',
  'skipped',
] as const;
export const TRIGGERS = ['user', 'schedule', 'system'] as const;

export interface RunOptions {
  only?: string[];
  exclude?: string[];
  failFast: boolean;
  batchSize: number;
  chunkSize: number;
  studentsMaxChunks?: number;
}

const tenantId = () => tenantIdColumn().references(() => tenants.id, { onDelete: 'cascade' });
const at = (name: string) => timestamp(name, { withTimezone: true });
const counter = (name: string) => integer(name).notNull().default(0);

/** One import run: what it read, how, its plan and outcome. */
export const importRuns = pgTable(
  'import_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantId(),
    pipeline: text('pipeline').notNull(),
    source: text('source').notNull(),
    sourceRef: jsonb('source_ref').$type<SourceRef>(),
    mode: text('mode', { enum: ['commit', 'validate'] }).notNull(),
    options: jsonb('options').$type<RunOptions>().notNull(),
    plan: text('plan').array().notNull(),
    warnings: text('warnings').array().notNull(),
    status: text('status', { enum: RUN_STATUSES }).notNull(),
    message: text('message'),
    triggeredBy: text('triggered_by', { enum: TRIGGERS }).notNull(),
    triggeredByUserId: uuid('triggered_by_user_id'),
    createdAt: at('created_at').notNull().defaultNow(),
    startedAt: at('started_at'),
    finishedAt: at('finished_at'),
    /** Refreshed while the run works; a running run without one for long has crashed. */
    heartbeatAt: at('heartbeat_at'),
    cancelRequestedAt: at('cancel_requested_at'),
  },
  (t) => [
    index('import_runs_tenant_created_idx').on(t.tenantId, t.createdAt),
    index('import_runs_status_idx').on(t.status),
    ...tenantIsolation(),
  ],
).enableRLS();

/** One step of a run, with its counts. */
export const importSteps = pgTable(
  'import_steps',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantId(),
    runId: uuid('run_id')
      .notNull()
      .references(() => importRuns.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    status: text('status', { enum: STEP_STATUSES }).notNull().default('pending'),
    read: counter('read'),
    created: counter('created'),
    updated: counter('updated'),
    unchanged: counter('unchanged'),
    skipped: counter('skipped'),
    failed: counter('failed'),
    total: integer('total'),
    startedAt: at('started_at'),
    finishedAt: at('finished_at'),
    durationMs: integer('duration_ms'),
    message: text('message'),
  },
  (t) => [uniqueIndex('import_steps_run_name_uq').on(t.runId, t.name), ...tenantIsolation()],
).enableRLS();

/** A rejected row (or a step-level failure, without file/row), with the raw values for the CSV. */
export const importRowErrors = pgTable(
  'import_row_errors',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    tenantId: tenantId(),
    runId: uuid('run_id')
      .notNull()
      .references(() => importRuns.id, { onDelete: 'cascade' }),
    step: text('step').notNull(),
    file: text('file'),
    row: integer('row'),
    column: text('column'),
    value: text('value'),
    code: text('code').notNull(),
    message: text('message').notNull(),
    /** The rejected row as [column, value] pairs, in the file's column order. */
    raw: jsonb('raw').$type<[string, string][]>(),
  },
  (t) => [index('import_row_errors_run_idx').on(t.runId, t.id), ...tenantIsolation()],
).enableRLS();

/** Rows whose references are missing, retried by later runs until resolved. */
export const importPending = pgTable(
  'import_pending',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantId(),
    kind: text('kind').notNull(),
    key: text('key').notNull(),
    row: jsonb('row').$type<SourceRow>().notNull(),
    reason: text('reason').notNull(),
    firstSeenRunId: uuid('first_seen_run_id').notNull(),
    lastSeenRunId: uuid('last_seen_run_id').notNull(),
    resolvedAt: at('resolved_at'),
    resolvedRunId: uuid('resolved_run_id'),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('import_pending_key_uq').on(t.tenantId, t.kind, t.key),
    index('import_pending_open_idx').on(t.tenantId, t.kind, t.resolvedAt),
    ...tenantIsolation(),
  ],
).enableRLS();

/**
 * Salesforce `LastModifiedDate` watermarks. Kept per step as well as per object: several steps
 * read the same object (Contact), and one step's success must not hide rows from another.
 */
export const importWatermarks = pgTable(
  'import_watermarks',
  {
    tenantId: tenantId(),
    pipeline: text('pipeline').notNull(),
    step: text('step').notNull(),
    object: text('object').notNull(),
    watermark: at('watermark').notNull(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.pipeline, t.step, t.object] }),
    ...tenantIsolation(),
  ],
).enableRLS();

/** The nightly (or any cron) import of a tenant's pipeline from its Salesforce connection. */
export const importSchedules = pgTable(
  'import_schedules',
  {
    tenantId: tenantId(),
    pipeline: text('pipeline').notNull(),
    cron: text('cron').notNull(),
    enabled: boolean('enabled').notNull().default(false),
    lastScheduledAt: at('last_scheduled_at'),
    updatedAt: at('updated_at').notNull().defaultNow(),
    updatedById: uuid('updated_by_id'),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.pipeline] }), ...tenantIsolation()],
).enableRLS();

/**
 * The groups of source rows a part imported (a hash of each group's rows, consecutive rows cut
 * where their own hash says, so an inserted or deleted row changes only its group), so a rerun
 * skips the groups it imported before. `fingerprint` names the generations of the parts the rows
 * reference; groups of an older fingerprint are pruned. A cache: rebuilt by the next run if lost.
 */
export const importRowGroups = pgTable(
  'import_row_groups',
  {
    tenantId: tenantId(),
    pipeline: text('pipeline').notNull(),
    part: text('part').notNull(),
    hash: text('hash').notNull(),
    fingerprint: text('fingerprint').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.pipeline, t.part, t.hash] }), ...tenantIsolation()],
).enableRLS();

/**
 * Counts the runs in which a part's records were created or updated: a row that references a
 * part (e.g. a volunteer's organization) is imported again after that part changed.
 */
export const importPartGenerations = pgTable(
  'import_part_generations',
  {
    tenantId: tenantId(),
    pipeline: text('pipeline').notNull(),
    part: text('part').notNull(),
    generation: bigint('generation', { mode: 'number' }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.pipeline, t.part] }), ...tenantIsolation()],
).enableRLS();
