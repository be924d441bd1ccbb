import { TransactionRollbackError } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Db, Tx } from '../db/client.js';
import { tx } from '../db/tx.js';
import {
  finishRun,
  heartbeat,
  insertRowErrors,
  insertRun,
  updateStep,
  type RowErrorRecord,
} from './data.js';
import { notifyImportSucceeded } from './listeners.js';
import { resolvePlan } from './plan.js';
import { liveProgress, type StepProgress } from './progress.js';
import type { RunOptions } from './schema.js';
import { createStepContext, errorMessage, StopRun, type Scope } from './step-context.js';
import {
  ImportStepError,
  ROW_OUTCOMES,
  type ImportStep,
  type RowErrorSummary,
  type RunImportRequest,
  type RunStatus,
  type RunSummary,
  type StepOptions,
  type StepStatus,
  type StepSummary,
} from './types.js';

export interface ImportDeps {
  db: Db;
  logger: Logger;
}

export const DEFAULT_BATCH_SIZE = 1000;
export const DEFAULT_CHUNK_SIZE = 2000;
/** Errors carried in the summary (CLI JSON, API); the rest stay in the database. */
const SUMMARY_ERRORS = 1000;
/** How often a committing run saves its counts and heartbeat, and looks for a cancel request. */
const PERSIST_EVERY_MS = 2000;

type FinalStatus = Exclude<RunStatus, 'queued' | 'running'>;

/**
 * Run-record writes. A committing run writes them at once, each in its own transaction; a
 * validate-only run keeps them until its one transaction has been rolled back (on PGlite there
 * is one connection, so nothing else may write while that transaction is open).
 */
function recorder(db: Db, tenantId: string, deferred: boolean) {
  const queue: ((q: Tx) => Promise<void>)[] = [];
  return {
    deferred,
    async write(work: (q: Tx) => Promise<void>) {
      if (deferred) queue.push(work);
      else await tx(db, { tenantId }, work);
    },
    async flush() {
      if (queue.length === 0) return;
      await tx(db, { tenantId }, async (q) => {
        for (const work of queue.splice(0)) await work(q);
      });
    },
  };
}

export type RunOptionsInput = Pick<
  RunImportRequest,
  'only' | 'exclude' | 'failFast' | 'batchSize' | 'chunkSize' | 'studentsMaxChunks'
>;

export const runOptionsOf = (request: RunOptionsInput): RunOptions => ({
  only: request.only ? [...request.only] : undefined,
  exclude: request.exclude ? [...request.exclude] : undefined,
  failFast: request.failFast ?? false,
  batchSize: request.batchSize ?? DEFAULT_BATCH_SIZE,
  chunkSize: request.chunkSize ?? DEFAULT_CHUNK_SIZE,
  studentsMaxChunks: request.studentsMaxChunks,
});

const stepRecord = (step: StepProgress) => ({
  status: step.status,
  read: step.read,
  created: step.created,
  updated: step.updated,
  unchanged: step.unchanged,
  skipped: step.skipped,
  failed: step.failed,
  total: step.total,
});

function runStatus(steps: readonly StepProgress[], stopped: StopRun['reason'] | null): FinalStatus {
  if (stopped === 'cancelled') return 'cancelled';
  if (stopped === 'fail_fast' || steps.some((s) => s.status === 'failed')) return 'failed';
  return steps.some((s) => s.status === 'partial') ? 'partial' : 'succeeded';
}

/**
 * Runs an import: resolves the plan, records the run, runs each step in dependency order with
 * batching and per-row error capture, and returns the summary (DOMAIN.md §4). A validate-only run
 * does all the work inside one transaction that is rolled back, then writes only the run record.
 * Usage errors (unknown step names) throw a ValidationError before anything is recorded.
 */
