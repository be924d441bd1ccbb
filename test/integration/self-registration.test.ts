import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_BASE_URL, type TestApp } from '../support/app.js';
import { testDatabaseKinds } from '../support/databases.js';
import { rows, signIn } from '../support/identity.js';

const outcomes = { name: 'outcomes', label: 'Outcomes' };
const registration = {
  institutionName: 'Prairie Community College',
  slug: 'prairie-cc',
  name: 'Robin Dean',
  email: 'Robin@Prairie.example.edu',
  password: 'amber tundra compass',
};

describe.each(testDatabaseKinds())('self-registration on %s', (kind) => {
  let on: TestApp;
  let off: TestApp;
  beforeAll(async () => {
    [on, off] = await Promise.all([
      createTestApp(kind, { selfRegistration: true, modules: () => [outcomes] }),
      createTestApp(kind, { modules: () => [outcomes] }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([on.dispose(), off.dispose()]);
  });

  const register = (t: TestApp, payload: object) =>
    t.app.inject({
      method: 'POST',
      url: '/api/register',
      headers: { origin: TEST_BASE_URL },
      payload,
    });

  it('is off by default, and the public config says so', async () => {
    expect((await register(off, registration)).statusCode).toBe(404);
    const config = (app: TestApp) => app.app.inject({ method: 'GET', url: '/api/public-config' });
    expect((await config(off)).json()).toEqual({ selfRegistration: false, errorCapture: null });
    expect((await config(on)).json()).toEqual({ selfRegistration: true, errorCapture: null });
  });

  it('creates the tenant and a pending admin who signs in only after confirming the email', async () => {
    const created = await register(on, registration);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toEqual({
      tenantSlug: 'prairie-cc',
      email: 'robin@prairie.example.edu',
    });
    const [tenant] = await rows<{ modules: string[] }>(
      on.testDb.database,
      sql`select modules from tenants where slug = 'prairie-cc'`,
    );
    expect(tenant?.modules).toEqual(['outcomes']);

    const early = await signIn(on.app, 'robin@prairie.example.edu', registration.password);
    expect(early.body.error?.code).toBe('account_inactive');

    const [mail] = await rows<{ data: { url: string } }>(
      on.testDb.database,
      sql`select data from email_outbox where "to" = 'robin@prairie.example.edu' and template = 'verify-email'`,
    );
    const link = new URL(mail?.data.url ?? '');
    const verified = await on.app.inject({ method: 'GET', url: `${link.pathname}${link.search}` });
    expect(verified.statusCode).toBe(302);
    expect(verified.headers.location).toBe('/sign-in?verified=1');

    const later = await signIn(on.app, 'robin@prairie.example.edu', registration.password);
    expect(later.status).toBe(200);
    const me = await on.app.inject({
      method: 'GET',
      url: '/api/me',
      headers: { cookie: later.cookie },
    });
    expect(me.json().tenants).toMatchObject([{ slug: 'prairie-cc', role: 'tenant_admin' }]);
  });

  it('starts the new institution on a 30-day trial (DOMAIN.md §1.7)', async () => {
    const [subscription] = await rows<{ status: string; plan_code: string; days: number }>(
      on.testDb.database,
      sql`select s.status, s.plan_code, (s.trial_ends_on - s.trial_started_on)::int as days
          from billing_subscriptions s join tenants t on t.id = s.tenant_id
          where t.slug = 'prairie-cc'`,
    );
    expect(subscription).toEqual({ status: 'trialing', plan_code: 'institution', days: 30 });
  });

  it('refuses a taken slug or email, and weak passwords, leaving nothing behind', async () => {
    const taken = await register(on, { ...registration, email: 'other@prairie.example.edu' });
    expect(taken.statusCode).toBe(409);
    const sameEmail = await register(on, { ...registration, slug: 'prairie-two' });
    expect(sameEmail.statusCode).toBe(409);
    const weak = await register(on, {
      ...registration,
      slug: 'prairie-3',
      email: 'x@example.edu',
      password: 'password123',
    });
    expect(weak.statusCode).toBe(400);
    const tenants = await rows<{ slug: string }>(
      on.testDb.database,
      sql`select slug from tenants order by slug`,
    );
    expect(tenants.map((t) => t.slug)).toEqual(['prairie-cc']);
  });
});
