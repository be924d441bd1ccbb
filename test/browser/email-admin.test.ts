import { mkdirSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { tx } from '../../src/core/db/tx.js';
import { createBulkJob } from '../../src/core/email/bulk.js';
import { outboxEmailSender } from '../../src/core/email/sender.js';
import type { RunningServer } from '../../src/server.js';
import {
  collectErrors,
  launchBrowser,
  screenshotOnFailure,
  signInThroughForm,
} from '../support/browser.js';
import { startLiveServer } from '../support/live-server.js';

/** Screenshots for a person to look at (the gallery must "look right in Chromium"). */
const SHOTS = process.env.EMAIL_ADMIN_SHOTS ?? '/tmp';

describe('email admin pages, from a queued invitation to its preview', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  /** What the browser reported as errors: a CSP violation by a preview would show here. */
  let errors: string[];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startLiveServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  beforeEach(async (context) => {
    page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
    screenshotOnFailure(page, context.task.name.replace(/\W+/g, '-'));
    errors = collectErrors(page);
    const demo = server.demo;
    if (!demo) throw new Error('the live server should have seeded the demo tenant');
    await signInThroughForm(page, server.url, demo.email, demo.password);
  });

  it('lists the invitation email, opens it and shows its HTML in a sandboxed frame', async () => {
    const status = await page.evaluate(async () => {
      const response = await fetch('/api/invitations', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          email: 'morgan.preview@example.com',
          role: 'staff',
          message: 'Welcome aboard <b>Morgan</b>!',
        }),
      });
      return response.status;
    });
    expect(status).toBe(201);

    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Emails' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Emails' }).waitFor();
    const table = page.getByRole('table', { name: 'Emails' });
    const row = table.getByRole('row').filter({ hasText: 'morgan.preview@example.com' });
    await row.waitFor();
    await expect(row.getByText('Invitation', { exact: true }).count()).resolves.toBe(1);
    await page.screenshot({ path: `${SHOTS}/email-admin-list.png` });

    await page.getByRole('searchbox', { name: 'Recipient' }).fill('morgan');
    await page.waitForURL((url) => url.searchParams.get('recipient') === 'morgan');
    await row.getByRole('link').click();
    await page.waitForURL((url) => /^\/admin\/emails\/[0-9a-f-]{36}$/.test(url.pathname));

    const frame = page.locator('iframe[title^="HTML preview"]');
    await expect(frame.getAttribute('sandbox')).resolves.toBe('');
    const body = page.frameLocator('iframe[title^="HTML preview"]');
    await body.getByText('Demo Partnership').first().waitFor();
    await body.getByText('Welcome aboard <b>Morgan</b>!').waitFor();
    await page.getByRole('table', { name: 'Email details' }).getByText('Invitation').waitFor();
    await page.screenshot({ path: `${SHOTS}/email-admin-detail.png`, fullPage: true });

    await page.getByRole('tab', { name: 'Plain text' }).click();
    await page.getByText(/Welcome aboard <b>Morgan<\/b>!/).waitFor();

    await page.getByRole('button', { name: 'Resend' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Resend' }).click();
    await page.getByText('Email queued again for morgan.preview@example.com').waitFor();
    expect(errors).toEqual([]);
  });

  it('renders every template in the gallery, and the delivery metrics', async () => {
    await page.goto(`${server.url}/admin/emails/templates`);
    const cards = page.getByRole('article');
    await cards.first().waitFor();
    const count = await cards.count();
    expect(count).toBeGreaterThanOrEqual(14);
    // One picture per card: Chromium does not paint sandboxed frames far outside the viewport.
    mkdirSync(`${SHOTS}/email-admin-gallery`, { recursive: true });
    for (let i = 0; i < count; i++) {
      const card = cards.nth(i);
      const frame = card.locator('iframe[sandbox=""]');
      await frame.scrollIntoViewIfNeeded();
      await frame.contentFrame().getByText('Sent by EduLedger for Demo Partnership.').waitFor();
      const name = await card.locator('code').first().textContent();
      await card.screenshot({
        path: `${SHOTS}/email-admin-gallery/${name ?? String(i)}.png`,
        style: '.mantine-AppShell-header { visibility: hidden; }',
      });
    }
    await page.getByRole('heading', { level: 1 }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/email-admin-gallery.png` });

    await page.getByRole('tab', { name: 'Delivery metrics' }).click();
    await page.getByRole('table', { name: 'Emails by template' }).waitFor();
    await page.getByRole('img', { name: /Emails by template and status/ }).waitFor();
    await page.screenshot({ path: `${SHOTS}/email-admin-metrics.png`, fullPage: true });
    expect(errors).toEqual([]);
  });

  it('follows a bulk send live until the worker has delivered it', async () => {
    const { db } = server.runtime.database;
    const result = (await db.execute(
      sql`select id from tenants where slug = 'demo'`,
    )) as unknown as {
      rows: { id: string }[];
    };
    const tenantId = result.rows[0]?.id ?? '';
    await tx(db, { tenantId }, (q) =>
      createBulkJob(q, outboxEmailSender(), {
        tenantId,
        template: 'assessment-reminder',
        recipients: ['ana', 'ben', 'cy'].map((name) => ({
          to: `${name}@example.com`,
          data: {
            instructorName: name,
            sections: ['ASE-103L 001'],
            term: 'Fall 2025',
            dueDate: 'December 19, 2025',
            message: null,
            url: `${server.url}/outcomes/my-sections`,
          },
        })),
      }),
    );

    await page.goto(`${server.url}/admin/emails`);
    await page.getByRole('tab', { name: 'Bulk sends' }).click();
    await page.getByRole('table', { name: 'Bulk sends' }).getByRole('link').first().click();
    await page.getByRole('heading', { name: 'Assessment reminder to 3 recipients' }).waitFor();
    await page.getByRole('progressbar', { name: 'Progress of this bulk send' }).waitFor();
    await page.getByText('Completed', { exact: true }).waitFor({ timeout: 30_000 });
    await page.getByText('3 sent').waitFor();
    await page.getByText('No recipient has failed.').waitFor();
    await page.screenshot({ path: `${SHOTS}/email-admin-bulk.png`, fullPage: true });
    expect(errors).toEqual([]);
  });
});
