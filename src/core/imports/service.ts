import { randomUUID } from 'node:crypto';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline as pipe } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import type { RequestContext } from '../access/request-context.js';
import { recordAudit } from '../audit/service.js';
import type { ImportsConfig } from '../config/config.js';
import type { Db } from '../db/client.js';
import { tx } from '../db/tx.js';
import { AppError, ConflictError, NotFoundError, ValidationError } from '../errors.js';
import {
  errorCount,
  errorFiles,
  findRun,
  insertRun,
  type NewRun,
  lastScheduledFailure,
  listRowErrors,
  listRuns,
  rejectedRowsPage,
  requestCancel,
  runSteps,
  saveSchedule,
  skipPendingSteps,
  finishRun,
  tenantSchedules,
  tenantTimezone,
} from './data.js';
import { runOptionsOf } from './engine.js';
import { resolvePlan } from './plan.js';
import { liveProgress } from './progress.js';
import { folderSource } from './sources/folder.js';
import { extractZip } from './sources/zip.js';
import { assertUploadKind, fileHead } from '../http/uploads.js';
import type { PlanRequest, SourceRef } from './types.js';
import { nextCronRun, type RegisteredPipeline } from './worker.js';

export interface ImportsServiceDeps {
  db: Db;
  pipelines: readonly RegisteredPipeline[];
  config: ImportsConfig;
  dataDir: string;
  /** Asks the import job to pick up queued runs. */
  trigger(): void;
}

export const DEFAULT_CRON = '0 2 * * *';

function tenantOf(ctx: RequestContext) {
  if (!ctx.tenant) throw new ValidationError('Choose a tenant first');
  return ctx.tenant;
}

/** The pipelines of the modules the caller's tenant has. */
function available(deps: ImportsServiceDeps, ctx: RequestContext) {
  const tenant = tenantOf(ctx);
  return deps.pipelines.filter((p) => tenant.modules.includes(p.module));
}

function pipelineOf(deps: ImportsServiceDeps, ctx: RequestContext, name: string) {
  const found = available(deps, ctx).find((p) => p.pipeline.name === name);
  if (!found) throw new NotFoundError(`Import pipeline "${name}"`);
  return found;
}

const uploadDir = (deps: ImportsServiceDeps, tenantId: string, uploadId: string) =>
  path.join(deps.dataDir, 'imports', tenantId, 'uploads', uploadId);

function uploadFolder(deps: ImportsServiceDeps, tenantId: string, uploadId: string) {
  const dir = path.join(uploadDir(deps, tenantId, uploadId), 'files');
  if (!existsSync(dir)) throw new NotFoundError('Upload');
  return dir;
}

interface UploadMeta {
  fileName: string;
  files: string[];
}

const readMeta = async (deps: ImportsServiceDeps, tenantId: string, uploadId: string) =>
  JSON.parse(
    await readFile(path.join(uploadDir(deps, tenantId, uploadId), 'upload.json'), 'utf8'),
  ) as UploadMeta;

export function overview(deps: ImportsServiceDeps, ctx: RequestContext) {
  const tenant = tenantOf(ctx);
  return tx(deps.db, { tenantId: tenant.id }, async (q) => ({
    pipelines: available(deps, ctx).map(({ pipeline, label }) => ({
      name: pipeline.name,
      label,
      steps: pipeline.steps.map((s) => ({
        name: s.name,
        dependsOn: [...s.dependsOn],
        reads: [...s.reads],
      })),
    })),
    salesforce: { configured: deps.config.salesforce !== null },
    lastScheduledFailure: await lastScheduledFailure(q),
  }));
}

/** Stores an uploaded zip, extracts its data files, and returns what it holds. */
export async function saveUpload(
  deps: ImportsServiceDeps,
  ctx: RequestContext,
  upload: { filename: string; file: Readable & { truncated?: boolean } },
) {
  const tenant = tenantOf(ctx);
  if (!/\.zip$/i.test(upload.filename)) {
    upload.file.resume();
    throw new ValidationError('Upload a .zip file of the exported CSV (or XLSX) files');
  }
  const uploadId = randomUUID();
  const dir = uploadDir(deps, tenant.id, uploadId);
  await mkdir(dir, { recursive: true });
  const zipPath = path.join(dir, 'upload.zip');
  try {
    await pipe(upload.file, createWriteStream(zipPath));
    if (upload.file.truncated) {
      throw new AppError(
        413,
        'payload_too_large',
        `The upload is larger than ${Math.round(deps.config.uploadMaxBytes / 1024 / 1024)} MB`,
      );
    }
    assertUploadKind(upload.filename, await fileHead(zipPath), ['zip']);
    const files = await extractZip(zipPath, path.join(dir, 'files'));
    // Each extracted file is what its name says: a CSV is text, an XLSX a zip (Office Open XML).
    for (const file of files) {
      assertUploadKind(file, await fileHead(path.join(dir, 'files', file)), ['csv', 'xlsx']);
    }
    const meta: UploadMeta = { fileName: upload.filename, files: files.sort() };
    await writeFile(path.join(dir, 'upload.json'), JSON.stringify(meta));
    return { uploadId, ...meta };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  } finally {
    await rm(zipPath, { force: true });
  }
}

