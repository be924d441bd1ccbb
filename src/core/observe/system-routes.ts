import { z } from 'zod';
import { recordAudit } from '../audit/service.js';
import type { Db } from '../db/client.js';
import { tx } from '../db/tx.js';
import type { HttpApp } from '../http/types.js';
import { sendTestAlert, type Alerter } from './alerts.js';

export interface SystemRouteDeps {
  db: Db;
  alerter: Alerter;
}

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
      await tx(deps.db, { allTenants: true }, (q) =>
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
