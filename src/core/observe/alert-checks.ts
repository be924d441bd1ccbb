import { and, count, eq, gt, sql } from 'drizzle-orm';
import { auditLog } from '../audit/schema.js';
import type { Db } from '../db/client.js';
import { tx } from '../db/tx.js';
import { emailAttempts } from '../email/schema.js';
import { importRuns } from '../imports/schema.js';
import type { JobRunner } from '../jobs/runner.js';
import { ALERT_DEDUP_MINUTES, type Alert, type Alerter, type AlertOutcome } from './alerts.js';

/** Alert thresholds: what counts as a spike or a stall. */
export const ALERT_THRESHOLDS = {
  /** Window of the checks, in minutes. */
  windowMinutes: ALERT_DEDUP_MINUTES,
  /** Emails that finally failed (no retry left) in the window. */
  emailFailures: 5,
  /** Server errors in the auth routes (this instance) plus account lockouts, in the window. */
  authErrors: 5,
  /** A job with work waiting this long without a run finishing is stalled. */
  jobStallMinutes: 15,
};

/**
 * Server errors of the sign-in and account routes, recorded by the request hook. Kept in memory
 * per instance: the check reads the last window's count (lockouts come from the shared audit log).
 */
export class AuthErrorTracker {
  private times: number[] = [];

  record(at = Date.now()) {
    this.times.push(at);
    if (this.times.length > 10_000) this.times.splice(0, this.times.length - 10_000);
  }

  countSince(since: number): number {
    this.times = this.times.filter((t) => t >= since);
    return this.times.length;
  }
}

export const authErrors = new AuthErrorTracker();

export interface AlertCheckDeps {
  db: Db;
  alerter: Alerter;
  jobs?: JobRunner;
  authErrors?: AuthErrorTracker;
  now?: () => Date;
}

const since = (minutes: number) => sql`now() - ${sql.raw(`interval '${minutes} minutes'`)}`;

async function importFailures(db: Db): Promise<Alert | null> {
  const failed = await tx(db, { allTenants: true }, (q) =>
    q
      .select({ pipeline: importRuns.pipeline, n: count() })
      .from(importRuns)
      .where(
        and(
          eq(importRuns.status, 'failed'),
          gt(importRuns.finishedAt, since(ALERT_THRESHOLDS.windowMinutes)),
        ),
      )
      .groupBy(importRuns.pipeline),
  );
  const total = failed.reduce((sum, row) => sum + row.n, 0);
  if (total === 0) return null;
  const pipelines = failed.map((row) => `${row.pipeline} (${row.n})`).join(', ');
  return {
    cause: 'import_failures',
    text: `${total} import run(s) failed in the last ${ALERT_THRESHOLDS.windowMinutes} minutes: ${pipelines}.`,
  };
}

async function emailFailureSpike(db: Db): Promise<Alert | null> {
  const [row] = await tx(db, { allTenants: true }, (q) =>
    q
      .select({ n: count() })
      .from(emailAttempts)
      .where(
        and(
          eq(emailAttempts.outcome, 'failed'),
          gt(emailAttempts.occurredAt, since(ALERT_THRESHOLDS.windowMinutes)),
        ),
      ),
  );
  const n = row?.n ?? 0;
  if (n < ALERT_THRESHOLDS.emailFailures) return null;
  return {
    cause: 'email_failures',
    text: `${n} emails could not be delivered in the last ${ALERT_THRESHOLDS.windowMinutes} minutes (check the email transport).`,
  };
}

async function repeatedAuthErrors(deps: AlertCheckDeps, now: Date): Promise<Alert | null> {
  const windowMs = ALERT_THRESHOLDS.windowMinutes * 60_000;
  const errors = (deps.authErrors ?? authErrors).countSince(now.getTime() - windowMs);
  const [row] = await tx(deps.db, { allTenants: true }, (q) =>
    q
      .select({ n: count() })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.action, 'core.auth.lockout'),
          gt(auditLog.occurredAt, since(ALERT_THRESHOLDS.windowMinutes)),
        ),
      ),
  );
  const lockouts = row?.n ?? 0;
  if (errors + lockouts < ALERT_THRESHOLDS.authErrors) return null;
  return {
    cause: 'auth_errors',
    text: `Repeated authentication problems in the last ${ALERT_THRESHOLDS.windowMinutes} minutes: ${errors} server error(s) in sign-in routes, ${lockouts} account lockout(s).`,
  };
}

async function stalledJobs(deps: AlertCheckDeps, now: Date): Promise<Alert[]> {
  if (!deps.jobs) return [];
  const limit = now.getTime() - ALERT_THRESHOLDS.jobStallMinutes * 60_000;
  return (await deps.jobs.health())
    .filter((job) => job.waitingSince && job.waitingSince.getTime() < limit)
    .map((job) => ({
      cause: `job_stall:${job.name}`,
      text: `Background job ${job.name} is stalled: ${job.depth} run(s) waiting since ${job.waitingSince?.toISOString()}.`,
    }));
}

/** Every alert condition now true (without sending anything). */
export async function currentAlerts(deps: AlertCheckDeps): Promise<Alert[]> {
  const now = deps.now?.() ?? new Date();
  const found = await Promise.all([
    importFailures(deps.db),
    emailFailureSpike(deps.db),
    repeatedAuthErrors(deps, now),
  ]);
  return [
    ...found.filter((alert): alert is Alert => alert !== null),
    ...(await stalledJobs(deps, now)),
  ];
}

/** Checks every condition and sends what is true (each cause at most once per 15 minutes). */
export async function checkAlerts(
  deps: AlertCheckDeps,
): Promise<{ cause: string; outcome: AlertOutcome }[]> {
  const results = [];
  for (const alert of await currentAlerts(deps)) {
    results.push({ cause: alert.cause, outcome: await deps.alerter.send(alert) });
  }
  return results;
}

export const ALERTS_JOB = 'platform.alerts';

/** The alert check as a background job, every minute. */
export function registerAlertsJob(jobs: JobRunner, deps: Omit<AlertCheckDeps, 'jobs'>) {
  jobs.register(ALERTS_JOB, async () => void (await checkAlerts({ ...deps, jobs })), {
    everySeconds: 60,
  });
}
