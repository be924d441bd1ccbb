import { Counter, Gauge, Histogram, Registry } from 'prom-client';

/** The process's Prometheus metrics (exposed by the monitoring endpoint, `/metrics`). */
export const metrics = new Registry();

export const emailsTotal = new Counter({
  name: 'eduledger_emails_total',
  help: 'Email delivery attempts by template and resulting status',
  labelNames: ['template', 'status'] as const,
  registers: [metrics],
});

/** Labelled by the route pattern (`/api/users/:id`), never the raw URL: no ids or PII in labels. */
export const httpRequestDuration = new Histogram({
  name: 'eduledger_http_request_duration_seconds',
  help: 'HTTP request latency by method, route pattern and status code',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [metrics],
});

export const dbPoolConnections = new Gauge({
  name: 'eduledger_db_pool_connections',
  help: 'Database connections by state (total, idle, waiting clients, max); PGlite: one connection',
  labelNames: ['state'] as const,
  registers: [metrics],
});

export const jobQueueDepth = new Gauge({
  name: 'eduledger_job_queue_depth',
  help: 'Background job runs queued or running, per job',
  labelNames: ['job'] as const,
  registers: [metrics],
});

export const jobFailuresTotal = new Counter({
  name: 'eduledger_job_failures_total',
  help: 'Background job runs that threw, per job',
  labelNames: ['job'] as const,
  registers: [metrics],
});

export const importRunsByStatus = new Gauge({
  name: 'eduledger_import_runs',
  help: 'Import runs in the database by status (all tenants)',
  labelNames: ['status'] as const,
  registers: [metrics],
});

export const emailsByStatus = new Gauge({
  name: 'eduledger_email_outbox',
  help: 'Emails in the outbox by status (all tenants)',
  labelNames: ['status'] as const,
  registers: [metrics],
});

export const reportCacheLookups = new Counter({
  name: 'eduledger_report_cache_lookups_total',
  help: 'Report cache reads by result (hit or miss); hit ratio = hit / (hit + miss)',
  labelNames: ['result'] as const,
  registers: [metrics],
});
