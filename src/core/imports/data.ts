import { and, asc, count, desc, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import type { Queryable } from '../db/client.js';
import { memberships, tenants } from '../db/schema.js';
import { users } from '../auth/schema.js';
import {
  importPending,
  importRowErrors,
  importRuns,
  importSchedules,
  importSteps,
  importWatermarks,
  type RunOptions,
} from './schema.js';
import type {
  PendingItem,
  RunStatus,
  SourceRef,
  SourceRow,
  StepCounts,
  StepStatus,
  Trigger,
} from './types.js';

export interface NewRun {
  tenantId: string;
  pipeline: string;
  source: string;
  sourceRef: SourceRef | null;
  mode: 'commit' | 'validate';
  options: RunOptions;
  plan: string[];
  warnings: string[];
  status: 'queued' | 'running';
  triggeredBy: Trigger;
}

/** Inserts a run and its planned steps (status pending). */
export async function insertRun(q: Queryable, run: NewRun): Promise<string> {
  const now = new Date();
  const [row] = await q
    .insert(importRuns)
    .values({
      tenantId: run.tenantId,
      pipeline: run.pipeline,
      source: run.source,
      sourceRef: run.sourceRef,
      mode: run.mode,
      options: run.options,
      plan: run.plan,
      warnings: run.warnings,
      status: run.status,
      triggeredBy: run.triggeredBy.type,
      triggeredByUserId: run.triggeredBy.type === 'user' ? run.triggeredBy.userId : null,
      startedAt: run.status === 'running' ? now : null,
      heartbeatAt: run.status === 'running' ? now : null,
    })
    .returning({ id: importRuns.id });
  if (!row) throw new Error('The import run was not created');
  await q
    .insert(importSteps)
    .values(
      run.plan.map((name, position) => ({ tenantId: run.tenantId, runId: row.id, position, name })),
    );
  return row.id;
}

/** Moves a queued run to running; false when another worker claimed it (or it was cancelled). */
export async function claimRun(q: Queryable, runId: string): Promise<boolean> {
  const now = new Date();
  const claimed = await q
    .update(importRuns)
    .set({ status: 'running', startedAt: now, heartbeatAt: now })
    .where(and(eq(importRuns.id, runId), eq(importRuns.status, 'queued')))
    .returning({ id: importRuns.id });
  return claimed.length > 0;
}

export async function findRun(q: Queryable, runId: string) {
  const [run] = await q.select().from(importRuns).where(eq(importRuns.id, runId));
  return run;
}

export async function runSteps(q: Queryable, runId: string) {
  return q
    .select()
    .from(importSteps)
    .where(eq(importSteps.runId, runId))
    .orderBy(asc(importSteps.position));
}

export interface StepRecord extends Partial<StepCounts> {
  status?: StepStatus;
  total?: number | null;
  startedAt?: Date;
  finishedAt?: Date;
  durationMs?: number;
  message?: string | null;
}

export async function updateStep(q: Queryable, runId: string, name: string, record: StepRecord) {
  await q
    .update(importSteps)
    .set(record)
    .where(and(eq(importSteps.runId, runId), eq(importSteps.name, name)));
}

/** Refreshes the heartbeat; returns whether a cancel was asked for. */
export async function heartbeat(q: Queryable, runId: string): Promise<boolean> {
  const [row] = await q
    .update(importRuns)
    .set({ heartbeatAt: new Date() })
    .where(eq(importRuns.id, runId))
    .returning({ cancelRequestedAt: importRuns.cancelRequestedAt });
  return Boolean(row?.cancelRequestedAt);
}

export async function finishRun(
  q: Queryable,
  runId: string,
  status: Exclude<RunStatus, 'queued' | 'running'>,
  message: string | null,
) {
  await q
    .update(importRuns)
    .set({ status, message, finishedAt: new Date() })
    .where(eq(importRuns.id, runId));
}

export interface RowErrorRecord {
  step: string;
  file: string | null;
  row: number | null;
  column: string | null;
  value: string | null;
  code: string;
  message: string;
  raw: [string, string][] | null;
}

export async function insertRowErrors(
  q: Queryable,
  tenantId: string,
  runId: string,
  errors: readonly RowErrorRecord[],
) {
  if (errors.length === 0) return;
  await q.insert(importRowErrors).values(errors.map((e) => ({ ...e, tenantId, runId })));
}

/** The latest finished commit run of a pipeline (other than `exceptRunId`). */
export async function lastFinishedRun(
  q: Queryable,
  pipeline: string,
  exceptRunId: string | undefined,
) {
  const [run] = await q
    .select({ id: importRuns.id, status: importRuns.status, finishedAt: importRuns.finishedAt })
    .from(importRuns)
    .where(
      and(
        eq(importRuns.pipeline, pipeline),
        eq(importRuns.mode, 'commit'),
        inArray(importRuns.status, ['succeeded', 'partial', 'failed', 'cancelled']),
        exceptRunId ? sql`${importRuns.id} <> ${exceptRunId}` : undefined,
      ),
    )
    .orderBy(desc(importRuns.createdAt))
    .limit(1);
  return run;
}

export const errorCount = async (q: Queryable, runId: string) =>
  (await q.select({ n: count() }).from(importRowErrors).where(eq(importRowErrors.runId, runId)))[0]
    ?.n ?? 0;

const stepTotals = {
  read: sql<number>`coalesce(sum(${importSteps.read}), 0)::int`,
  created: sql<number>`coalesce(sum(${importSteps.created}), 0)::int`,
  updated: sql<number>`coalesce(sum(${importSteps.updated}), 0)::int`,
  unchanged: sql<number>`coalesce(sum(${importSteps.unchanged}), 0)::int`,
  skipped: sql<number>`coalesce(sum(${importSteps.skipped}), 0)::int`,
  failed: sql<number>`coalesce(sum(${importSteps.failed}), 0)::int`,
};

/** Runs newest first, with their counts summed over the steps. */
export async function listRuns(
  q: Queryable,
  filter: { pipeline?: string },
  page: number,
  pageSize: number,
) {
  const where = filter.pipeline ? eq(importRuns.pipeline, filter.pipeline) : undefined;
  const items = await q
    .select({
      id: importRuns.id,
      pipeline: importRuns.pipeline,
      source: importRuns.source,
      mode: importRuns.mode,
      status: importRuns.status,
      triggeredBy: importRuns.triggeredBy,
      createdAt: importRuns.createdAt,
      startedAt: importRuns.startedAt,
      finishedAt: importRuns.finishedAt,
      ...stepTotals,
    })
    .from(importRuns)
    .leftJoin(importSteps, eq(importSteps.runId, importRuns.id))
    .where(where)
    .groupBy(importRuns.id)
    .orderBy(desc(importRuns.createdAt), desc(importRuns.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [total] = await q.select({ n: count() }).from(importRuns).where(where);
  return { items, total: total?.n ?? 0 };
}

export async function listRowErrors(
  q: Queryable,
  runId: string,
  filter: { step?: string; file?: string },
  page: number,
  pageSize: number,
) {
  const where = and(
    eq(importRowErrors.runId, runId),
    filter.step ? eq(importRowErrors.step, filter.step) : undefined,
    filter.file ? eq(importRowErrors.file, filter.file) : undefined,
  );
  const items = await q
    .select({
      id: importRowErrors.id,
      step: importRowErrors.step,
      file: importRowErrors.file,
      row: importRowErrors.row,
      column: importRowErrors.column,
      value: importRowErrors.value,
      code: importRowErrors.code,
      message: importRowErrors.message,
    })
    .from(importRowErrors)
    .where(where)
    .orderBy(asc(importRowErrors.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [total] = await q.select({ n: count() }).from(importRowErrors).where(where);
  return { items, total: total?.n ?? 0 };
}

/** Files with rejected rows, for the download links. */
export const errorFiles = (q: Queryable, runId: string) =>
  q
    .select({ file: sql<string>`${importRowErrors.file}`, count: count() })
    .from(importRowErrors)
    .where(and(eq(importRowErrors.runId, runId), sql`${importRowErrors.raw} is not null`))
    .groupBy(importRowErrors.file)
    .orderBy(importRowErrors.file);

/** One page of a file's rejected rows, after the error id `afterId`. */
export const rejectedRowsPage = (q: Queryable, runId: string, file: string, afterId: number) =>
  q
    .select({ id: importRowErrors.id, raw: importRowErrors.raw, message: importRowErrors.message })
    .from(importRowErrors)
    .where(
      and(
        eq(importRowErrors.runId, runId),
        eq(importRowErrors.file, file),
        sql`${importRowErrors.raw} is not null`,
        sql`${importRowErrors.id} > ${afterId}`,
      ),
    )
    .orderBy(asc(importRowErrors.id))
    .limit(1000);

export async function requestCancel(q: Queryable, runId: string) {
  await q.update(importRuns).set({ cancelRequestedAt: new Date() }).where(eq(importRuns.id, runId));
}

/** Marks the planned steps that never ran. */
export async function skipPendingSteps(q: Queryable, runId: string, message: string) {
  await q
    .update(importSteps)
    .set({ status: 'skipped', message })
    .where(and(eq(importSteps.runId, runId), eq(importSteps.status, 'pending')));
}

/** Queued runs of every tenant, oldest first (platform read). */
export const queuedRuns = (q: Queryable) =>
  q
    .select({ id: importRuns.id, tenantId: importRuns.tenantId })
    .from(importRuns)
    .where(eq(importRuns.status, 'queued'))
    .orderBy(asc(importRuns.createdAt))
    .limit(20);

/** Runs still marked running whose heartbeat stopped before `commitBefore` (validate: `validateBefore`). */
export const staleRuns = (q: Queryable, commitBefore: Date, validateBefore: Date) =>
  q
    .select({ id: importRuns.id, tenantId: importRuns.tenantId })
    .from(importRuns)
    .where(
      and(
        eq(importRuns.status, 'running'),
        sql`coalesce(${importRuns.heartbeatAt}, ${importRuns.createdAt}) < case when ${importRuns.mode} = 'validate' then ${validateBefore.toISOString()}::timestamptz else ${commitBefore.toISOString()}::timestamptz end`,
      ),
    );

/** Whether the tenant has a run of the pipeline waiting or working. */
export async function hasActiveRun(q: Queryable, pipeline: string) {
  const [row] = await q
    .select({ id: importRuns.id })
    .from(importRuns)
    .where(
      and(eq(importRuns.pipeline, pipeline), inArray(importRuns.status, ['queued', 'running'])),
    )
    .limit(1);
  return Boolean(row);
}

/** The latest finished scheduled run, if it did not succeed (the UI shows a banner). */
export async function lastScheduledFailure(q: Queryable) {
  const [run] = await q
    .select({
      runId: importRuns.id,
      pipeline: importRuns.pipeline,
      status: importRuns.status,
      finishedAt: importRuns.finishedAt,
      message: importRuns.message,
    })
    .from(importRuns)
    .where(
      and(
        eq(importRuns.triggeredBy, 'schedule'),
        inArray(importRuns.status, ['succeeded', 'partial', 'failed', 'cancelled']),
      ),
    )
    .orderBy(desc(importRuns.finishedAt))
    .limit(1);
  return run && run.status !== 'succeeded' ? run : null;
}

export const tenantSchedules = (q: Queryable) => q.select().from(importSchedules);

/** The tenant's time zone (schedules fire in it); undefined: UTC. */
export async function tenantTimezone(q: Queryable, tenantId: string) {
  const [row] = await q
    .select({ settings: tenants.settings })
    .from(tenants)
    .where(eq(tenants.id, tenantId));
  return row?.settings.timezone;
}

export async function saveSchedule(
  q: Queryable,
  schedule: { tenantId: string; pipeline: string; cron: string; enabled: boolean; userId?: string },
) {
  const values = {
    cron: schedule.cron,
    enabled: schedule.enabled,
    updatedAt: new Date(),
    updatedById: schedule.userId ?? null,
  };
  await q
    .insert(importSchedules)
    .values({ tenantId: schedule.tenantId, pipeline: schedule.pipeline, ...values })
    .onConflictDoUpdate({
      target: [importSchedules.tenantId, importSchedules.pipeline],
      set: values,
    });
}

/** Enabled schedules of active tenants, with the tenant's time zone and modules (platform read). */
export const enabledSchedules = (q: Queryable) =>
  q
    .select({
      tenantId: importSchedules.tenantId,
      pipeline: importSchedules.pipeline,
      cron: importSchedules.cron,
      lastScheduledAt: importSchedules.lastScheduledAt,
      updatedAt: importSchedules.updatedAt,
      settings: tenants.settings,
      modules: tenants.modules,
    })
    .from(importSchedules)
    .innerJoin(tenants, eq(tenants.id, importSchedules.tenantId))
    .where(and(eq(importSchedules.enabled, true), eq(tenants.isActive, true)));

/** Claims a due schedule: false when another worker already did (its last time moved). */
export async function markScheduled(
  q: Queryable,
  pipeline: string,
  previous: Date | null,
  now: Date,
): Promise<boolean> {
  const claimed = await q
    .update(importSchedules)
    .set({ lastScheduledAt: now })
    .where(
      and(
        eq(importSchedules.pipeline, pipeline),
        previous
          ? eq(importSchedules.lastScheduledAt, previous)
          : sql`${importSchedules.lastScheduledAt} is null`,
      ),
    )
    .returning({ pipeline: importSchedules.pipeline });
  return claimed.length > 0;
}

/** Emails of the tenant's active tenant admins. */
export const tenantAdminEmails = async (q: Queryable) =>
  (
    await q
      .select({ email: users.email })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.role, 'tenant_admin'), eq(memberships.status, 'active')))
  ).map((r) => r.email);

/** Keeps (or refreshes) a pending row, open again if it had been resolved. */
export async function upsertPending(
  q: Queryable,
  tenantId: string,
  runId: string,
  { kind, key, row, reason }: PendingItem,
) {
  await q
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
}

export async function resolvePending(
  q: Queryable,
  tenantId: string,
  runId: string,
  kind: string,
  key: string,
) {
  await q
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
}

/** One page of open pending rows of a kind, by key, after `afterKey`. */
export const openPendingPage = (
  q: Queryable,
  tenantId: string,
  kind: string,
  afterKey: string,
  limit: number,
): Promise<{ key: string; row: SourceRow }[]> =>
  q
    .select({ key: importPending.key, row: importPending.row })
    .from(importPending)
    .where(
      and(
        eq(importPending.tenantId, tenantId),
        eq(importPending.kind, kind),
        isNull(importPending.resolvedAt),
        gt(importPending.key, afterKey),
      ),
    )
    .orderBy(asc(importPending.key))
    .limit(limit);

export const pipelineWatermarks = (q: Queryable, tenantId: string, pipeline: string) =>
  q
    .select()
    .from(importWatermarks)
    .where(and(eq(importWatermarks.tenantId, tenantId), eq(importWatermarks.pipeline, pipeline)));

export async function saveWatermark(
  q: Queryable,
  mark: { tenantId: string; pipeline: string; step: string; object: string; watermark: Date },
) {
  await q
    .insert(importWatermarks)
    .values(mark)
    .onConflictDoUpdate({
      target: [
        importWatermarks.tenantId,
        importWatermarks.pipeline,
        importWatermarks.step,
        importWatermarks.object,
      ],
      set: { watermark: mark.watermark, updatedAt: new Date() },
    });
}