export async function runImport(deps: ImportDeps, request: RunImportRequest): Promise<RunSummary> {
  const { db } = deps;
  const { tenantId, pipeline, source } = request;
  const { plan, warnings } = resolvePlan(pipeline, request);
  const runOptions = runOptionsOf(request);
  const options: StepOptions = {
    batchSize: runOptions.batchSize,
    chunkSize: runOptions.chunkSize,
    studentsMaxChunks: runOptions.studentsMaxChunks,
    failFast: runOptions.failFast,
  };
  const mode = request.validateOnly ? 'validate' : 'commit';
  const runId =
    request.runId ??
    (await tx(db, { tenantId }, (q) =>
      insertRun(q, {
        tenantId,
        pipeline: pipeline.name,
        source: source.describe(),
        sourceRef: request.sourceRef ?? null,
        mode,
        options: runOptions,
        plan,
        warnings,
        status: 'running',
        triggeredBy: request.triggeredBy,
      }),
    ));
  const log = deps.logger.child({ runId, tenantId, pipeline: pipeline.name });
  const records = recorder(db, tenantId, mode === 'validate');
  const live = liveProgress.start(runId, plan);
  request.onStarted?.(runId);
  const errors: RowErrorSummary[] = [];
  let errorTotal = 0;
  let cancelRequested = false;
  let stopped: StopRun['reason'] | null = null;
  const cancelled = () => cancelRequested || liveProgress.isCancelRequested(runId);

  const recordErrors = async (rows: RowErrorRecord[]) => {
    if (rows.length === 0) return;
    errorTotal += rows.length;
    for (const { step, file, row, column, code, message } of rows) {
      if (errors.length < SUMMARY_ERRORS) errors.push({ step, file, row, column, code, message });
    }
    await records.write((q) => insertRowErrors(q, tenantId, runId, rows));
  };

  const runStep = async (step: ImportStep, progress: StepProgress, scope: Scope) => {
    const stepLog = log.child({ step: step.name });
    if (stopped || cancelled()) {
      stopped ??= 'cancelled';
      progress.status = 'skipped';
      const why = stopped === 'cancelled' ? 'the run was cancelled' : '--fail-fast stopped the run';
      await records.write((q) =>
        updateStep(q, runId, step.name, { status: 'skipped', message: `Not run: ${why}` }),
      );
      return;
    }
    const startedAt = new Date();
    progress.status = 'running';
    progress.startedAt = startedAt.getTime();
    await records.write((q) => updateStep(q, runId, step.name, { status: 'running', startedAt }));
    stepLog.info('step started');
    let lastPersist = Date.now();
    const { context, flush } = createStepContext({
      tenantId,
      runId,
      pipeline: pipeline.name,
      step: step.name,
      mode,
      options,
      source: source.forStep?.(step.name) ?? source,
      log: stepLog,
      scope,
      progress,
      recordErrors,
      cancelled,
      afterBatch: async () => {
        if (records.deferred || Date.now() - lastPersist < PERSIST_EVERY_MS) return;
        lastPersist = Date.now();
        await tx(db, { tenantId }, async (q) => {
          await updateStep(q, runId, step.name, stepRecord(progress));
          cancelRequested = (await heartbeat(q, runId)) || cancelRequested;
        });
      },
    });
    let status: StepStatus;
    let message: string | null = null;
    try {
      await step.run(context);
      await flush();
      status = progress.failed > 0 ? 'partial' : 'succeeded';
      if (options.failFast && progress.failed > 0) throw new StopRun('fail_fast');
    } catch (error) {
      await flush();
      if (error instanceof StopRun) {
        stopped = error.reason;
        status = error.reason === 'cancelled' ? 'cancelled' : 'failed';
        message =
          error.reason === 'cancelled'
            ? 'Cancelled'
            : 'Stopped at the first rejected row (--fail-fast)';
      } else {
        status = 'failed';
        message =
          error instanceof ImportStepError
            ? error.message
            : `Unexpected error: ${errorMessage(error)}`;
        if (error instanceof ImportStepError) stepLog.warn({ err: error }, 'step failed');
        else stepLog.error({ err: error }, 'step failed unexpectedly');
        await recordErrors([
          {
            step: step.name,
            file: null,
            row: null,
            column: null,
            value: null,
            code: error instanceof ImportStepError ? error.code : 'step_failed',
            message,
            raw: null,
          },
        ]);
        if (options.failFast) stopped = 'fail_fast';
      }
    }
    progress.status = status;
    const finishedAt = new Date();
    const durationMs = finishedAt.getTime() - startedAt.getTime();
    progress.rate = Math.round(progress.done / Math.max(durationMs / 1000, 0.001));
    await records.write((q) =>
      updateStep(q, runId, step.name, { ...stepRecord(progress), finishedAt, durationMs, message }),
    );
    if (mode === 'commit' && (status === 'succeeded' || status === 'partial')) {
      await source.stepSucceeded?.(step.name);
    }
    stepLog.info(
      { status, durationMs, counts: Object.fromEntries(ROW_OUTCOMES.map((o) => [o, progress[o]])) },
      'step finished',
    );
    return { durationMs, message };
  };

  const stepsByName = new Map(pipeline.steps.map((s) => [s.name, s]));
  const outcomes = new Map<string, { durationMs?: number; message?: string | null }>();
  const runAll = async (scope: Scope) => {
    for (const [i, name] of plan.entries()) {
      const step = stepsByName.get(name);
      const progress = live.steps[i];
      if (!step || !progress) continue;
      outcomes.set(name, (await runStep(step, progress, scope)) ?? {});
    }
  };

  log.info({ plan, mode, source: source.describe() }, 'import started');
  let failure: string | null = null;
  try {
    if (mode === 'commit') {
      await runAll((work) => tx(db, { tenantId }, work));
    } else {
      await tx(db, { tenantId }, async (outer) => {
        await runAll((work) => outer.transaction(work));
        outer.rollback();
      }).catch((error: unknown) => {
        if (!(error instanceof TransactionRollbackError)) throw error;
      });
    }
  } catch (error) {
    failure = `The run stopped unexpectedly: ${errorMessage(error)}`;
    log.error({ err: error }, 'import run failed');
  }
  const status: FinalStatus = failure ? 'failed' : runStatus(live.steps, stopped);
  try {
    await records.flush();
    await tx(db, { tenantId }, (q) => finishRun(q, runId, status, failure));
  } finally {
    liveProgress.finish(runId);
  }
  log.info({ status, errors: errorTotal }, 'import finished');

  const changed = live.steps.some((s) => s.created + s.updated > 0);
  if (mode === 'commit' && (status === 'succeeded' || changed)) {
    await notifyImportSucceeded(
      { tenantId, pipeline: pipeline.name, runId, status, affects: pipeline.affects ?? [] },
      (error) => log.error({ err: error }, 'an import listener failed'),
    );
  }

  const steps: StepSummary[] = live.steps.map((s) => ({
    name: s.name,
    status: s.status,
    read: s.read,
    created: s.created,
    updated: s.updated,
    unchanged: s.unchanged,
    skipped: s.skipped,
    failed: s.failed,
    durationMs: outcomes.get(s.name)?.durationMs,
    message: outcomes.get(s.name)?.message ?? undefined,
  }));
  return {
    runId,
    status,
    plan,
    warnings,
    steps,
    errors,
    ...(errorTotal > errors.length ? { errorsOmitted: errorTotal - errors.length } : {}),
  };
}
