import { count, desc, eq, sql } from 'drizzle-orm';
import type { RequestContext } from '../access/request-context.js';
import type { Database } from '../db/client.js';
import { tenants } from '../db/schema.js';
import { tx, type TxScope } from '../db/tx.js';
import { emailOutbox, EMAIL_STATUSES, type EmailStatus } from '../email/schema.js';
import { importRuns } from '../imports/schema.js';
import type { JobRunner } from '../jobs/runner.js';
import { reportCache } from '../reports/schema.js';
import { ALERT_THRESHOLDS } from './alert-checks.js';
import type { AlertSettings } from './alerts.js';
import { reportCacheLookups } from './metrics.js';

export interface SystemStatusDeps {
  database: Database;
  jobs?: JobRunner;
  alerts: AlertSettings;
}

const LAST_IMPORTS = 5;

/** Site admins see the platform; a tenant admin their tenant's emails, imports and cache. */
const scopeOf = (ctx: RequestContext): TxScope =>
  ctx.user?.isSiteAdmin ? { allTenants: true } : { tenantId: ctx.tenantId ?? '' };

async function databaseHealth(database: Database) {
  const ok = await database.db.execute(sql`select 1`).then(
    () => true,
    () => false,
  );
  return { status: ok ? ('ok' as const) : ('unreachable' as const) };
}

async function cacheHitRatio() {
  const { values } = await reportCacheLookups.get();
  const of = (result: string) => values.find((v) => v.labels.result === result)?.value ?? 0;
  const hits = of('hit');
  const misses = of('miss');
  return { hits, misses, hitRatio: hits + misses > 0 ? hits / (hits + misses) : null };
}

/** What the admin System page shows (GET /api/system/status). */
export async function systemStatus(deps: SystemStatusDeps, ctx: RequestContext) {
  const platform = ctx.user?.isSiteAdmin === true;
  const database = await databaseHealth(deps.database);
  const scoped = await tx(deps.database.db, scopeOf(ctx), async (q) => {
    const emailRows = await q
      .select({ status: emailOutbox.status, n: count() })
      .from(emailOutbox)
      .where(platform ? undefined : eq(emailOutbox.tenantId, ctx.tenantId ?? ''))
      .groupBy(emailOutbox.status);
    const imports = await q
      .select({
        id: importRuns.id,
        tenantName: tenants.name,
        pipeline: importRuns.pipeline,
        status: importRuns.status,
        createdAt: importRuns.createdAt,
        finishedAt: importRuns.finishedAt,
      })
      .from(importRuns)
      .innerJoin(tenants, eq(tenants.id, importRuns.tenantId))
      .orderBy(desc(importRuns.createdAt))
      .limit(LAST_IMPORTS);
    const [entries] = await q.select({ n: count() }).from(reportCache);
    return { emailRows, imports, cacheEntries: entries?.n ?? 0 };
  });
  const emails = Object.fromEntries(EMAIL_STATUSES.map((s) => [s, 0])) as Record<
    EmailStatus,
    number
  >;
  for (const row of scoped.emailRows) emails[row.status] = row.n;

  const stallBefore = Date.now() - ALERT_THRESHOLDS.jobStallMinutes * 60_000;
  const jobs =
    platform && deps.jobs
      ? (await deps.jobs.health()).map((job) => ({
          ...job,
          stalled: job.waitingSince !== null && job.waitingSince.getTime() < stallBefore,
        }))
      : null;
  return {
    scope: platform ? ('platform' as const) : ('tenant' as const),
    database: { ...database, pool: platform ? deps.database.poolStats() : null },
    jobs,
    emails,
    imports: scoped.imports,
    cache: { entries: scoped.cacheEntries, ...(platform ? await cacheHitRatio() : {}) },
    alerts: platform
      ? { enabled: deps.alerts.enabled, webhookConfigured: deps.alerts.webhookUrl !== null }
      : null,
  };
}
