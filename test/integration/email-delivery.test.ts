import { readdirSync, readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tx } from '../../src/core/db/tx.js';
import { compileAllowlist } from '../../src/core/email/allowlist.js';
import { bulkProgress, createBulkJob } from '../../src/core/email/bulk.js';
import { deliverDue, type DeliverySettings } from '../../src/core/email/delivery.js';
import { outboxEmailSender } from '../../src/core/email/sender.js';
import { sinkTransport, smtpTransport } from '../../src/core/email/transports.js';
import { createLogger } from '../../src/core/observe/logger.js';
import { emailsTotal } from '../../src/core/observe/metrics.js';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../support/databases.js';
import { rows, seedTenant } from '../support/identity.js';
import { startSmtpServer } from '../support/smtp.js';

const logger = createLogger('silent');
const sender = outboxEmailSender();
const BASE = 'https://edu.example.org';

describe.each(testDatabaseKinds())('email outbox and delivery on %s', (kind) => {
  let t: TestDatabase;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let settings: DeliverySettings;
  const attemptsTo = new Map<string, number>();

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    smtp = await startSmtpServer((to) => {
      const n = (attemptsTo.get(to) ?? 0) + 1;
      attemptsTo.set(to, n);
      if (to.startsWith('flaky') && n < 3) return 451;
      if (to.startsWith('bounce')) return 550;
      return undefined;
    });
    settings = {
      transport: smtpTransport({ host: '127.0.0.1', port: smtp.port, secure: false }),
      fromAddress: 'no-reply@edu.example.org',
      isAllowed: null,
      killSwitch: false,
      ratePerSecond: 1000,
      backoffSeconds: () => 0,
    };
  });
  afterAll(async () => {
    settings.transport.close();
    await smtp.close();
    await t.dispose();
  });

  const queue = (to: string) =>
    tx(t.database.db, {}, (q) =>
      sender.send(q, {
        template: 'password-reset',
        to,
        data: { url: `${BASE}/api/auth/reset-password/abc` },
      }),
    );
  const statusOf = async (to: string) =>
    (
      await rows<{ status: string; attempts: number; last_error: string | null }>(
        t.database,
        sql`select status, attempts, last_error from email_outbox where "to" = ${to}`,
      )
    )[0];
  const deliver = (overrides: Partial<DeliverySettings> = {}) =>
    deliverDue(t.database.db, { ...settings, ...overrides }, logger);

  it('delivers over real SMTP with both parts, the sender name, and links on BASE_URL', async () => {
    await queue('ada@example.com');
    expect(await deliver()).toBe(1);
    expect(await statusOf('ada@example.com')).toMatchObject({ status: 'sent', attempts: 1 });
    const mail = smtp.received.find((m) => m.to.includes('ada@example.com'));
    expect(mail?.from).toBe('no-reply@edu.example.org');
    expect(mail?.raw).toMatch(/^From: "?EduLedger"? <no-reply@edu\.example\.org>/im);
    expect(mail?.raw).toMatch(/^Subject: Reset your EduLedger password/m);
    expect(mail?.raw).toMatch(/^X-EduLedger-Email-Id: [0-9a-f-]{36}/im);
    expect(mail?.raw).toContain('Content-Type: text/plain');
    expect(mail?.raw).toContain('Content-Type: text/html');
    const decoded = (mail?.raw ?? '')
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/g, (_, hex: string) =>
        String.fromCharCode(Number.parseInt(hex, 16)),
      );
    expect(decoded).toContain(`Choose a new password: ${BASE}/api/auth/reset-password/abc`);
    expect(decoded).toContain(`href="${BASE}/api/auth/reset-password/abc"`);
    const attempts = await rows<{ outcome: string }>(
      t.database,
      sql`select a.outcome from email_attempts a join email_outbox o on o.id = a.outbox_id where o."to" = 'ada@example.com'`,
    );
    expect(attempts).toEqual([{ outcome: 'sent' }]);
    const counter = await emailsTotal.get();
    expect(
      counter.values.find(
        (v) => v.labels.template === 'password-reset' && v.labels.status === 'sent',
      )?.value,
    ).toBeGreaterThanOrEqual(1);
  });

  it('retries a transient failure until it is sent, and fails a permanent one with its error', async () => {
    await queue('flaky@example.com');
    await queue('bounce@example.com');
    await deliver();
    expect(await statusOf('flaky@example.com')).toMatchObject({ status: 'sent', attempts: 3 });
    const flakyAttempts = await rows<{ outcome: string; response: string }>(
      t.database,
      sql`select a.outcome, a.response from email_attempts a join email_outbox o on o.id = a.outbox_id
          where o."to" = 'flaky@example.com' order by a.attempt`,
    );
    expect(flakyAttempts.map((a) => a.outcome)).toEqual(['retry', 'retry', 'sent']);
    expect(flakyAttempts[0]?.response).toContain('451');
    const bounced = await statusOf('bounce@example.com');
    expect(bounced).toMatchObject({ status: 'failed', attempts: 1 });
    expect(bounced?.last_error).toContain('550');
  });

  it('gives up after 5 attempts at a transient failure', async () => {
    const down = {
      ...settings,
      transport: smtpTransport({ host: '127.0.0.1', port: 1, secure: false }),
    };
    await queue('unreachable@example.com');
    for (let i = 0; i < 6; i++) await deliverDue(t.database.db, down, logger);
    down.transport.close();
    expect(await statusOf('unreachable@example.com')).toMatchObject({
      status: 'failed',
      attempts: 5,
    });
  });

  it('writes nothing when the causing transaction rolls back', async () => {
    await expect(
      tx(t.database.db, {}, async (q) => {
        await sender.send(q, {
          template: 'password-changed',
          to: 'rollback@example.com',
          data: { signInUrl: BASE },
        });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await statusOf('rollback@example.com')).toBeUndefined();
  });

  it('blocks recipients outside the allowlist, and holds everything while the kill switch is on', async () => {
    await queue('stranger@elsewhere.net');
    await queue('friend@example.com');
    expect(await deliver({ killSwitch: true })).toBe(0);
    expect(await statusOf('friend@example.com')).toMatchObject({ status: 'queued', attempts: 0 });
    await deliver({ isAllowed: compileAllowlist(['*@example.com']) });
    expect(await statusOf('friend@example.com')).toMatchObject({ status: 'sent' });
    const blocked = await statusOf('stranger@elsewhere.net');
    expect(blocked?.status).toBe('blocked');
    expect(blocked?.last_error).toContain('EMAIL_ALLOWLIST');
  });

  it('completes a bulk job with 3 sent and 2 failed, listing the failures', async () => {
    const recipients = [
      'a@example.com',
      'bounce-1@example.com',
      'b@example.com',
      'bounce-2@example.com',
      'c@example.com',
    ];
    const { id: tenantId } = await seedTenant(t.database, 'bulk-sender');
    const job = await tx(t.database.db, { tenantId }, (q) =>
      createBulkJob(q, sender, {
        tenantId,
        template: 'password-changed',
        recipients: recipients.map((to) => ({ to, data: { signInUrl: BASE } })),
      }),
    );
    const before = await tx(t.database.db, { tenantId }, (q) => bulkProgress(q, job.id));
    expect(before).toMatchObject({ status: 'running', total: 5, counts: { queued: 5 } });
    await deliver();
    const after = await tx(t.database.db, { tenantId }, (q) => bulkProgress(q, job.id));
    expect(after).toMatchObject({ status: 'completed', counts: { sent: 3, failed: 2, queued: 0 } });
    expect(after?.failures.map((f) => f.to)).toEqual([
      'bounce-1@example.com',
      'bounce-2@example.com',
    ]);
    expect(after?.failures[0]?.reason).toContain('550');
  });

  it('the local sink writes an .eml file and sends nothing anywhere', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'edl-mail-'));
    await queue('sink@example.com');
    await deliver({ transport: sinkTransport(dir) });
    const files = readdirSync(dir);
    expect(files).toHaveLength(1);
    const eml = readFileSync(path.join(dir, files[0] ?? ''), 'utf8');
    expect(eml).toMatch(/^To: sink@example\.com/m);
    expect(smtp.received.some((m) => m.to.includes('sink@example.com'))).toBe(false);
  });
});
