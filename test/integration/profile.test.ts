import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_BASE_URL, type TestApp } from '../support/app.js';
import { testDatabaseKinds } from '../support/databases.js';
import {
  browserHeaders,
  PASSWORD,
  rows,
  seedTenant,
  seedUser,
  signIn,
} from '../support/identity.js';

describe.each(testDatabaseKinds())('my profile on %s', (kind) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp(kind);
    await seedTenant(t.testDb.database, 'alpha');
    await seedUser(t.testDb.database, 'me@example.com', 'alpha', 'staff');
    await seedUser(t.testDb.database, 'taken@example.com', 'alpha', 'staff');
  });
  afterAll(() => t.dispose());

  it('changes my name', async () => {
    const { cookie } = await signIn(t.app, 'me@example.com');
    const response = await t.app.inject({
      method: 'PATCH',
      url: '/api/me/profile',
      headers: browserHeaders(cookie),
      payload: { name: '  Morgan Lee ' },
    });
    expect(response.json().user.name).toBe('Morgan Lee');
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
    expect(me.json().user.name).toBe('Morgan Lee');
  });

  it('changes my password with the current one, sends a notice, and can sign out other sessions', async () => {
    const other = await signIn(t.app, 'me@example.com');
    const { cookie } = await signIn(t.app, 'me@example.com');
    const change = (currentPassword: string, newPassword: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/change-password',
        headers: browserHeaders(cookie),
        payload: { currentPassword, newPassword, revokeOtherSessions: true },
      });
    const wrong = await change('not my password', 'saffron tidal beacon');
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.code).toBe('invalid_password');
    const weak = await change(PASSWORD, 'qwertyuiop');
    expect(weak.json().error.details).toEqual([
      { path: 'newPassword', message: 'is too common: choose another' },
    ]);
    expect((await change(PASSWORD, 'saffron tidal beacon')).statusCode).toBe(200);
    const otherMe = await t.app.inject({
      method: 'GET',
      url: '/api/me',
      headers: { cookie: other.cookie },
    });
    expect(otherMe.statusCode).toBe(401);
    const notices = await rows<{ n: number }>(
      t.testDb.database,
      sql`select count(*)::int as n from email_outbox where "to" = 'me@example.com' and template = 'password-changed'`,
    );
    expect(notices[0]?.n).toBe(1);
    expect((await signIn(t.app, 'me@example.com', 'saffron tidal beacon')).status).toBe(200);
  });

  it('lists my sessions and revokes one, but not someone else’s', async () => {
    const first = await signIn(t.app, 'me@example.com', 'saffron tidal beacon');
    const second = await signIn(t.app, 'me@example.com', 'saffron tidal beacon');
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/me/sessions',
      headers: { cookie: second.cookie },
    });
    const items = list.json().items as { id: string; current: boolean }[];
    expect(items.filter((s) => s.current)).toHaveLength(1);
    expect(JSON.stringify(list.json())).not.toMatch(/token/i);
    const firstMe = await t.app.inject({
      method: 'GET',
      url: '/api/me/sessions',
      headers: { cookie: first.cookie },
    });
    const firstId = (firstMe.json().items as { id: string; current: boolean }[]).find(
      (s) => s.current,
    )?.id;
    const revoke = await t.app.inject({
      method: 'DELETE',
      url: `/api/me/sessions/${firstId}`,
      headers: browserHeaders(second.cookie),
    });
    expect(revoke.statusCode).toBe(204);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: first.cookie } }))
        .statusCode,
    ).toBe(401);

    const stranger = await signIn(t.app, 'taken@example.com');
    const theirs = await t.app.inject({
      method: 'GET',
      url: '/api/me/sessions',
      headers: { cookie: stranger.cookie },
    });
    const theirId = theirs.json().items[0].id;
    const refused = await t.app.inject({
      method: 'DELETE',
      url: `/api/me/sessions/${theirId}`,
      headers: browserHeaders(second.cookie),
    });
    expect(refused.statusCode).toBe(404);
  });

  it('changes my email only after the new address confirms', async () => {
    const { cookie } = await signIn(t.app, 'me@example.com', 'saffron tidal beacon');
    const request = (newEmail: string, currentPassword = 'saffron tidal beacon') =>
      t.app.inject({
        method: 'POST',
        url: '/api/me/email',
        headers: browserHeaders(cookie),
        payload: { newEmail, currentPassword },
      });
    expect((await request('new@example.com', 'wrong')).json().error.code).toBe('invalid_password');
    expect((await request('taken@example.com')).statusCode).toBe(409);
    const accepted = await request('New@Example.com');
    expect(accepted.statusCode).toBe(202);
    expect(accepted.json()).toEqual({ pendingEmail: 'new@example.com' });
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
    expect(me.json().user).toMatchObject({
      email: 'me@example.com',
      pendingEmail: 'new@example.com',
    });

    const [mail] = await rows<{ data: { url: string } }>(
      t.testDb.database,
      sql`select data from email_outbox where "to" = 'new@example.com' and template = 'email-change'`,
    );
    const link = new URL(mail?.data.url ?? '');
    expect(link.origin).toBe(TEST_BASE_URL);
    const confirmed = await t.app.inject({ method: 'GET', url: `${link.pathname}${link.search}` });
    expect(confirmed.headers.location).toBe('/profile?emailChanged=1');
    const changed = await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
    expect(changed.json().user).toMatchObject({ email: 'new@example.com', pendingEmail: null });
    const again = await t.app.inject({ method: 'GET', url: `${link.pathname}${link.search}` });
    expect(again.headers.location).toBe('/profile?emailChangeError=1');
    expect((await signIn(t.app, 'new@example.com', 'saffron tidal beacon')).status).toBe(200);
  });
});
