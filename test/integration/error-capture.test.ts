import * as Sentry from '@sentry/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src/core/errors.js';
import { defineModule } from '../../src/core/modules/define-module.js';
import { closeErrorCapture, initErrorCapture } from '../../src/core/observe/error-capture.js';
import { createTestApp, TEST_BASE_URL, type TestApp } from '../support/app.js';
import { eventsOf, startEnvelopeReceiver } from '../support/envelope-receiver.js';

const crashing = defineModule({
  name: 'crashing',
  label: 'Crashing',
  routes: (app) => {
    app.post('/api/crash', { config: { permission: 'public' } }, async () => {
      throw new Error('lookup failed for alice@example.com with ?token=s3cr3t-value');
    });
    app.post('/api/refuse', { config: { permission: 'public' } }, async () => {
      throw new AppError(409, 'conflict', 'Already done for bob@example.com');
    });
  },
});

describe('error capture (Sentry) against a local envelope endpoint', () => {
  let receiver: Awaited<ReturnType<typeof startEnvelopeReceiver>>;
  let t: TestApp;

  beforeAll(async () => {
    receiver = await startEnvelopeReceiver();
    expect(initErrorCapture({ dsn: receiver.dsn, environment: 'test', release: '1.2.3' })).toBe(
      true,
    );
    t = await createTestApp('pglite', { modules: () => [crashing] });
  });
  afterAll(async () => {
    await t.dispose();
    await closeErrorCapture();
    await receiver.close();
  });
  beforeEach(() => {
    receiver.envelopes.length = 0;
  });

  const post = (url: string) =>
    t.app.inject({
      method: 'POST',
      url: `${url}?token=query-secret&email=carol@example.com`,
      headers: {
        origin: TEST_BASE_URL,
        cookie: 'session=cookie-secret',
        authorization: 'Bearer header-secret',
        'x-request-id': 'req-capture-1',
      },
      payload: { email: 'dave@example.com', password: 'body-secret' },
    });

  it('reports a server error with the request id, scrubbed of personal data and secrets', async () => {
    expect((await post('/api/crash')).statusCode).toBe(500);
    await Sentry.flush(5_000);
    const events = eventsOf(receiver.envelopes);
    expect(events).toHaveLength(1);
    const [event] = events;
    expect(event.tags).toMatchObject({
      request_id: 'req-capture-1',
      route: '/api/crash',
      method: 'POST',
    });
    expect(event.environment).toBe('test');
    expect(event.release).toBe('eduledger@1.2.3');
    expect(event.exception.values[0].value).toBe(
      'lookup failed for [email] with ?token=[redacted]',
    );
    const raw = receiver.envelopes.join('\n');
    for (const secret of [
      'example.com',
      's3cr3t-value',
      'query-secret',
      'cookie-secret',
      'header-secret',
      'body-secret',
    ]) {
      expect(raw).not.toContain(secret);
    }
  });

  it('does not report client errors (4xx)', async () => {
    expect((await post('/api/refuse')).statusCode).toBe(409);
    await Sentry.flush(2_000);
    expect(eventsOf(receiver.envelopes)).toHaveLength(0);
  });
});

describe('error capture without SENTRY_DSN', () => {
  it('stays off', () => {
    expect(initErrorCapture({ dsn: null, environment: 'test', release: '1' })).toBe(false);
  });
});
