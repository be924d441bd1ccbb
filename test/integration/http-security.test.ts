import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RATE_LIMIT_POLICIES } from '../../src/core/http/rate-limits.js';
import { createTestApp, TEST_BASE_URL, type TestApp } from '../support/app.js';
import { testDatabaseKinds } from '../support/databases.js';
import { PASSWORD, seedTenant, seedUser } from '../support/identity.js';

const PUBLIC_URL = 'https://ledger.college.example.edu';

describe('security headers', () => {
  let plain: TestApp;
  let tls: TestApp;
  beforeAll(async () => {
    plain = await createTestApp('pglite');
    tls = await createTestApp('pglite', { baseUrl: PUBLIC_URL, trustedOrigins: [PUBLIC_URL] });
  });
  afterAll(async () => {
    await plain.dispose();
    await tls.dispose();
  });

  it('sends a CSP whose scripts come from the app only (no inline scripts, no eval)', async () => {
    const response = await plain.app.inject({ method: 'GET', url: '/' });
    const csp = String(response.headers['content-security-policy']);
    const scriptSrc = csp.split(';').find((d) => d.trim().startsWith('script-src '));
    expect(scriptSrc?.trim()).toBe("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  it('sends HSTS only when the public address is https', async () => {
    const onPlain = await plain.app.inject({ method: 'GET', url: '/api/health' });
    expect(onPlain.headers['strict-transport-security']).toBeUndefined();
    expect(String(onPlain.headers['content-security-policy'])).not.toContain(
      'upgrade-insecure-requests',
    );
    const onTls = await tls.app.inject({ method: 'GET', url: '/api/health' });
    expect(onTls.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(String(onTls.headers['content-security-policy'])).toContain('upgrade-insecure-requests');
  });
});

describe('HTTPS behind a proxy (TRUST_PROXY)', () => {
  let proxied: TestApp;
  let untrusting: TestApp;
  beforeAll(async () => {
    proxied = await createTestApp('pglite', {
      baseUrl: PUBLIC_URL,
      trustedOrigins: [PUBLIC_URL],
      trustProxy: true,
    });
    untrusting = await createTestApp('pglite', {
      baseUrl: PUBLIC_URL,
      trustedOrigins: [PUBLIC_URL],
    });
  });
  afterAll(async () => {
    await proxied.dispose();
    await untrusting.dispose();
  });

  it('redirects plain-HTTP requests (301) to the same path on the https BASE_URL', async () => {
    const response = await proxied.app.inject({
      method: 'GET',
      url: '/admin/users?page=2',
      headers: { 'x-forwarded-proto': 'http', host: 'evil.example.com' },
    });
    expect(response.statusCode).toBe(301);
    // The configured host, never the request's Host header.
    expect(response.headers.location).toBe(`${PUBLIC_URL}/admin/users?page=2`);
  });

  it('serves https requests, and health checks over plain HTTP', async () => {
    const secure = await proxied.app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(secure.statusCode).toBe(200);
    const probe = await proxied.app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-forwarded-proto': 'http' },
    });
    expect(probe.statusCode).toBe(200);
    const page = await proxied.app.inject({
      method: 'GET',
      url: '/',
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(page.statusCode).toBe(200);
  });

  it('takes the client address from X-Forwarded-For only when trusted', async () => {
    // Without TRUST_PROXY the forwarded headers are ignored: no redirect, whatever they say.
    const response = await untrusting.app.inject({
      method: 'GET',
      url: '/',
      headers: { 'x-forwarded-proto': 'http' },
    });
    expect(response.statusCode).toBe(200);
  });
});

describe.each(testDatabaseKinds())('per-route rate limits on %s', (kind) => {
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    a = await createTestApp(kind, {
      rateLimitPolicies: DEFAULT_RATE_LIMIT_POLICIES,
      trustProxy: true,
    });
    // A second instance on the same database, as behind a load balancer.
    const { buildApp } = await import('../../src/core/http/app.js');
    const { createLogger } = await import('../../src/core/observe/logger.js');
    const { fakeWebRoot } = await import('../support/app.js');
    const second = await buildApp({
      database: a.testDb.database,
      modules: [],
      logger: createLogger('silent'),
      version: 'test',
      webRoot: fakeWebRoot(),
      exposeInternalErrors: true,
      rateLimitPerMinute: 10_000,
      baseUrl: TEST_BASE_URL,
      trustedOrigins: [TEST_BASE_URL],
      sessionSecret: 'test-secret-that-is-at-least-32-characters-long',
      trustProxy: true,
    });
    await second.ready();
    b = { app: second, testDb: a.testDb, dispose: () => second.close() };
    await seedTenant(a.testDb.database, 'acme');
    await seedUser(a.testDb.database, 'ada@acme.example.com', 'acme', 'tenant_admin');
  });
  afterAll(async () => {
    await b.dispose();
    await a.dispose();
  });

  const signIn = (t: TestApp, email: string, password: string, ip = '203.0.113.7') =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      headers: { origin: TEST_BASE_URL, 'x-forwarded-for': ip },
      payload: { email, password },
    });

  // One attempt per account, so the account lockout (5 failures of one account) never applies:
  // what stops this spraying is the per-address limit.
  const guess = (i: number) => `guess${String(i)}@acme.example.com`;

  it('answers 429 once one address made the allowed sign-in attempts, counted across instances', async () => {
    const { max } = DEFAULT_RATE_LIMIT_POLICIES.signIn;
    for (let i = 0; i < max; i += 1) {
      const t = i % 2 === 0 ? a : b;
      const response = await signIn(t, guess(i), 'wrong password');
      expect(response.statusCode, `attempt ${String(i + 1)} ${response.body}`).toBe(401);
    }
    const blocked = await signIn(a, 'ada@acme.example.com', PASSWORD);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe('rate_limited');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    const onOther = await signIn(b, guess(999), 'wrong password');
    expect(onOther.statusCode).toBe(429);
  });

  it('still lets other addresses sign in', async () => {
    const elsewhere = await signIn(a, 'ada@acme.example.com', PASSWORD, '198.51.100.20');
    expect(elsewhere.statusCode).toBe(200);
  });

  it('limits password-reset requests (429 after 5)', async () => {
    const request = () =>
      a.app.inject({
        method: 'POST',
        url: '/api/auth/request-password-reset',
        headers: { origin: TEST_BASE_URL, 'x-forwarded-for': '203.0.113.9' },
        payload: { email: 'ada@acme.example.com', redirectTo: '/reset-password' },
      });
    for (let i = 0; i < DEFAULT_RATE_LIMIT_POLICIES.passwordReset.max; i += 1) {
      expect((await request()).statusCode).toBeLessThan(400);
    }
    expect((await request()).statusCode).toBe(429);
  });

  it('limits invitation-link lookups, and lets them through again once the window is over', async () => {
    const short = await createTestApp(kind, {
      rateLimitPolicies: {
        ...DEFAULT_RATE_LIMIT_POLICIES,
        invitationTokens: { max: 3, windowMs: 1500, key: 'ip' },
      },
    });
    try {
      const lookup = () =>
        short.app.inject({ method: 'GET', url: '/api/invitations/by-token/guessed-token' });
      for (let i = 0; i < 3; i += 1) expect((await lookup()).statusCode).toBe(404);
      expect((await lookup()).statusCode).toBe(429);
      await new Promise((resolve) => setTimeout(resolve, 1700));
      expect((await lookup()).statusCode).toBe(404);
    } finally {
      await short.dispose();
    }
  });

  it('does not count session reads against the sign-in limit', async () => {
    for (let i = 0; i < 15; i += 1) {
      const response = await a.app.inject({
        method: 'GET',
        url: '/api/auth/get-session',
        headers: { 'x-forwarded-for': '203.0.113.7' },
      });
      expect(response.statusCode).toBe(200);
    }
  });
});
