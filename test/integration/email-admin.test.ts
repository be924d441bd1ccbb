import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tx } from '../../src/core/db/tx.js';
import { createBulkJob } from '../../src/core/email/bulk.js';
import { outboxEmailSender } from '../../src/core/email/sender.js';
import { createUser } from '../../src/core/users/service.js';
import { createTestApp, TEST_BASE_URL, type TestApp } from '../support/app.js';
import { testDatabaseKinds } from '../support/databases.js';
import { browserHeaders, PASSWORD, rows, seedPeople, signInAll } from '../support/identity.js';

describe.each(testDatabaseKinds())('email admin tools on %s', (kind) => {
  let t: TestApp;
  const cookie: Record<string, string> = {};
  let tenantIds: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp(kind, { exposeInternalErrors: false });
    const { database } = t.testDb;
    tenantIds = await seedPeople(database, [
      ['admin@alpha.example.com', 'alpha', 'tenant_admin'],
      ['admin@beta.example.com', 'beta', 'tenant_admin'],
      ['staff@alpha.example.com', 'alpha', 'staff'],
    ]);
    await createUser(database.db, {
      email: 'root@example.com',
      password: PASSWORD,
      siteAdmin: true,
    });
    Object.assign(
      cookie,
      await signInAll(t.app, [
        'admin@alpha.example.com',
        'admin@beta.example.com',
        'staff@alpha.example.com',
        'root@example.com',
      ]),
    );
    for (const [who, email] of [
      ['admin@alpha.example.com', 'new@alpha.example.com'],
      ['admin@beta.example.com', 'new@beta.example.com'],
    ] as const) {
      await t.app.inject({
        method: 'POST',
        url: '/api/invitations',
        headers: browserHeaders(cookie[who] ?? ''),
        payload: { email, role: 'staff' },
      });
    }
    await t.app.inject({
      method: 'POST',
      url: '/api/auth/request-password-reset',
      headers: { origin: TEST_BASE_URL },
      payload: { email: 'staff@alpha.example.com', redirectTo: '/reset-password' },
    });
  });
  afterAll(() => t.dispose());

  const get = (who: string, url: string) =>
    t.app.inject({ method: 'GET', url, headers: { cookie: cookie[who] ?? '' } });

  it('lists a tenant admin’s own tenant emails only; account emails are for site admins', async () => {
    const alpha = (await get('admin@alpha.example.com', '/api/emails')).json();
    expect(alpha.items.map((e: { to: string }) => e.to)).toEqual(['new@alpha.example.com']);
    const root = (await get('root@example.com', '/api/emails?pageSize=100')).json();
    expect(root.items.map((e: { to: string }) => e.to).sort()).toEqual([
      'new@alpha.example.com',
      'new@beta.example.com',
      'staff@alpha.example.com',
    ]);
    const filtered = (await get('root@example.com', '/api/emails?template=password-reset')).json();
    expect(filtered.total).toBe(1);
    expect((await get('staff@alpha.example.com', '/api/emails')).statusCode).toBe(403);
  });

  it('previews HTML and text, masking one-time links in production', async () => {
    const [invite] = (await get('admin@alpha.example.com', '/api/emails')).json().items;
    const detail = (await get('admin@alpha.example.com', `/api/emails/${invite.id}`)).json();
    expect(detail.html).toContain('<!doctype html>');
    expect(detail.text).toContain('Accept the invitation: [link hidden]');
    expect(detail.html).not.toMatch(/token=/);
    expect(JSON.stringify(detail)).not.toContain('"data"');
    const beta = (await get('admin@beta.example.com', '/api/emails')).json().items[0];
    expect((await get('admin@alpha.example.com', `/api/emails/${beta.id}`)).statusCode).toBe(404);
  });

  it('resends (audited) and counts by status and template', async () => {
    const [invite] = (await get('admin@alpha.example.com', '/api/emails')).json().items;
    const resent = await t.app.inject({
      method: 'POST',
      url: `/api/emails/${invite.id}/resend`,
      headers: browserHeaders(cookie['admin@alpha.example.com'] ?? ''),
    });
    expect(resent.statusCode).toBe(204);
    const metrics = (await get('admin@alpha.example.com', '/api/emails/metrics')).json();
    expect(metrics).toEqual({
      byStatus: { queued: 2 },
      byTemplate: [{ template: 'invitation', status: 'queued', n: 2 }],
    });
    const audit = await rows<{ n: number }>(
      t.testDb.database,
      sql`select count(*)::int as n from audit_log where action = 'core.email.resend'`,
    );
    expect(audit[0]?.n).toBe(1);
  });

  it('renders every template of the gallery with sample data', async () => {
    const gallery = (await get('admin@alpha.example.com', '/api/emails/templates')).json().items;
    expect(gallery.length).toBeGreaterThanOrEqual(14);
    for (const { name } of gallery) {
      const preview = await get('admin@alpha.example.com', `/api/emails/templates/${name}`);
      expect(preview.statusCode, name).toBe(200);
      const body = preview.json();
      expect(body.subject.length, name).toBeGreaterThan(5);
      expect(body.html, name).toContain('Tenant alpha');
      expect(body.text.length, name).toBeGreaterThan(40);
    }
    expect((await get('admin@alpha.example.com', '/api/emails/templates/nope')).statusCode).toBe(
      404,
    );
  });

  it('sorts the list by a column, either way', async () => {
    const recipients = async (query: string) =>
      (await get('root@example.com', `/api/emails?${query}`))
        .json()
        .items.map((e: { to: string }) => e.to);
    const ascending = await recipients('sort=to&order=asc');
    expect(ascending).toEqual([...ascending].sort());
    expect(ascending).toContain('staff@alpha.example.com');
    expect(await recipients('sort=to&order=desc')).toEqual([...ascending].reverse());
    expect((await get('root@example.com', '/api/emails?sort=data')).statusCode).toBe(400);
  });

  it('lists bulk jobs with their tallies, and shows the live progress of one', async () => {
    const alpha = tenantIds.alpha ?? '';
    const job = await tx(t.testDb.database.db, { tenantId: alpha }, (q) =>
      createBulkJob(q, outboxEmailSender(), {
        tenantId: alpha,
        template: 'password-changed',
        recipients: ['a', 'b', 'c'].map((name) => ({
          to: `${name}@alpha.example.com`,
          data: { signInUrl: `${TEST_BASE_URL}/sign-in` },
        })),
      }),
    );
    await t.testDb.database.db.execute(
      sql`update email_outbox set status = 'failed', last_error = '550 no such user'
          where "to" = 'b@alpha.example.com'`,
    );
    await t.testDb.database.db.execute(
      sql`update email_outbox set status = 'sent' where "to" = 'a@alpha.example.com'`,
    );

    const jobs = (await get('admin@alpha.example.com', '/api/emails/bulk')).json();
    expect(jobs).toMatchObject({ total: 1, page: 1, pageSize: 25 });
    expect(jobs.items[0]).toMatchObject({
      id: job.id,
      tenantId: alpha,
      template: 'password-changed',
      status: 'running',
      total: 3,
      sent: 1,
      failed: 1,
      completedAt: null,
    });
    expect((await get('admin@beta.example.com', '/api/emails/bulk')).json().total).toBe(0);
    expect((await get('root@example.com', '/api/emails/bulk')).json().total).toBe(1);
    expect((await get('staff@alpha.example.com', '/api/emails/bulk')).statusCode).toBe(403);

    const progress = (await get('admin@alpha.example.com', `/api/emails/bulk/${job.id}`)).json();
    expect(progress).toMatchObject({
      id: job.id,
      template: 'password-changed',
      status: 'running',
      total: 3,
      counts: { queued: 1, sent: 1, failed: 1 },
      failures: [{ to: 'b@alpha.example.com', status: 'failed', reason: '550 no such user' }],
    });
    expect((await get('admin@beta.example.com', `/api/emails/bulk/${job.id}`)).statusCode).toBe(
      404,
    );
  });
});
