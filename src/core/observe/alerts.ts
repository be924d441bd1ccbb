import { and, count, eq, gt, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import { auditLog } from '../audit/schema.js';
import { recordAudit } from '../audit/service.js';
import type { Db } from '../db/client.js';
import { tx } from '../db/tx.js';

/** One alert per cause per this many minutes, across every instance (the audit log holds it). */
export const ALERT_DEDUP_MINUTES = 15;
export const ALERT_ACTION = 'core.alert.sent';

export interface AlertSettings {
  /** Slack-compatible incoming webhook (POST `{"text": …}`); null: alerts are only logged. */
  webhookUrl: string | null;
  /** The per-environment switch (ALERTS_ENABLED). */
  enabled: boolean;
  /** Named in every message, so staging and production alerts are told apart. */
  environment: string;
}

export interface Alert {
  /** What went wrong, as a stable key: the de-duplication unit (e.g. `import_failures`). */
  cause: string;
  /** The message: counts and names of things, never people's data. */
  text: string;
}

export type AlertOutcome = 'sent' | 'suppressed' | 'disabled' | 'failed';

export interface Alerter {
  readonly settings: AlertSettings;
  /** Sends the alert unless one with the same cause went out in the last 15 minutes. */
  send(alert: Alert, options?: { dedupe?: boolean }): Promise<AlertOutcome>;
}

/**
 * Claims the cause for this window: under an advisory lock (instances queue on it), a cause
 * with an alert recorded in the window is refused; otherwise this alert is recorded.
 */
async function claimCause(db: Db, cause: string): Promise<boolean> {
  return tx(db, { allTenants: true }, async (q) => {
    await q.execute(sql`select pg_advisory_xact_lock(hashtext(${`alert:${cause}`}))`);
    const [recent] = await q
      .select({ n: count() })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.action, ALERT_ACTION),
          eq(auditLog.targetId, cause),
          gt(
            auditLog.occurredAt,
            sql`now() - ${sql.raw(`interval '${ALERT_DEDUP_MINUTES} minutes'`)}`,
          ),
        ),
      );
    if ((recent?.n ?? 0) > 0) return false;
    await recordAudit(
      q,
      { actor: { type: 'system' } },
      { action: ALERT_ACTION, tenantId: null, target: { type: 'alert', id: cause } },
    );
    return true;
  });
}

async function post(url: string, text: string): Promise<void> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ text }),
    signal: AbortSignal.timeout(10_000),
  });
  if (!response.ok) throw new Error(`webhook answered ${response.status}`);
}

export function createAlerter(db: Db, settings: AlertSettings, logger: Logger): Alerter {
  return {
    settings,
    async send(alert, { dedupe = true } = {}) {
      if (!settings.enabled || !settings.webhookUrl) {
        logger.warn({ cause: alert.cause }, `alert (webhook off): ${alert.text}`);
        return 'disabled';
      }
      if (dedupe && !(await claimCause(db, alert.cause))) return 'suppressed';
      try {
        await post(settings.webhookUrl, `[EduLedger ${settings.environment}] ${alert.text}`);
        logger.info({ cause: alert.cause }, 'alert sent');
        return 'sent';
      } catch (error) {
        logger.error({ err: error, cause: alert.cause }, 'could not send the alert');
        return 'failed';
      }
    },
  };
}

/** The synthetic alert of the System page and `eduledger alerts test` (never de-duplicated). */
export const sendTestAlert = (alerter: Alerter, requestedBy: string) =>
  alerter.send(
    {
      cause: 'test',
      text: `Test alert requested by ${requestedBy}: the alert webhook works.`,
    },
    { dedupe: false },
  );
