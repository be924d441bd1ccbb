import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server.js';
import { launchBrowser, screenshotOnFailure, signInThroughForm } from '../support/browser.js';
import { startLiveServer } from '../support/live-server.js';

const INSTRUCTOR = { name: 'Casey Rowe', email: 'casey.rowe@college.example.edu' };
const INSTRUCTOR_PASSWORD = 'amber canyon willow';
const shots = path.resolve(import.meta.dirname, '..', '..', 'test-results', 'outcomes-workflow');

/** A screenshot of the whole page, kept to look at (test-results/outcomes-workflow/). */
async function shot(page: Page, name: string) {
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
}

/** JSON calls to the live server as the holder of a session (its own origin, for CSRF). */
async function apiSession(server: RunningServer, email: string, password: string) {
  const signIn = await server.app.inject({
    method: 'POST',
    url: '/api/auth/sign-in/email',
    headers: { origin: server.url },
    payload: { email, password },
  });
  expect(signIn.statusCode).toBe(200);
  const cookie = signIn.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  return async (method: 'POST' | 'PATCH' | 'PUT' | 'GET', url: string, payload?: object) => {
    const response = await server.app.inject({
      method,
      url,
      headers: { cookie, origin: server.url },
      ...(payload ? { payload } : {}),
    });
    expect(response.statusCode, `${method} ${url}: ${response.body}`).toBeLessThan(300);
    return response.json<{ id: string; items: { id: string }[] }>();
  };
}

/** The newest email of `template` sent to `to`, from the outbox: its link. */
async function emailedLink(server: RunningServer, to: string, template: string) {
  const result = (await server.runtime.database.db.execute(
    sql`select data from email_outbox where "to" = ${to} and template = ${template}
        order by created_at desc limit 1`,
  )) as unknown as { rows: { data: { url: string } }[] };
  const url = result.rows[0]?.data.url;
  if (!url) throw new Error(`no ${template} email to ${to}`);
  const link = new URL(url);
  expect(link.origin).toBe(server.url);
  return link;
}

