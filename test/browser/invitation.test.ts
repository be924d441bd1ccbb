import { sql } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server.js';
import { launchBrowser, screenshotOnFailure, signInThroughForm } from '../support/browser.js';
import { startLiveServer } from '../support/live-server.js';

describe('invitation, from the admin to the invitee’s first page', () => {
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

  it('invites a user, opens the emailed link, sets a password and lands signed in', async () => {
    const demo = server.demo;
    if (!demo) throw new Error('the live server should have seeded the demo tenant');
    await signInThroughForm(page, server.url, demo.email, demo.password);

    await page.getByRole('link', { name: 'Invitations' }).click();
    await page.getByRole('button', { name: 'Invite someone' }).click();
    const form = page.getByRole('form', { name: 'Invite someone' });
    await form.getByLabel(/^Email/).fill('casey.newhire@example.com');
    await form.getByPlaceholder('Choose a role').click();
    await page.getByRole('option', { name: 'Staff' }).click();
    await form.getByRole('button', { name: 'Send invitation' }).click();
    await page.getByText('Invitation sent to casey.newhire@example.com').waitFor();

    const result = (await server.runtime.database.db.execute(
      sql`select data from email_outbox where "to" = 'casey.newhire@example.com' and template = 'invitation'`,
    )) as unknown as { rows: { data: { url: string } }[] };
    const link = new URL(result.rows[0]?.data.url ?? '');
    expect(link.origin).toBe(server.url);

    const invitee = await browser.newContext();
    const inviteePage = await invitee.newPage();
    screenshotOnFailure(inviteePage, 'invitee');
    await inviteePage.goto(link.href);
    await inviteePage.getByLabel(/^Your name/).fill('Casey Newhire');
    await inviteePage
      .getByLabel(/^Password/)
      .first()
      .fill('lilac river summit');
    await inviteePage.getByLabel(/^Confirm password/).fill('lilac river summit');
    await inviteePage.getByRole('button', { name: 'Accept and sign in' }).click();
    await inviteePage.getByRole('heading', { name: 'Welcome, Casey Newhire' }).waitFor();
    expect(new URL(inviteePage.url()).pathname).toBe('/');
    await invitee.close();
  });
});
