import { setTimeout as sleep } from 'node:timers/promises';
import { and, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Db } from '../db/client.js';
import { tx } from '../db/tx.js';
import { emailsTotal } from '../observe/metrics.js';
import { emailAttempts, emailBulkJobs, emailOutbox } from './schema.js';
import { isPermanentFailure, type Transport } from './transports.js';

export const MAX_ATTEMPTS = 5;
/** A claimed message not finished after this long is claimed again (the worker died). */
const LEASE_MINUTES = 10;

export interface DeliverySettings {
  transport: Transport;
  fromAddress: string;
  /** Outside production: only matching recipients are delivered; null delivers everyone. */
  isAllowed: ((address: string) => boolean) | null;
  killSwitch: boolean;
  ratePerSecond: number;
  /** Seconds before retry n (1-based): exponential. */
  backoffSeconds?: (attempt: number) => number;
}

const defaultBackoff = (attempt: number) => 30 * 2 ** (attempt - 1);

type Claimed = typeof emailOutbox.$inferSelect;

/** Claims due messages for this worker (FOR UPDATE SKIP LOCKED: instances never share one). */
async function claim(db: Db, limit: number): Promise<Claimed[]> {
  return tx(db, { allTenants: true }, async (q) => {
    const due = await q
      .select({ id: emailOutbox.id })
      .from(emailOutbox)
      .where(
        and(
          inArray(emailOutbox.status, ['queued', 'sending']),
          lte(emailOutbox.nextAttemptAt, sql`now()`),
        ),
      )
      .orderBy(emailOutbox.nextAttemptAt)
      .limit(limit)
      .for('update', { skipLocked: true });
    if (due.length === 0) return [];
    return q
      .update(emailOutbox)
      .set({
        status: 'sending',
        attempts: sql`${emailOutbox.attempts} + 1`,
        nextAttemptAt: sql`now() + interval '${sql.raw(String(LEASE_MINUTES))} minutes'`,
      })
      .where(
        inArray(
          emailOutbox.id,
          due.map((d) => d.id),
        ),
      )
      .returning();
  });
}

type Outcome =
  | { status: 'sent'; messageId: string; response: string }
  | { status: 'blocked'; reason: string }
  | { status: 'queued'; error: string; retryInSeconds: number }
  | { status: 'failed'; error: string };

async function attempt(email: Claimed, settings: DeliverySettings): Promise<Outcome> {
  if (settings.isAllowed && !settings.isAllowed(email.to)) {
    return { status: 'blocked', reason: 'recipient not in EMAIL_ALLOWLIST (outside production)' };
  }
  try {
    const receipt = await settings.transport.send({
      id: email.id,
      from: `"${email.fromName.replace(/["\\]/g, '')}" <${settings.fromAddress}>`,
      to: email.to,
      replyTo: email.replyTo ?? undefined,
      subject: email.subject,
      html: email.html,
      text: email.text,
    });
    return { status: 'sent', ...receipt };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (isPermanentFailure(error) || email.attempts >= MAX_ATTEMPTS) {
      return { status: 'failed', error: message };
    }
    const backoff = settings.backoffSeconds ?? defaultBackoff;
    return { status: 'queued', error: message, retryInSeconds: backoff(email.attempts) };
  }
}

async function record(db: Db, email: Claimed, outcome: Outcome) {
  await tx(db, { allTenants: true }, async (q) => {
    const update =
      outcome.status === 'sent'
        ? {
            status: 'sent' as const,
            sentAt: new Date(),
            providerMessageId: outcome.messageId,
            lastError: null,
          }
        : outcome.status === 'blocked'
          ? { status: 'blocked' as const, lastError: outcome.reason }
          : outcome.status === 'failed'
            ? { status: 'failed' as const, lastError: outcome.error }
            : {
                status: 'queued' as const,
                lastError: outcome.error,
                nextAttemptAt: new Date(Date.now() + outcome.retryInSeconds * 1000),
              };
    await q.update(emailOutbox).set(update).where(eq(emailOutbox.id, email.id));
    await q.insert(emailAttempts).values({
      tenantId: email.tenantId,
      outboxId: email.id,
      attempt: email.attempts,
      outcome: outcome.status === 'queued' ? 'retry' : outcome.status,
      response:
        outcome.status === 'sent'
          ? outcome.response
          : outcome.status === 'blocked'
            ? outcome.reason
            : outcome.error,
    });
  });
}

/** Marks bulk jobs completed once none of their messages is waiting any more. */
async function completeBulkJobs(db: Db) {
  await tx(db, { allTenants: true }, (q) =>
    q
      .update(emailBulkJobs)
      .set({ status: 'completed', completedAt: new Date() })
      .where(
        and(
          eq(emailBulkJobs.status, 'running'),
          sql`not exists (select 1 from email_outbox o where o.bulk_job_id = "email_bulk_jobs"."id"
                and o.status in ('queued', 'sending'))`,
        ),
      ),
  );
}

/**
 * Delivers every due message, at most `ratePerSecond` a second, then closes finished bulk jobs.
 * With the kill switch on, nothing is claimed: messages wait, queued, until it is off.
 */
export async function deliverDue(
  db: Db,
  settings: DeliverySettings,
  logger: Logger,
): Promise<number> {
  if (settings.killSwitch) return 0;
  const gapMs = 1000 / Math.max(settings.ratePerSecond, 0.001);
  let delivered = 0;
  for (;;) {
    const batch = await claim(db, 20);
    if (batch.length === 0) break;
    for (const email of batch) {
      const started = Date.now();
      const outcome = await attempt(email, settings);
      await record(db, email, outcome);
      emailsTotal.inc({ template: email.template, status: outcome.status });
      delivered++;
      logger.info(
        {
          emailId: email.id,
          template: email.template,
          attempt: email.attempts,
          status: outcome.status,
          transport: settings.transport.name,
          ms: Date.now() - started,
        },
        'email delivery attempt',
      );
      const wait = gapMs - (Date.now() - started);
      if (wait > 0) await sleep(wait);
    }
  }
  await completeBulkJobs(db);
  return delivered;
}
