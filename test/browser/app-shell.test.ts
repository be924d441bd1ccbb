import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server.js';
import { collectErrors, launchBrowser, screenshotOnFailure } from '../support/browser.js';
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

  it('signs the demo admin in from the sign-in page and out again', async () => {
    const errors = collectErrors(page);
    const demo = server.demo;
    if (!demo) throw new Error('the live server should have seeded the demo tenant');

    await page.goto(server.url);
    await page.waitForURL(/\/sign-in$/);
    await page.getByLabel(/^Email/).fill(demo.email);
    await page.locator('input[autocomplete="current-password"]').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Email or password is incorrect').waitFor();

    await page.locator('input[autocomplete="current-password"]').fill(demo.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Welcome, Demo Admin' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    await expect(page.getByText('Demo Partnership').first().isVisible()).resolves.toBe(true);

    await page.getByRole('button', { name: /Account menu/ }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in/);
    await page.goto(server.url);
    await page.waitForURL(/\/sign-in$/);
    expect(errors).toEqual([]);
  });

  it('shows the not-found page for an unknown client route, with a way home', async () => {
    await page.goto(`${server.url}/no/such/page`);
    await page.getByRole('link', { name: /home/i }).click();
    await page.waitForURL(/\/sign-in$/);
  });
});
