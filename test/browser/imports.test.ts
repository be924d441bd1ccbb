import { createWriteStream, mkdtempSync, readdirSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import yazl from 'yazl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server.js';
import { expectedCounts } from '../integration/engagement/sample-expectations.js';
import { launchBrowser, screenshotOnFailure, signInThroughForm } from '../support/browser.js';
import { startLiveServer } from '../support/live-server.js';

const SAMPLES = path.resolve(import.meta.dirname, '../../samples/engagement');

/** The sample export as the zip a user would upload. */
async function sampleZip(): Promise<string> {
  const zipPath = path.join(mkdtempSync(path.join(tmpdir(), 'edl-sample-zip-')), 'export.zip');
  const zip = new yazl.ZipFile();
  for (const name of readdirSync(SAMPLES).filter((n) => n.endsWith('.csv'))) {
    zip.addFile(path.join(SAMPLES, name), `export/${name}`);
  }
  zip.end();
  const out = createWriteStream(zipPath);
  zip.outputStream.pipe(out);
  await once(out, 'finish');
  return zipPath;
}

const number = new Intl.NumberFormat('en-US');

describe('the Imports page', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startLiveServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('imports the sample zip and shows the run’s counts per step', async () => {
    const page = await browser.newPage({ locale: 'en-US' });
    screenshotOnFailure(page, 'imports');
    const demo = server.demo;
    if (!demo) throw new Error('the live server should have seeded the demo tenant');
    await signInThroughForm(page, server.url, demo.email, demo.password);
    // The home dashboard links to imports too: use the navbar's entry.
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Imports', exact: true })
      .click();
    const form = page.getByRole('form', { name: 'New import' });
    await form.locator('input[type="file"]').setInputFiles(await sampleZip());
    await form.getByText(/export\.zip: Account\.csv/).waitFor();
    await form.getByRole('list', { name: 'Plan' }).waitFor();
    await form.getByRole('button', { name: 'Run import' }).click();

    await page.waitForURL(/\/imports\/[0-9a-f-]{36}$/);
    await page
      .getByRole('heading', { name: 'Import run' })
      .locator('..')
      .getByText(/^(Succeeded|Partly failed)$/)
      .waitFor({ timeout: 180_000 });

    const expected = expectedCounts(SAMPLES);
    const steps = page.getByRole('table', { name: 'Steps' });
    for (const name of ['organizations', 'schools', 'volunteers', 'events']) {
      const counts = expected[name];
      if (!counts) throw new Error(`no expected counts for ${name}`);
      const cells = steps.getByRole('row').filter({ hasText: name }).first().getByRole('cell');
      // Step, status, progress, then created, updated, unchanged, skipped, rejected.
      await expect(cells.nth(3).textContent()).resolves.toBe(number.format(counts.created));
      await expect(cells.nth(7).textContent()).resolves.toBe(number.format(counts.failed));
    }

    await page.getByRole('link', { name: '← Imports' }).click();
    const history = page.getByRole('table', { name: 'Import runs' });
    await history.getByText('Upload export.zip').waitFor();
  }, 240_000);
});
