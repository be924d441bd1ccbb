import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../db/client.js';
import { importRowErrors, importRuns, importSteps, type RunOptions } from './schema.js';
import type { RunStatus, SourceRef, StepCounts, StepStatus, Trigger } from './types.js';

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
