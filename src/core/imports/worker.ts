import { Cron } from 'croner';
import type { Logger } from 'pino';
import { tenantIsWritable } from '../billing/read-only.js';
import type { ImportsConfig } from '../config/config.js';
import type { Db } from '../db/client.js';
import { tx } from '../db/tx.js';
import type { EmailSender } from '../email/sender.js';
import {
  claimRun,
  enabledSchedules,
  findRun,
  finishRun,
  hasActiveRun,
  insertRun,
  markScheduled,
  queuedRuns,
  skipPendingSteps,
  staleRuns,
  tenantAdminEmails,
} from './data.js';
import { runImport, runOptionsOf } from './engine.js';
import { resolvePlan } from './plan.js';
import { liveProgress } from './progress.js';
import { openSource } from './source-ref.js';
import { errorMessage } from './step-context.js';
import type { ImportPipeline, RunSummary } from './types.js';

/** A pipeline and the module that declares it (a tenant sees it only with that module on). */
export interface RegisteredPipeline {
  module: string;
  label: string;
  pipeline: ImportPipeline;
}

export interface WorkerDeps {
  db: Db;
  logger: Logger;
  config: ImportsConfig;
  pipelines: readonly RegisteredPipeline[];
  emailSender: EmailSender;
  baseUrl: string;
}

/** A committing run whose heartbeat stopped this long ago has crashed. */
const STALE_COMMIT_MS = 10 * 60 * 1000;
/** A validate-only run writes no heartbeat while it works; give it hours. */
const STALE_VALIDATE_MS = 6 * 60 * 60 * 1000;

/** Marks runs whose process died as failed, so the next run reads with the failed-run overlap. */
export async function reapStaleRuns(deps: WorkerDeps, now = new Date()): Promise<number> {
  const stale = await tx(deps.db, { allTenants: true }, (q) =>
    staleRuns(
      q,
      new Date(now.getTime() - STALE_COMMIT_MS),
      new Date(now.getTime() - STALE_VALIDATE_MS),
    ),
  );
  const crashed = stale.filter((run) => !liveProgress.get(run.id));
  for (const run of crashed) {
    await tx(deps.db, { tenantId: run.tenantId }, async (q) => {
      await finishRun(q, run.id, 'failed', 'The run was interrupted (its process stopped)');
      await skipPendingSteps(q, run.id, 'Not run: the run was interrupted');
    });
    deps.logger.warn({ runId: run.id }, 'import run interrupted; marked failed');
  }
  return crashed.length;
}

async function emailTenantAdmins(deps: WorkerDeps, tenantId: string, summary: RunSummary) {
  const source = await tx(deps.db, { tenantId }, async (q) => {
    const run = await findRun(q, summary.runId);
    const failedRows = summary.steps.reduce((n, s) => n + s.failed, 0);
    for (const to of await tenantAdminEmails(q)) {
      await deps.emailSender.send(q, {
        template: 'import-finished-with-errors',
        to,
        tenantId,
        data: {
          source: `${run?.source ?? 'the import'} (${run?.pipeline ?? ''})`,
          status: summary.status,
          failedRows,
          url: `${deps.baseUrl}/imports/${summary.runId}`,
        },
      });
    }
    return run?.source;
  });
  deps.logger.info({ runId: summary.runId, source }, 'emailed the tenant admins about the import');
}