/** The plan for `only`/`exclude`, with what each step reads and, for an upload, what is missing. */
export async function planPreview(
  deps: ImportsServiceDeps,
  ctx: RequestContext,
  name: string,
  request: PlanRequest & { uploadId?: string },
) {
  const { pipeline } = pipelineOf(deps, ctx, name);
  const { plan, warnings } = resolvePlan(pipeline, request);
  const source = request.uploadId
    ? folderSource(uploadFolder(deps, tenantOf(ctx).id, request.uploadId))
    : undefined;
  const steps = [];
  for (const stepName of plan) {
    const step = pipeline.steps.find((s) => s.name === stepName);
    if (!step) continue;
    const missing = [];
    for (const object of step.reads) {
      if (source && !(await source.has(object))) missing.push(object);
    }
    steps.push({
      name: step.name,
      dependsOn: [...step.dependsOn],
      reads: [...step.reads],
      missing,
    });
  }
  return { plan: steps, warnings };
}

export interface StartRunInput {
  pipeline: string;
  source: { type: 'upload'; uploadId: string } | { type: 'salesforce' };
  only?: string[];
  exclude?: string[];
  validateOnly?: boolean;
  failFast?: boolean;
}

async function sourceOf(
  deps: ImportsServiceDeps,
  tenantId: string,
  source: StartRunInput['source'],
): Promise<{ ref: SourceRef; description: string }> {
  if (source.type === 'salesforce') {
    if (!deps.config.salesforce) {
      throw new ValidationError('No Salesforce connection is configured');
    }
    return { ref: { kind: 'salesforce' }, description: 'Salesforce API' };
  }
  const dir = uploadFolder(deps, tenantId, source.uploadId);
  const meta = await readMeta(deps, tenantId, source.uploadId);
  return { ref: { kind: 'folder', path: dir }, description: `Upload ${meta.fileName}` };
}

/** Records a queued run, audits its start, and wakes the import job. */
async function queueRun(
  deps: ImportsServiceDeps,
  ctx: RequestContext,
  run: Omit<NewRun, 'tenantId' | 'status' | 'triggeredBy'>,
  meta: Record<string, unknown>,
): Promise<string> {
  const tenant = tenantOf(ctx);
  const runId = await tx(deps.db, { tenantId: tenant.id, userId: ctx.user?.id }, async (q) => {
    const id = await insertRun(q, {
      ...run,
      tenantId: tenant.id,
      status: 'queued',
      triggeredBy: ctx.user ? { type: 'user', userId: ctx.user.id } : { type: 'system' },
    });
    await recordAudit(q, ctx, {
      action: 'core.import.started',
      target: { type: 'import_run', id, label: `${run.pipeline}: ${run.source}` },
      meta: { plan: run.plan, ...meta },
    });
    return id;
  });
  deps.trigger();
  return runId;
}

/** Queues a run (the import job executes it) and audits the start. */
export async function startRun(
  deps: ImportsServiceDeps,
  ctx: RequestContext,
  input: StartRunInput,
) {
  const tenant = tenantOf(ctx);
  const { pipeline } = pipelineOf(deps, ctx, input.pipeline);
  const { plan, warnings } = resolvePlan(pipeline, input);
  const { ref, description } = await sourceOf(deps, tenant.id, input.source);
  const runId = await queueRun(
    deps,
    ctx,
    {
      pipeline: pipeline.name,
      source: description,
      sourceRef: ref,
      mode: input.validateOnly ? 'validate' : 'commit',
      options: runOptionsOf(input),
      plan,
      warnings,
    },
    { validateOnly: Boolean(input.validateOnly), failFast: Boolean(input.failFast) },
  );
  return { runId, plan, warnings };
}

