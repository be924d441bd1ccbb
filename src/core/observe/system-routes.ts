import { z } from 'zod';
import { recordAudit } from '../audit/service.js';
import type { Database } from '../db/client.js';
import { tx } from '../db/tx.js';
import { EMAIL_STATUSES } from '../email/schema.js';
import { RUN_STATUSES } from '../imports/schema.js';
import type { JobRunner } from '../jobs/runner.js';
import type { HttpApp } from '../http/types.js';
import { sendTestAlert, type Alerter } from './alerts.js';
import { systemStatus } from './system-status.js';

export interface SystemRouteDeps {
  database: Database;
  alerter: Alerter;
  jobs?: JobRunner;
}

const count = z.number().int();
const statusReply = z.object({
  scope: z.enum(['platform', 'tenant']),
  database: z.object({
    status: z.enum(['ok', 'unreachable']),
    pool: z.object({ total: count, idle: count, waiting: count, max: count }).nullable(),
  }),
  jobs: z
    .array(
      z.object({
        name: z.string(),
        depth: count,
        failures: count,
        lastSuccessAt: z.date().nullable(),
        lastFailureAt: z.date().nullable(),
        waitingSince: z.date().nullable(),
        stalled: z.boolean(),
      }),
    )
    .nullable(),
  emails: z.record(z.enum(EMAIL_STATUSES), count),
  imports: z.array(
    z.object({
      id: z.string(),
      tenantName: z.string(),
      pipeline: z.string(),
      status: z.enum(RUN_STATUSES),
      createdAt: z.date(),
      finishedAt: z.date().nullable(),
    }),
  ),
  cache: z.object({
    entries: count,
    hits: z.number().optional(),
    misses: z.number().optional(),
    hitRatio: z.number().nullable().optional(),
  }),
  alerts: z.object({ enabled: z.boolean(), webhookConfigured: z.boolean() }).nullable(),
});

const testAlertReply = z.object({
  outcome: z.enum(['sent', 'disabled', 'failed', 'suppressed']),
  message: z.string(),
});

const MESSAGES = {
  sent: 'The test alert was posted to the alert webhook.',
  disabled: 'Alerts are off here: set ALERT_WEBHOOK_URL and ALERTS_ENABLED=on.',
  failed: 'The alert webhook could not be reached; see the server log.',
  suppressed: 'An identical alert was sent in the last 15 minutes.',
} as const;

/** Platform health for administrators, and the synthetic test alert (site admins). */
export function systemRoutes(app: HttpApp, deps: SystemRouteDeps) {
  app.get(
    '/api/system/status',
    {
      config: { permission: ['read', 'System'] },
      schema: {
        tags: ['platform'],
        summary: 'Health of the database, jobs, email, imports and the report cache',
        response: { 200: statusReply },
      },
    },
    async (request) =>
      systemStatus(
        { database: deps.database, jobs: deps.jobs, alerts: deps.alerter.settings },
        request.ctx,
      ),
  );

  app.post(
    '/api/system/test-alert',
    {
      config: { permission: ['manage', 'Platform'] },
      schema: {
        tags: ['platform'],
        summary: 'Send a synthetic alert to the alert webhook',
        response: { 200: testAlertReply },
      },
    },
    async (request) => {
      const outcome = await sendTestAlert(deps.alerter, 'a site administrator');
      await tx(deps.database.db, { allTenants: true }, (q) =>
        recordAudit(q, request.ctx, {
          action: 'core.alert.test',
          tenantId: null,
          outcome: outcome === 'sent' ? 'success' : 'failed',
          meta: { outcome },
        }),
      );
      return { outcome, message: MESSAGES[outcome] };
    },
  );
}
