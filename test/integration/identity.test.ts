import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tx } from '../../src/core/db/tx.js';
import { createTestApp, TEST_BASE_URL, type TestApp } from '../support/app.js';
import { testDatabaseKinds } from '../support/databases.js';
import { probeModule } from '../support/probe-module.js';
import {
  browserHeaders,
  PASSWORD,
  rows,
  seedTenant,
  seedUser,
  signIn,
} from '../support/identity.js';

describe.each(testDatabaseKinds())('identity on %s', (kind) => {
  let t: TestApp;
  const tenantIds: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp(kind, { modules: (database) => [probeModule(database)] });
    const { database } = t.testDb;
    for (const slug of ['alpha', 'beta']) tenantIds[slug] = (await seedTenant(database, slug)).id;
    await seedUser(database, 'admin@alpha.example.com', 'alpha', 'tenant_admin');
    await seedUser(database, 'both@example.com', 'alpha', 'staff');
    await tx(database.db, { tenantId: tenantIds.beta }, (q) =>
      q.execute(sql`insert into memberships (tenant_id, user_id, role)
        select ${tenantIds.beta}, id, 'program_admin' from users where email = 'both@example.com'`),
    );
    await seedUser(database, 'locked@example.com', 'alpha', 'staff');
    await seedUser(database, 'reset@example.com', 'alpha', 'staff');
    await seedUser(database, 'idle@example.com', 'alpha', 'staff');
    await seedUser(database, 'suspended@example.com', 'alpha', 'staff');
    await database.db.execute(
      sql`update users set status = 'suspended' where email = 'suspended@example.com'`,
    );
  });
  afterAll(() => t.dispose());

  const me = (cookie: string) =>
    t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });

  it('signs in with email and password and tells the user who they are', async () => {
    const { status, cookie } = await signIn(t.app, '  Admin@Alpha.example.com ');
    expect(status).toBe(200);
    expect(cookie).toContain('eduledger.session_token=');
    const response = await me(cookie);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      user: { email: 'admin@alpha.example.com', isSiteAdmin: false },
      tenants: [{ slug: 'alpha', role: 'tenant_admin' }],
      activeTenantId: tenantIds.alpha,
    });
    const [audit] = await rows<{ outcome: string }>(
      t.testDb.database,
      sql`select outcome from audit_log where action = 'core.auth.sign_in' and actor_email = 'admin@alpha.example.com'`,
    );
    expect(audit?.outcome).toBe('success');
  });

  it('answers a wrong password and an unknown email identically', async () => {
    const wrong = await signIn(t.app, 'admin@alpha.example.com', 'not the password');
    const unknown = await signIn(t.app, 'nobody@example.com', 'not the password');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.error).toEqual({ ...unknown.body.error, requestId: expect.any(String) });
    expect(wrong.body.error).toMatchObject({
      code: 'invalid_credentials',
      message: 'Email or password is incorrect',
    });
  });

  it('refuses anonymous callers with 401', async () => {
    expect((await me('')).statusCode).toBe(401);
  });

  it('locks an address after 5 failures in 15 minutes, even with the right password after', async () => {
    for (let i = 0; i < 5; i++) {
      expect((await signIn(t.app, 'locked@example.com', 'wrong password!')).status).toBe(401);
    }
    const blocked = await signIn(t.app, 'locked@example.com', PASSWORD);
    expect(blocked.status).toBe(429);
    expect(blocked.body.error).toMatchObject({ code: 'too_many_attempts' });
    expect(blocked.body.error?.message).toMatch(/Try again in 30 minutes/);

    for (let i = 0; i < 5; i++) await signIn(t.app, 'ghost@example.com', 'wrong password!');
    expect((await signIn(t.app, 'ghost@example.com', 'wrong password!')).body.error?.code).toBe(
      'too_many_attempts',
    );

    const lockouts = await rows<{ target_label: string }>(
      t.testDb.database,
      sql`select target_label from audit_log where action = 'core.auth.lockout' order by target_label`,
    );
    expect(lockouts.map((r) => r.target_label)).toEqual([
      'ghost@example.com',
      'locked@example.com',
    ]);

    await t.testDb.database.db.execute(
      sql`update sign_in_attempts set locked_until = now() - interval '1 minute' where email = 'locked@example.com'`,
    );
    expect((await signIn(t.app, 'locked@example.com', PASSWORD)).status).toBe(200);
  });

  it('refuses suspended accounts after a correct password only', async () => {
    const wrong = await signIn(t.app, 'suspended@example.com', 'wrong password!');
    expect(wrong.body.error?.code).toBe('invalid_credentials');
    const right = await signIn(t.app, 'suspended@example.com');
    expect(right.status).toBe(403);
    expect(right.body.error?.code).toBe('account_inactive');
  });

  it('refuses cross-site state changes that carry the session cookie', async () => {
    const { cookie } = await signIn(t.app, 'both@example.com');
    const crossSite = await t.app.inject({
      method: 'PUT',
      url: '/api/me/active-tenant',
      headers: { cookie, origin: 'https://evil.example.net' },
      payload: { tenantId: tenantIds.beta },
    });
    expect(crossSite.statusCode).toBe(403);
    expect(crossSite.json().error.code).toBe('csrf_rejected');
    const noOrigin = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-out',
      headers: { cookie },
      payload: {},
    });
    expect(noOrigin.statusCode).toBe(403);
    expect((await me(cookie)).statusCode).toBe(200);
    const sameSiteFetch = await t.app.inject({
      method: 'PUT',
      url: '/api/me/active-tenant',
      headers: { cookie, 'sec-fetch-site': 'same-origin' },
      payload: { tenantId: tenantIds.beta },
    });
    expect(sameSiteFetch.statusCode).toBe(200);
  });

  it('switches the active tenant among the user’s own, and only those', async () => {
    const { cookie } = await signIn(t.app, 'both@example.com');
    expect((await me(cookie)).json().tenants.map((x: { slug: string }) => x.slug)).toEqual([
      'alpha',
      'beta',
    ]);
    const switched = await t.app.inject({
      method: 'PUT',
      url: '/api/me/active-tenant',
      headers: browserHeaders(cookie),
      payload: { tenantId: tenantIds.beta },
    });
    expect(switched.json().activeTenantId).toBe(tenantIds.beta);
    expect((await me(cookie)).json().activeTenantId).toBe(tenantIds.beta);

    const foreign = await seedTenant(t.testDb.database, 'gamma');
    const refused = await t.app.inject({
      method: 'PUT',
      url: '/api/me/active-tenant',
      headers: browserHeaders(cookie),
      payload: { tenantId: foreign.id },
    });
    expect(refused.statusCode).toBe(404);
  });

  it('lets the permission matrix decide, and audits a refusal as denied', async () => {
    const admin = await signIn(t.app, 'admin@alpha.example.com');
    const allowed = await t.app.inject({
      method: 'GET',
      url: '/api/probe/secret',
      headers: { cookie: admin.cookie },
    });
    expect(allowed.json()).toEqual({ secret: true, tenantId: tenantIds.alpha });

    const staff = await signIn(t.app, 'locked@example.com');
    const refused = await t.app.inject({
      method: 'GET',
      url: '/api/probe/secret',
      headers: { cookie: staff.cookie, 'x-request-id': 'denied-1' },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('forbidden');
    const [denied] = await rows<Record<string, unknown>>(
      t.testDb.database,
      sql`select * from audit_log where request_id = 'denied-1'`,
    );
    expect(denied).toMatchObject({
      action: 'core.access.denied',
      outcome: 'denied',
      tenant_id: tenantIds.alpha,
      actor_email: 'locked@example.com',
      actor_role: 'staff',
      target_label: 'GET /api/probe/secret',
    });
  });

  it('ends the session on sign-out', async () => {
    const { cookie } = await signIn(t.app, 'admin@alpha.example.com');
    const out = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-out',
      headers: browserHeaders(cookie),
      payload: {},
    });
    expect(out.statusCode).toBe(200);
    expect((await me(cookie)).statusCode).toBe(401);
  });

  it('ends a session without "remember me" after 8 idle hours, and keeps a remembered one', async () => {
    const shortLived = await signIn(t.app, 'idle@example.com', PASSWORD, false);
    const remembered = await signIn(t.app, 'idle@example.com', PASSWORD, true);
    await t.testDb.database.db.execute(
      sql`update sessions set last_seen_at = now() - interval '9 hours'
          where user_id = (select id from users where email = 'idle@example.com')`,
    );
    expect((await me(shortLived.cookie)).statusCode).toBe(401);
    expect((await me(remembered.cookie)).statusCode).toBe(200);
  });

  it('resets a password by emailed link: policy, single use, expiry, confirmation', async () => {
    const request = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/request-password-reset',
        headers: { origin: TEST_BASE_URL },
        payload: { email: 'reset@example.com', redirectTo: '/reset-password' },
      });
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/auth/request-password-reset',
      headers: { origin: TEST_BASE_URL },
      payload: { email: 'nobody@example.com', redirectTo: '/reset-password' },
    });
    const known = await request();
    expect(known.statusCode).toBe(200);
    expect(known.body).toBe(unknown.body);

    const [email] = await rows<{ data: { url: string }; text: string }>(
      t.testDb.database,
      sql`select data, text from email_outbox where "to" = 'reset@example.com' and template = 'password-reset'`,
    );
    const link = new URL(email?.data.url ?? '');
    expect(email?.text).toContain(link.href);
    const opened = await t.app.inject({ method: 'GET', url: `${link.pathname}${link.search}` });
    expect(opened.statusCode).toBe(302);
    const landing = new URL(opened.headers.location as string, TEST_BASE_URL);
    expect(landing.pathname).toBe('/reset-password');
    const token = landing.searchParams.get('token') ?? '';

    const reset = (newPassword: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/reset-password',
        headers: { origin: TEST_BASE_URL },
        payload: { token, newPassword },
      });
    const weak = await reset('password123');
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.details).toEqual([
      { path: 'newPassword', message: 'is too common: choose another' },
    ]);
    const sameAsEmail = await reset('reset@example.com');
    expect(sameAsEmail.json().error.details).toContainEqual({
      path: 'newPassword',
      message: 'must not be the email address',
    });
    expect((await reset('granite meadow falcon')).statusCode).toBe(200);
    const again = await reset('another fine password');
    expect(again.statusCode).toBe(400);
    expect(again.json().error.code).toBe('invalid_token');

    expect((await signIn(t.app, 'reset@example.com', 'granite meadow falcon')).status).toBe(200);
    const confirmations = await rows<{ n: number }>(
      t.testDb.database,
      sql`select count(*)::int as n from email_outbox where "to" = 'reset@example.com' and template = 'reset-confirmation'`,
    );
    expect(confirmations[0]?.n).toBe(1);

    await request();
    await t.testDb.database.db.execute(
      sql`update verifications set expires_at = now() - interval '1 minute' where identifier like 'reset-password:%'`,
    );
    const [latest] = await rows<{ data: { url: string } }>(
      t.testDb.database,
      sql`select data from email_outbox where "to" = 'reset@example.com' and template = 'password-reset'
          order by created_at desc limit 1`,
    );
    const expiredLink = new URL(latest?.data.url ?? '');
    const expired = await t.app.inject({
      method: 'GET',
      url: `${expiredLink.pathname}${expiredLink.search}`,
    });
    expect(
      new URL(expired.headers.location as string, TEST_BASE_URL).searchParams.get('error'),
    ).toBe('INVALID_TOKEN');
  });

  it('sends at most 3 reset emails per address per hour, answering the same each time', async () => {
    const answers = [];
    for (let i = 0; i < 4; i++) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/auth/request-password-reset',
        headers: { origin: TEST_BASE_URL },
        payload: { email: 'idle@example.com', redirectTo: '/reset-password' },
      });
      answers.push(response.body);
    }
    expect(new Set(answers).size).toBe(1);
    const sent = await rows<{ n: number }>(
      t.testDb.database,
      sql`select count(*)::int as n from email_outbox where "to" = 'idle@example.com' and template = 'password-reset'`,
    );
    expect(sent[0]?.n).toBe(3);
  });

  it('keeps sign-up and other unused identity endpoints closed', async () => {
    const signUp = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-up/email',
      headers: { origin: TEST_BASE_URL },
      payload: { email: 'new@example.com', password: 'granite meadow falcon', name: 'New' },
    });
    expect(signUp.statusCode).toBe(404);
  });

  it('keeps the audit log append-only for the application role', async () => {
    const permissionDenied = {
      cause: { message: expect.stringMatching(/permission denied for table audit_log/) },
    };
    await expect(
      tx(t.testDb.database.db, { tenantId: tenantIds.alpha }, (q) =>
        q.execute(sql`update audit_log set action = 'tampered'`),
      ),
    ).rejects.toMatchObject(permissionDenied);
    await expect(
      tx(t.testDb.database.db, { tenantId: tenantIds.alpha }, (q) =>
        q.execute(sql`delete from audit_log`),
      ),
    ).rejects.toMatchObject(permissionDenied);
  });
});
