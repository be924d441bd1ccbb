import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server.js';
import { launchBrowser, screenshotOnFailure } from '../support/browser.js';
import { startLiveServer } from '../support/live-server.js';

describe('the web app in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startLiveServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  beforeEach(async (context) => {
    page = await browser.newPage();
    screenshotOnFailure(page, context.task.name.replace(/\W+/g, '-'));
  });

  it('loads the SPA, lands on sign-in and shows the live system status', async () => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(server.url);
    await page.waitForURL(/\/sign-in$/);
    await expect(
      page
        .getByRole('heading', { name: /EduLedger/i })
        .first()
        .isVisible(),
    ).resolves.toBe(true);
    await page.getByText('System is up').waitFor();
    expect(errors).toEqual([]);
  });

  it('shows the not-found page for an unknown client route, with a way home', async () => {
    await page.goto(`${server.url}/no/such/page`);
    await page.getByRole('link', { name: /home/i }).click();
    await page.waitForURL(/\/sign-in$/);
  });
});
