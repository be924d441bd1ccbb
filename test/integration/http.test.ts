import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';
import { probeModule } from '../support/probe-module.js';

const errorShape = {
  error: {
    code: expect.any(String),
    message: expect.any(String),
    details: expect.any(Array),
    requestId: expect.any(String),
  },
};

describe('HTTP platform', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('pglite', { modules: (database) => [probeModule(database)] });
  });
  afterAll(() => t.dispose());

  it('answers liveness and readiness', async () => {
    const health = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toMatchObject({ status: 'ok', version: 'test' });
    const ready = await t.app.inject({ method: 'GET', url: '/api/ready' });
    expect(ready.json()).toEqual({
      status: 'ready',
      checks: { database: 'ok', migrations: 'ok' },
    });
  });

  it('echoes a safe x-request-id and generates one otherwise', async () => {
    const given = await t.app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-request-id': 'abc-123' },
    });
    expect(given.headers['x-request-id']).toBe('abc-123');
    const unsafe = await t.app.inject({
      method: 'GET',
      url: '/api/nowhere',
      headers: { 'x-request-id': 'bad id\nwith newline' },
    });
    expect(unsafe.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(unsafe.json().error.requestId).toBe(unsafe.headers['x-request-id']);
  });

  it('rejects a malformed body with 400 and a detail per field', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/probe/tenants',
      payload: { slug: 'ok', name: '', seats: 'many' },
    });
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body).toMatchObject(errorShape);
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.details.map((d: { path: string }) => d.path).sort()).toEqual([
      'name',
      'seats',
    ]);
  });

  it('rejects invalid JSON with 400 in the same shape', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/probe/tenants',
      headers: { 'content-type': 'application/json' },
      payload: '{"slug":',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject(errorShape);
  });

  it('turns service validation and conflicts into 400 and 409', async () => {
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/probe/tenants',
      payload: { slug: 'NOT OK', name: 'x', seats: 1 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toEqual([
      { path: 'slug', message: '2–40 lower-case letters, digits or hyphens' },
    ]);
    const payload = { slug: 'twice', name: 'Twice', seats: 1 };
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/probe/tenants', payload })).statusCode,
    ).toBe(201);
    const again = await t.app.inject({ method: 'POST', url: '/api/probe/tenants', payload });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('conflict');
  });

  it('denies a protected route to an anonymous caller with 401', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/probe/secret' });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ error: { code: 'unauthenticated' } });
  });

  it('answers unknown API routes with a JSON 404 and other paths with the SPA', async () => {
    for (const method of ['GET', 'POST', 'DELETE'] as const) {
      const response = await t.app.inject({ method, url: '/api/does-not-exist?q=1' });
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ error: { code: 'not_found' } });
    }
    const page = await t.app.inject({ method: 'GET', url: '/engagement/events/42' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.body).toContain('<title>EduLedger</title>');
    const file = await t.app.inject({ method: 'GET', url: '/robots.txt' });
    expect(file.body).toBe('User-agent: *');
    const escape = await t.app.inject({ method: 'GET', url: '/..%2F..%2Fetc%2Fpasswd' });
    expect(escape.body).not.toContain('root:');
  });

  it('sends a CSP the SPA can live with, and other security headers', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/' });
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
  });

  it('hides internal error details when asked to, and never sends a stack', async () => {
    const dev = await t.app.inject({ method: 'GET', url: '/api/probe/crash' });
    expect(dev.statusCode).toBe(500);
    expect(dev.body).not.toContain('at ');
    const production = await createTestApp('pglite', {
      modules: (database) => [probeModule(database)],
      exposeInternalErrors: false,
      rateLimitPerMinute: 2,
      bodyLimit: 64,
    });
    try {
      const crash = await production.app.inject({ method: 'GET', url: '/api/probe/crash' });
      expect(crash.json()).toMatchObject({
        error: { code: 'internal_error', message: 'An unexpected error occurred' },
      });
      expect(crash.body).not.toContain('hunter2');

      const tooLarge = await production.app.inject({
        method: 'POST',
        url: '/api/probe/tenants',
        payload: { slug: 'x'.repeat(100), name: 'n', seats: 1 },
      });
      expect(tooLarge.statusCode).toBe(413);
      expect(tooLarge.json()).toMatchObject({ error: { code: 'payload_too_large' } });

      const limited = await production.app.inject({ method: 'GET', url: '/api/health' });
      expect(limited.statusCode).toBe(429);
      expect(limited.json()).toMatchObject({ error: { code: 'rate_limited' } });
    } finally {
      await production.dispose();
    }
  });

  it('documents the API as OpenAPI generated from the zod schemas', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    expect(spec.openapi).toMatch(/^3\./);
    expect(spec.paths['/api/health'].get.responses['200']).toBeDefined();
    expect(
      spec.paths['/api/probe/tenants'].post.requestBody.content['application/json'].schema.required,
    ).toEqual(['slug', 'name', 'seats']);
    const ui = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(ui.statusCode).toBe(200);
    expect(ui.headers['content-type']).toMatch(/text\/html/);
  });
});
