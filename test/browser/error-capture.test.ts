import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server.js';
import { launchBrowser, screenshotOnFailure } from '../support/browser.js';
import { eventsOf, startEnvelopeReceiver } from '../support/envelope-receiver.js';
import { startLiveServer } from '../support/live-server.js';

describe('the web app with SENTRY_DSN set', () => {
  let receiver: Awaited<ReturnType<typeof startEnvelopeReceiver>>;
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    receiver = await startEnvelopeReceiver();
    [server, browser] = await Promise.all([
      startLiveServer({ SENTRY_DSN: receiver.dsn }),
      launchBrowser(),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await receiver?.close();
  });

  it('reports an uncaught error of the page to that endpoint, scrubbed of personal data', async (context) => {
    const page = await browser.newPage();
    screenshotOnFailure(page, context.task.name.replace(/\W+/g, '-'));
    await page.goto(server.url);
    await page.waitForURL(/\/sign-in$/);

    // Capture starts once the deployment's settings have arrived: throw until a report comes.
    await expect
      .poll(
        async () => {
          await page.evaluate(() => {
            setTimeout(() => {
              throw new Error('export failed for erin@example.com ?token=abc123');
            });
          });
          return eventsOf(receiver.envelopes).length;
        },
        { timeout: 15_000, interval: 500 },
      )
      .toBeGreaterThan(0);

    const [event] = eventsOf(receiver.envelopes);
    expect(event.exception.values[0].value).toBe('export failed for [email] ?token=[redacted]');
    expect(event.environment).toBe('test');
    expect(event.release).toMatch(/^eduledger@/);
    const raw = receiver.envelopes.join('\n');
    expect(raw).not.toContain('example.com');
    expect(raw).not.toContain('abc123');
  });
});
