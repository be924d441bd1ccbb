import { timingSafeEqual } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/client.js';
import { tx } from '../db/tx.js';
import { emailOutbox } from '../email/schema.js';
import { AppError } from '../errors.js';
import { importRuns } from '../imports/schema.js';
import type { JobRunner } from '../jobs/runner.js';
import { authErrors } from './alert-checks.js';
import {
  dbPoolConnections,
  emailsByStatus,
  httpRequestDuration,
  importRunsByStatus,
  jobQueueDepth,
  metrics,
} from './metrics.js';

export interface MetricsDeps {
  database: Database;
  /** Bearer token; null: the endpoint does not exist (404). */
  token: string | null;
  jobs?: JobRunner;
}

function tokenMatches(header: string | undefined, token: string): boolean {
  const match = /^Bearer (.+)$/.exec(header ?? '');
  if (!match?.[1]) return false;
  const given = Buffer.from(match[1]);
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Rows per status of a table with a `status` column, across tenants. */
const countsBy = (database: Database, table: typeof importRuns | typeof emailOutbox) =>
  tx(database.db, { allTenants: true }, (q) =>
    q
      .select({ status: table.status, n: sql<number>`count(*)::int` })
      .from(table)
      .groupBy(table.status),
  );

/** Sets the gauges that are read from the database, the pool and the job runner at scrape time. */
export async function refreshGauges(deps: MetricsDeps): Promise<void> {
  const pool = deps.database.poolStats();
  for (const state of ['total', 'idle', 'waiting', 'max'] as const) {
    dbPoolConnections.set({ state }, pool[state]);
  }
  importRunsByStatus.reset();
  for (const row of await countsBy(deps.database, importRuns)) {
    importRunsByStatus.set({ status: row.status }, row.n);
  }
  emailsByStatus.reset();
  for (const row of await countsBy(deps.database, emailOutbox)) {
    emailsByStatus.set({ status: row.status }, row.n);
  }
  if (deps.jobs) {
    jobQueueDepth.reset();
    for (const job of await deps.jobs.health()) jobQueueDepth.set({ job: job.name }, job.depth);
  }
}

/** Times every request by its route pattern (`/api/users/:id`), never the raw URL. */
export function instrumentRequests(app: FastifyInstance) {
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? '(unmatched)';
    if (route === '/metrics') return;
    if (route.startsWith('/api/auth') && reply.statusCode >= 500) authErrors.record();
    httpRequestDuration.observe(
      { method: request.method, route, status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });
}

/**
 * `GET /metrics` in the Prometheus text format, for a scraper holding METRICS_TOKEN. Without a
 * configured token the endpoint answers 404 (as if absent); a wrong or missing bearer, 401.
 */
export function metricsRoutes(app: FastifyInstance, deps: MetricsDeps) {
  app.get(
    '/metrics',
    { config: { permission: 'public' }, schema: { hide: true } },
    async (request, reply) => {
      if (!deps.token) throw new AppError(404, 'not_found', 'Not found');
      if (!tokenMatches(request.headers.authorization, deps.token)) {
        reply.header('www-authenticate', 'Bearer');
        throw new AppError(401, 'unauthorized', 'A valid metrics token is required');
      }
      await refreshGauges(deps);
      return reply.type(metrics.contentType).send(await metrics.metrics());
    },
  );
}