export async function runsPage(
  deps: ImportsServiceDeps,
  ctx: RequestContext,
  query: { page: number; pageSize: number; pipeline?: string },
) {
  const tenant = tenantOf(ctx);
  const { items, total } = await tx(deps.db, { tenantId: tenant.id }, (q) =>
    listRuns(q, { pipeline: query.pipeline }, query.page, query.pageSize),
  );
  return {
    items: items.map((run) => ({
      ...run,
      durationMs:
        run.startedAt && run.finishedAt ? run.finishedAt.getTime() - run.startedAt.getTime() : null,
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

async function visibleRun(deps: ImportsServiceDeps, ctx: RequestContext, runId: string) {
  const tenant = tenantOf(ctx);
  const run = await tx(deps.db, { tenantId: tenant.id }, (q) => findRun(q, runId));
  if (!run) throw new NotFoundError('Import run');
  return { tenant, run };
}

const RERUNNABLE = ['failed', 'cancelled', 'skipped'];

/** A run with its steps; while it works, the steps carry their live progress. */
export async function runDetail(deps: ImportsServiceDeps, ctx: RequestContext, runId: string) {
  const { tenant, run } = await visibleRun(deps, ctx, runId);
  const { steps, errors, files } = await tx(deps.db, { tenantId: tenant.id }, async (q) => ({
    steps: await runSteps(q, runId),
    errors: await errorCount(q, runId),
    files: await errorFiles(q, runId),
  }));
  const live = liveProgress.get(runId);
  const finished = !['queued', 'running'].includes(run.status);
  return {
    id: run.id,
    pipeline: run.pipeline,
    source: run.source,
    mode: run.mode,
    status: run.status,
    message: run.message,
    plan: run.plan,
    warnings: run.warnings,
    options: run.options,
    triggeredBy: run.triggeredBy,
    createdAt: run.createdAt,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    durationMs:
      run.startedAt && run.finishedAt ? run.finishedAt.getTime() - run.startedAt.getTime() : null,
    cancelRequested: run.cancelRequestedAt !== null,
    errorCount: errors,
    rejectedFiles: files.map((f) => ({ file: f.file, count: f.count })),
    canRerun:
      finished && run.sourceRef !== null && steps.some((s) => RERUNNABLE.includes(s.status)),
    steps: steps.map((step) => {
      const progress = live?.steps.find((s) => s.name === step.name);
      const counts = progress && progress.status !== 'pending' ? progress : step;
      return {
        name: step.name,
        status: progress?.status ?? step.status,
        read: counts.read,
        created: counts.created,
        updated: counts.updated,
        unchanged: counts.unchanged,
        skipped: counts.skipped,
        failed: counts.failed,
        total: progress ? progress.total : step.total,
        rate: progress?.rate ?? null,
        startedAt: step.startedAt,
        finishedAt: step.finishedAt,
        durationMs: step.durationMs,
        message: step.message,
      };
    }),
  };
}

export async function runErrors(
  deps: ImportsServiceDeps,
  ctx: RequestContext,
  runId: string,
  query: { page: number; pageSize: number; step?: string; file?: string },
) {
  const { tenant } = await visibleRun(deps, ctx, runId);
  const { items, total } = await tx(deps.db, { tenantId: tenant.id }, (q) =>
    listRowErrors(q, runId, query, query.page, query.pageSize),
  );
  return { items, total, page: query.page, pageSize: query.pageSize };
}

/**
 * The rejected rows of one file as CSV: the file's own columns, then `error`, streamed page by
 * page so a large error list never sits in memory.
 */
export async function rejectedRowsCsv(
  deps: ImportsServiceDeps,
  ctx: RequestContext,
  runId: string,
  file: string,
): Promise<Readable> {
  const { tenant } = await visibleRun(deps, ctx, runId);
  const first = await tx(deps.db, { tenantId: tenant.id }, (q) =>
    rejectedRowsPage(q, runId, file, 0),
  );
  if (first.length === 0) throw new NotFoundError(`Rejected rows of ${file}`);
  const columns = (first[0]?.raw ?? []).map(([column]) => column);
  async function* records() {
    yield [...columns, 'error'];
    let page = first;
    while (page.length > 0) {
      for (const error of page) {
        const values = new Map(error.raw ?? []);
        yield [...columns.map((c) => values.get(c) ?? ''), error.message];
      }
      const last = page.at(-1)?.id ?? 0;
      page = await tx(deps.db, { tenantId: tenant.id }, (q) =>
        rejectedRowsPage(q, runId, file, last),
      );
    }
  }
  return Readable.from(records()).pipe(stringify({ bom: true }));
}

/** Stops a run: a queued one at once, a working one at its next batch. Audited. */
export async function cancelRun(deps: ImportsServiceDeps, ctx: RequestContext, runId: string) {
  const { tenant, run } = await visibleRun(deps, ctx, runId);
  if (!['queued', 'running'].includes(run.status)) {
    throw new ConflictError(`The run already ended (${run.status})`);
  }
  await tx(deps.db, { tenantId: tenant.id, userId: ctx.user?.id }, async (q) => {
    if (run.status === 'queued') {
      await finishRun(q, runId, 'cancelled', 'Cancelled before it started');
      await skipPendingSteps(q, runId, 'Not run: the run was cancelled');
    } else {
      await requestCancel(q, runId);
    }
    await recordAudit(q, ctx, {
      action: 'core.import.cancelled',
      target: { type: 'import_run', id: runId, label: `${run.pipeline}: ${run.source}` },
      meta: { status: run.status },
    });
  });
  liveProgress.requestCancel(runId);
}

/** A new run of the same source and options with only the steps that did not finish. */
export async function rerunFailedSteps(
  deps: ImportsServiceDeps,
  ctx: RequestContext,
  runId: string,
) {
  const { tenant, run } = await visibleRun(deps, ctx, runId);
  const steps = await tx(deps.db, { tenantId: tenant.id }, (q) => runSteps(q, runId));
  const failed = steps.filter((s) => RERUNNABLE.includes(s.status)).map((s) => s.name);
  if (['queued', 'running'].includes(run.status)) {
    throw new ConflictError('The run has not ended yet');
  }
  if (failed.length === 0) throw new ConflictError('Every step of this run finished');
  if (!run.sourceRef) throw new ConflictError('The source of this run is not kept');
  if (run.sourceRef.kind === 'folder' && !existsSync(run.sourceRef.path)) {
    throw new ConflictError('The uploaded files of this run are no longer kept');
  }
  const { pipeline } = pipelineOf(deps, ctx, run.pipeline);
  const { plan, warnings } = resolvePlan(pipeline, { only: failed });
  const newRunId = await queueRun(
    deps,
    ctx,
    {
      pipeline: run.pipeline,
      source: run.source,
      sourceRef: run.sourceRef,
      mode: run.mode,
      options: { ...run.options, only: failed, exclude: undefined },
      plan,
      warnings,
    },
    { rerunOf: runId },
  );
  return { runId: newRunId, plan, warnings };
}

export async function schedules(deps: ImportsServiceDeps, ctx: RequestContext) {
  const tenant = tenantOf(ctx);
  const { saved, timezone } = await tx(deps.db, { tenantId: tenant.id }, async (q) => ({
    saved: await tenantSchedules(q),
    timezone: await tenantTimezone(q, tenant.id),
  }));
  return available(deps, ctx).map(({ pipeline }) => {
    const schedule = saved.find((s) => s.pipeline === pipeline.name);
    const cron = schedule?.cron ?? DEFAULT_CRON;
    const enabled = schedule?.enabled ?? false;
    return {
      pipeline: pipeline.name,
      cron,
      enabled,
      lastScheduledAt: schedule?.lastScheduledAt ?? null,
      nextRunAt: enabled ? nextCronRun(cron, new Date(), timezone) : null,
    };
  });
}

/** Checks a cron expression; the message says what is wrong. */
export function cronProblem(cron: string): string | null {
  try {
    nextCronRun(cron, new Date());
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

export async function updateSchedule(
  deps: ImportsServiceDeps,
  ctx: RequestContext,
  name: string,
  input: { cron: string; enabled: boolean },
) {
  const tenant = tenantOf(ctx);
  pipelineOf(deps, ctx, name);
  const problem = cronProblem(input.cron);
  if (problem) {
    throw new ValidationError('The schedule is not a valid cron expression', [
      { path: 'cron', message: problem },
    ]);
  }
  if (input.enabled && !deps.config.salesforce) {
    throw new ValidationError(
      'Scheduled imports read the Salesforce API, which is not configured',
      [{ path: 'enabled', message: 'needs a Salesforce connection (SALESFORCE_* variables)' }],
    );
  }
  await tx(deps.db, { tenantId: tenant.id, userId: ctx.user?.id }, async (q) => {
    await saveSchedule(q, { tenantId: tenant.id, pipeline: name, ...input, userId: ctx.user?.id });
    await recordAudit(q, ctx, {
      action: 'core.import.schedule_updated',
      target: { type: 'import_schedule', label: name },
      meta: input,
    });
  });
  return (await schedules(deps, ctx)).find((s) => s.pipeline === name);
}