/** Executes one claimed run; a source that cannot be opened fails the run with its reason. */
async function executeRun(deps: WorkerDeps, runId: string, tenantId: string) {
  const run = await tx(deps.db, { tenantId }, (q) => findRun(q, runId));
  const registered = deps.pipelines.find((p) => p.pipeline.name === run?.pipeline);
  if (!run || !registered || !run.sourceRef) {
    await tx(deps.db, { tenantId }, async (q) => {
      await finishRun(q, runId, 'failed', 'The pipeline or source of this run is unknown');
      await skipPendingSteps(q, runId, 'Not run');
    });
    return;
  }
  let summary: RunSummary;
  try {
    const source = await openSource(run.sourceRef, {
      db: deps.db,
      config: deps.config,
      tenantId,
      pipeline: run.pipeline,
      runId,
    });
    summary = await runImport(deps, {
      tenantId,
      pipeline: registered.pipeline,
      source,
      runId,
      ...run.options,
      validateOnly: run.mode === 'validate',
      triggeredBy:
        run.triggeredBy === 'user' && run.triggeredByUserId
          ? { type: 'user', userId: run.triggeredByUserId }
          : { type: run.triggeredBy === 'schedule' ? 'schedule' : 'system' },
    });
  } catch (error) {
    const message = errorMessage(error);
    deps.logger.error({ err: error, runId }, 'import run could not start');
    await tx(deps.db, { tenantId }, async (q) => {
      await finishRun(q, runId, 'failed', message);
      await skipPendingSteps(q, runId, `Not run: ${message}`);
    });
    summary = { runId, status: 'failed', plan: run.plan, warnings: [], steps: [], errors: [] };
  }
  if (run.triggeredBy === 'schedule' && summary.status !== 'succeeded') {
    await emailTenantAdmins(deps, tenantId, summary);
  }
}

/** The import job: claims queued runs one at a time and executes them, until none is left. */
export async function drainQueuedRuns(deps: WorkerDeps): Promise<number> {
  await reapStaleRuns(deps);
  let executed = 0;
  for (;;) {
    const queued = await tx(deps.db, { allTenants: true }, (q) => queuedRuns(q));
    let claimedAny = false;
    for (const run of queued) {
      const claimed = await tx(deps.db, { tenantId: run.tenantId }, (q) => claimRun(q, run.id));
      if (!claimed) continue;
      claimedAny = true;
      executed += 1;
      await executeRun(deps, run.id, run.tenantId);
    }
    if (!claimedAny) return executed;
  }
}

/** When a cron expression next fires after `from`, in the tenant's time zone. */
export function nextCronRun(cron: string, from: Date, timezone?: string): Date | null {
  return new Cron(cron, { paused: true, timezone }).nextRun(from);
}

/**
 * The schedule job: queues a Salesforce run for each enabled schedule that is due, unless the
 * tenant already has one of that pipeline waiting or working. Returns how many it queued.
 */
export async function queueScheduledRuns(deps: WorkerDeps, now = new Date()): Promise<number> {
  if (!deps.config.salesforce) return 0;
  const schedules = await tx(deps.db, { allTenants: true }, (q) => enabledSchedules(q));
  let queued = 0;
  for (const schedule of schedules) {
    const registered = deps.pipelines.find((p) => p.pipeline.name === schedule.pipeline);
    if (!registered || !schedule.modules.includes(registered.module)) continue;
    const from = schedule.lastScheduledAt ?? schedule.updatedAt;
    const due = nextCronRun(schedule.cron, from, schedule.settings.timezone);
    if (!due || due > now) continue;
    const { plan, warnings } = resolvePlan(registered.pipeline);
    const created = await tx(deps.db, { tenantId: schedule.tenantId }, async (q) => {
      if (!(await markScheduled(q, schedule.pipeline, schedule.lastScheduledAt, now))) return false;
      // A read-only tenant (billing) changes nothing, scheduled imports included: this tick is skipped.
      if (!(await tenantIsWritable(q, schedule.tenantId))) return false;
      if (await hasActiveRun(q, schedule.pipeline)) return false;
      await insertRun(q, {
        tenantId: schedule.tenantId,
        pipeline: schedule.pipeline,
        source: 'Salesforce API (scheduled)',
        sourceRef: { kind: 'salesforce' },
        mode: 'commit',
        options: runOptionsOf({}),
        plan,
        warnings,
        status: 'queued',
        triggeredBy: { type: 'schedule' },
      });
      return true;
    });
    if (created) queued += 1;
  }
  return queued;
}
