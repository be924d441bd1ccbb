import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/core/users/service.js';
import { createTestApp, TEST_BASE_URL, type TestApp } from '../support/app.js';
import { testDatabaseKinds } from '../support/databases.js';
import { browserHeaders, PASSWORD, rows, seedPeople, signInAll } from '../support/identity.js';

describe.each(testDatabaseKinds())('invitations on %s', (kind) => {
  let t: TestApp;
  const cookie: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp(kind);
    const { database } = t.testDb;
    await seedPeople(database, [
      ['admin@alpha.example.com', 'alpha', 'tenant_admin'],
      ['admin@beta.example.com', 'beta', 'tenant_admin'],
      ['staff@alpha.example.com', 'alpha', 'staff'],
    ]);
    await createUser(database.db, {
      email: 'pa@alpha.example.com',
      password: PASSWORD,
      name: 'Pat Admin',
      membership: { tenantSlug: 'alpha', role: 'program_admin', scope: { programs: ['p1'] } },
    });
    Object.assign(
      cookie,
      await signInAll(t.app, [
        'admin@alpha.example.com',
        'admin@beta.example.com',
        'staff@alpha.example.com',
        'pa@alpha.example.com',
      ]),
    );
  });
  afterAll(() => t.dispose());

  const invite = (who: string, payload: object) =>
    t.app.inject({
      method: 'POST',
      url: '/api/invitations',
      headers: browserHeaders(cookie[who] ?? ''),
      payload,
    });

  async function tokenFor(email: string): Promise<string> {
    const [latest] = await rows<{ data: { url: string } }>(
      t.testDb.database,
      sql`select data from email_outbox where "to" = ${email} and template = 'invitation'
          order by created_at desc limit 1`,
    );
    return new URL(latest?.data.url ?? '').searchParams.get('token') ?? '';
  }

  it('invites by email, naming the inviter, tenant, role and an escaped personal message', async () => {
    const response = await invite('admin@alpha.example.com', {
      email: 'New.Person@Example.com',
      role: 'staff',
      message: 'Welcome <script>alert(1)</script>',
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ email: 'new.person@example.com', status: 'pending' });
    const [email] = await rows<{ subject: string; html: string; text: string }>(
      t.testDb.database,
      sql`select subject, html, text from email_outbox where "to" = 'new.person@example.com'`,
    );
    expect(email?.subject).toBe('admin invited you to Tenant alpha on EduLedger');
    expect(email?.text).toContain('Role: Staff');
    expect(email?.text).toContain('“Welcome <script>alert(1)</script>”\n— admin');
    expect(email?.html).toContain('&lt;script&gt;');
    expect(email?.html).not.toContain('<script>');
    const [pending] = await rows<{ status: string }>(
      t.testDb.database,
      sql`select status from users where email = 'new.person@example.com'`,
    );
    expect(pending?.status).toBe('pending');
  });

  it('accepts: password policy, then sets the account up and signs the invitee in', async () => {
    const token = await tokenFor('new.person@example.com');
    const described = await t.app.inject({
      method: 'GET',
      url: `/api/invitations/by-token/${token}`,
    });
    expect(described.json()).toMatchObject({
      email: 'new.person@example.com',
      tenantName: 'Tenant alpha',
      role: 'staff',
      inviterName: 'admin',
    });
    const accept = (password: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/invitations/by-token/${token}/accept`,
        headers: { origin: TEST_BASE_URL },
        payload: { name: 'New Person', password },
      });
    const weak = await accept('password1234');
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.details[0]).toEqual({
      path: 'password',
      message: 'is too common: choose another',
    });

    const accepted = await accept('copper kettle morning');
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toEqual({ redirectTo: '/' });
    const session = accepted.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: session } });
    expect(me.json()).toMatchObject({
      user: { email: 'new.person@example.com', name: 'New Person' },
      tenants: [{ slug: 'alpha', role: 'staff' }],
    });
    const welcome = await rows<{ subject: string }>(
      t.testDb.database,
      sql`select subject from email_outbox where "to" = 'new.person@example.com' and template = 'welcome'`,
    );
    expect(welcome).toEqual([{ subject: 'Welcome to Tenant alpha on EduLedger' }]);
    const reused = await t.app.inject({ method: 'GET', url: `/api/invitations/by-token/${token}` });
    expect(reused.statusCode).toBe(404);
  });

  it('lets an existing account accept with its own password only, without using up the link', async () => {
    await invite('admin@alpha.example.com', { email: 'admin@beta.example.com', role: 'staff' });
    const token = await tokenFor('admin@beta.example.com');
    const accept = (password: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/invitations/by-token/${token}/accept`,
        headers: { origin: TEST_BASE_URL },
        payload: { name: 'Beta Admin', password },
      });
    const wrong = await accept('some other password');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('invalid_credentials');
    const right = await accept(PASSWORD);
    expect(right.statusCode).toBe(200);
    const session = right.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: session } });
    expect(me.json().tenants.map((x: { slug: string }) => x.slug)).toEqual(['alpha', 'beta']);
  });

  it('expires after 7 days; resend sends a new link and extends it', async () => {
    const created = (
      await invite('admin@alpha.example.com', { email: 'late@example.com', role: 'staff' })
    ).json();
    const oldToken = await tokenFor('late@example.com');
    await t.testDb.database.db.execute(
      sql`update invitations set expires_at = now() - interval '1 day' where id = ${created.id}`,
    );
    const expired = await t.app.inject({
      method: 'GET',
      url: `/api/invitations/by-token/${oldToken}`,
    });
    expect(expired.statusCode).toBe(410);
    expect(expired.json().error.code).toBe('invitation_expired');

    const resent = await t.app.inject({
      method: 'POST',
      url: `/api/invitations/${created.id}/resend`,
      headers: browserHeaders(cookie['admin@alpha.example.com'] ?? ''),
    });
    expect(resent.statusCode).toBe(200);
    const days = (new Date(resent.json().expiresAt).getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    const newToken = await tokenFor('late@example.com');
    expect(newToken).not.toBe(oldToken);
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/invitations/by-token/${oldToken}` }))
        .statusCode,
    ).toBe(404);
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/invitations/by-token/${newToken}` }))
        .statusCode,
    ).toBe(200);
  });

  it('cancels: the link stops working and the unused membership goes', async () => {
    const created = (
      await invite('admin@alpha.example.com', { email: 'gone@example.com', role: 'staff' })
    ).json();
    const token = await tokenFor('gone@example.com');
    const fromOtherTenant = await t.app.inject({
      method: 'DELETE',
      url: `/api/invitations/${created.id}`,
      headers: browserHeaders(cookie['admin@beta.example.com'] ?? ''),
    });
    expect(fromOtherTenant.statusCode).toBe(404);
    const cancelled = await t.app.inject({
      method: 'DELETE',
      url: `/api/invitations/${created.id}`,
      headers: browserHeaders(cookie['admin@alpha.example.com'] ?? ''),
    });
    expect(cancelled.json().status).toBe('cancelled');
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/invitations/by-token/${token}` })).statusCode,
    ).toBe(404);
    const memberships = await rows<{ n: number }>(
      t.testDb.database,
      sql`select count(*)::int as n from memberships m join users u on u.id = m.user_id where u.email = 'gone@example.com'`,
    );
    expect(memberships[0]?.n).toBe(0);
    const audit = await rows<{ action: string }>(
      t.testDb.database,
      sql`select action from audit_log where target_id = ${created.id} order by occurred_at`,
    );
    expect(audit.map((a) => a.action)).toEqual([
      'core.invitation.create',
      'core.invitation.cancel',
    ]);
  });

  it('lets program admins invite instructors into their own programs only', async () => {
    const own = await invite('pa@alpha.example.com', {
      email: 'teacher@example.com',
      role: 'instructor',
      scope: { programs: ['p1'] },
    });
    expect(own.statusCode).toBe(201);
    const otherProgram = await invite('pa@alpha.example.com', {
      email: 'teacher2@example.com',
      role: 'instructor',
      scope: { programs: ['p2'] },
    });
    expect(otherProgram.statusCode).toBe(403);
    const otherRole = await invite('pa@alpha.example.com', {
      email: 'boss@example.com',
      role: 'tenant_admin',
      scope: { programs: ['p1'] },
    });
    expect(otherRole.statusCode).toBe(403);
  });

  it('refuses staff, audited as denied, and lists only the tenant’s own invitations', async () => {
    const refused = await invite('staff@alpha.example.com', {
      email: 'x@example.com',
      role: 'staff',
    });
    expect(refused.statusCode).toBe(403);
    const [denied] = await rows<{ outcome: string }>(
      t.testDb.database,
      sql`select outcome from audit_log where action = 'core.access.denied' and actor_email = 'staff@alpha.example.com'`,
    );
    expect(denied?.outcome).toBe('denied');
    const beta = await t.app.inject({
      method: 'GET',
      url: '/api/invitations',
      headers: { cookie: cookie['admin@beta.example.com'] ?? '' },
    });
    expect(beta.json().items).toEqual([]);
    const alpha = await t.app.inject({
      method: 'GET',
      url: '/api/invitations?status=pending',
      headers: { cookie: cookie['admin@alpha.example.com'] ?? '' },
    });
    expect(
      alpha
        .json()
        .items.map((i: { email: string }) => i.email)
        .sort(),
    ).toEqual(['late@example.com', 'teacher@example.com']);
  });
});