describe('outcomes assessment, from assignment to approval', () => {
  let server: RunningServer;
  let browser: Browser;
  let sectionId = '';
  let programId = '';

  beforeAll(async () => {
    [server, browser] = await Promise.all([startLiveServer(), launchBrowser()]);
    const demo = server.demo;
    if (!demo) throw new Error('the live server should have seeded the demo tenant');
    const admin = await apiSession(server, demo.email, demo.password);
    const program = await admin('POST', '/api/outcomes/programs', { name: 'Business' });
    const term = await admin('POST', '/api/outcomes/terms', { code: '2024FA' });
    const course = await admin('POST', '/api/outcomes/courses', {
      number: 'ACC-201',
      title: 'Principles of Accounting',
      programIds: [program.id],
    });
    programId = program.id;
    const cloUrl = `/api/outcomes/courses/${course.id}/outcomes`;
    const clos = [
      await admin('POST', cloUrl, { description: 'Complete the accounting cycle' }),
      await admin('POST', cloUrl, { description: 'Prepare financial statements' }),
    ];
    // Both CLOs count toward one program outcome, in the published mapping.
    const plo = await admin('POST', `/api/outcomes/programs/${program.id}/plos`, {
      description: 'Apply accounting principles',
    });
    for (const clo of clos) {
      await admin(
        'PUT',
        `/api/outcomes/programs/${program.id}/plo-mappings/draft/entries/${clo.id}`,
        { programOutcomeId: plo.id },
      );
    }
    await admin('POST', `/api/outcomes/programs/${program.id}/plo-mappings/draft/publish`);
    const offering = await admin('POST', '/api/outcomes/offerings', {
      courseId: course.id,
      termId: term.id,
      sections: 1,
      dueDate: '2024-12-20',
    });
    const sections = await admin('GET', `/api/outcomes/sections?offeringId=${offering.id}`);
    sectionId = sections.items[0]?.id ?? '';
    await admin('PATCH', `/api/outcomes/sections/${sectionId}`, { enrollment: 14, withdrawals: 1 });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('runs the loop: invite and assign, enter and submit, rework, resubmit, approve', async () => {
    const demo = server.demo;
    if (!demo) throw new Error('no demo tenant');
    const viewport = { width: 1400, height: 900 };

    // The admin assigns the section to a new instructor, who is invited by email.
    const adminContext = await browser.newContext({ locale: 'en-US', viewport });
    const admin = await adminContext.newPage();
    screenshotOnFailure(admin, 'outcomes-workflow-admin');
    await signInThroughForm(admin, server.url, demo.email, demo.password);
    await admin
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Sections' })
      .click();
    const sections = admin.getByRole('table', { name: 'Sections' });
    await sections.getByRole('link', { name: 'ACC-201-001' }).waitFor();
    await sections.getByRole('button', { name: 'Assign instructor' }).click();
    await admin.getByRole('button', { name: 'Invite a new instructor…' }).click();
    const invite = admin.getByRole('form', { name: 'Invite a new instructor' });
    await invite.getByRole('textbox', { name: 'Name' }).fill(INSTRUCTOR.name);
    await invite.getByRole('textbox', { name: 'Email' }).fill(INSTRUCTOR.email);
    await invite.getByRole('button', { name: 'Invite and assign' }).click();
    await admin.getByText(`Invited ${INSTRUCTOR.name}`).waitFor();

    // The admin reminds the instructor from the review queue, watching the job's progress.
    await admin
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Review' })
      .click();
    const queue = admin.getByRole('table', { name: 'Review queue' });
    const wholeSection = queue.getByRole('checkbox', { name: 'Select every CLO of ACC-201-001' });
    await wholeSection.check();
    const bulk = admin.getByRole('group', { name: 'Actions on the selected CLOs' });
    await bulk.getByRole('button', { name: 'Remind…' }).click();
    const remind = admin.getByRole('form', { name: 'Remind instructors' });
    const subject = remind.getByRole('textbox', { name: /Subject/ });
    await expect.poll(() => subject.inputValue()).not.toBe('');
    await subject.fill('ACC-201 results, please');
    await remind.getByRole('button', { name: 'Send reminders' }).click();
    await admin.getByText(/(Sending|Sent) to 1 instructor\./).waitFor();
    await admin.getByRole('progressbar', { name: 'Progress of the reminders' }).waitFor();
    // The outbox worker sends it; the dialog follows the job until it is done.
    await admin.getByRole('status').getByText('Done', { exact: true }).waitFor({ timeout: 30_000 });
    await shot(admin, '0-reminder-sent');
    await admin.getByRole('button', { name: 'Close', exact: true }).first().click();
    const reminder = (await server.runtime.database.db.execute(
      sql`select subject from email_outbox where "to" = ${INSTRUCTOR.email}
          and template = 'assessment-reminder'`,
    )) as unknown as { rows: { subject: string }[] };
    expect(reminder.rows.map((r) => r.subject)).toEqual(['ACC-201 results, please']);

    // The instructor opens the emailed invitation, sets a password, finds the section.
    const instructorContext = await browser.newContext({ locale: 'en-US', viewport });
    const instructor = await instructorContext.newPage();
    screenshotOnFailure(instructor, 'outcomes-workflow-instructor');
    await instructor.goto((await emailedLink(server, INSTRUCTOR.email, 'invitation')).href);
    await instructor.getByLabel(/^Your name/).fill(INSTRUCTOR.name);
    await instructor
      .getByLabel(/^Password/)
      .first()
      .fill(INSTRUCTOR_PASSWORD);
    await instructor.getByLabel(/^Confirm password/).fill(INSTRUCTOR_PASSWORD);
    await instructor.getByRole('button', { name: 'Accept and sign in' }).click();
    // The invitation named the section: accepting it opens the section.
    await instructor.waitForURL(`${server.url}/outcomes/sections/${sectionId}`);
    await instructor.getByRole('heading', { name: 'ACC-201-001' }).waitFor();
    await instructor.getByRole('link', { name: 'My sections' }).first().click();
    const mine = instructor.getByRole('table', { name: 'My sections' });
    await mine.getByRole('progressbar', { name: 'ACC-201-001: 0 of 2 CLOs complete' }).waitFor();
    await expect(mine.getByText('Overdue').count()).resolves.toBe(1);
    await shot(instructor, '1-my-sections');
    await mine.getByRole('link', { name: 'ACC-201-001' }).click();
    await instructor.waitForURL(`${server.url}/outcomes/sections/${sectionId}`);

    // Numbers, with one mistake (passed > took) that keeps Submit off until fixed.
    const input = (name: string) => instructor.getByRole('textbox', { name, exact: true });
    await input('Students passed (A, B or C)').fill('11');
    await input('Students with D, F or Incomplete').fill('2');
    await input('Assessment tool for ACC-201.1').fill('Final exam, part A');
    await input('Students who took ACC-201.1').fill('12');
    await input('Students who passed ACC-201.1').fill('15');
    await input('Assessment tool for ACC-201.2').fill('Group project');
    await input('Students who took ACC-201.2').fill('13');
    await input('Students who passed ACC-201.2').fill('9');
    await input('Celebrations').fill('Every team finished its project.');
    await instructor.getByRole('status').getByText('Saved', { exact: true }).waitFor();
    const submit = instructor.getByRole('button', { name: 'Submit', exact: true });
    await instructor
      .getByText('CLO 1: students passed (15) cannot exceed students who took it (12)')
      .first()
      .waitFor();
    expect(await submit.isDisabled()).toBe(true);
    await shot(instructor, '2-validation-error');

    await input('Students who passed ACC-201.1').fill('10');
    await instructor.getByRole('status').getByText('Saved', { exact: true }).waitFor();
    await expect.poll(() => submit.isEnabled()).toBe(true);
    await shot(instructor, '3-ready-to-submit');
    await instructor.getByRole('checkbox', { name: /Alert the program admins/ }).check();
    await submit.click();
    await instructor.getByText(/Submitted: a reviewer will look at it/).waitFor();
    await shot(instructor, '4-submitted');

    // The admin sends the section back for rework from the review queue.
    await admin.reload();
    await queue.getByRole('checkbox', { name: 'Select every CLO of ACC-201-001' }).waitFor();
    await admin.getByRole('radio', { name: 'Submitted (2)' }).waitFor({ state: 'attached' });
    await queue.getByRole('checkbox', { name: 'Select every CLO of ACC-201-001' }).check();
    await shot(admin, '5-review-queue');
    await bulk.getByRole('button', { name: 'Request rework…' }).click();
    const rework = admin.getByRole('form', { name: 'Request rework' });
    await rework
      .getByRole('textbox', { name: /What needs rework/ })
      .fill('CLO 2: only 12 students stayed.');
    await rework.getByRole('button', { name: 'Request rework' }).click();
    await admin.getByText('2 CLOs sent back for rework').waitFor();

    // The emailed link, opened signed out, leads through sign-in to the section.
    const link = await emailedLink(server, INSTRUCTOR.email, 'rework-requested');
    expect(link.pathname).toBe(`/outcomes/sections/${sectionId}`);
    const freshContext = await browser.newContext({ locale: 'en-US', viewport });
    const fresh = await freshContext.newPage();
    screenshotOnFailure(fresh, 'outcomes-workflow-deep-link');
    await fresh.goto(link.href);
    await fresh.waitForURL(/\/sign-in\?next=/);
    await fresh.getByLabel(/^Email/).fill(INSTRUCTOR.email);
    await fresh.locator('input[autocomplete="current-password"]').fill(INSTRUCTOR_PASSWORD);
    await fresh.getByRole('button', { name: 'Sign in' }).click();
    await fresh.waitForURL(`${server.url}/outcomes/sections/${sectionId}`);
    await fresh.getByText('A reviewer asked for changes').waitFor();
    await fresh
      .getByText(/CLO 2: only 12 students stayed\./)
      .first()
      .waitFor();
    await shot(fresh, '6-rework-requested');

    // The instructor fixes the number and submits again.
    const took2 = fresh.getByRole('textbox', { name: 'Students who took ACC-201.2', exact: true });
    await took2.fill('12');
    await fresh.getByRole('status').getByText('Saved', { exact: true }).waitFor();
    await fresh.getByRole('button', { name: 'Submit', exact: true }).click();
    await fresh.getByText(/Submitted: a reviewer will look at it/).waitFor();
    await freshContext.close();

    // The admin approves both CLOs.
    await admin.reload();
    await admin.getByRole('radio', { name: 'Submitted (2)' }).waitFor({ state: 'attached' });
    await queue.getByRole('checkbox', { name: 'Select every CLO of ACC-201-001' }).check();
    await bulk.getByRole('button', { name: 'Approve' }).click();
    await admin.getByText('2 CLOs approved').waitFor();
    await admin.getByRole('radio', { name: 'Approved (2)' }).waitFor({ state: 'attached' });
    await queue.getByRole('button', { name: 'Details of ACC-201-001' }).click();
    const drawer = admin.getByRole('dialog', { name: /ACC-201-001/ });
    await drawer.getByText('ACC-201.2: Approved').waitFor();
    await drawer.getByText('CLO 2: only 12 students stayed.').first().waitFor();
    await shot(admin, '7-approved-with-history');

    // The PLO dashboard shows the approved results: 19 of 24 students passed (79%, S at 75%).
    await admin.goto(`${server.url}/outcomes/plo?program=${programId}&tab=results`);
    const results = admin.getByRole('table', { name: /^Results for / });
    const ploRow = results.getByRole('row', { name: /PLO 1 — Apply accounting principles/ });
    await expect.poll(() => ploRow.textContent()).toMatch(/24\s*19\s*S · 79/);
    await shot(admin, '8-plo-dashboard');

    // The instructor's list shows the section approved.
    await instructor.goto(`${server.url}/outcomes/my`);
    await mine.getByRole('progressbar', { name: 'ACC-201-001: 2 of 2 CLOs complete' }).waitFor();
    await mine.getByText('Approved').waitFor();
    await shot(instructor, '9-my-sections-approved');
    await adminContext.close();
    await instructorContext.close();
  }, 180_000);
});
