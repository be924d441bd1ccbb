import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { chromium } from 'playwright-core';
import { tx } from '../../core/db/tx.js';
import { renderTemplate, tenantLook } from '../../core/email/render.js';
import { templates, TEMPLATE_NAMES } from '../../core/email/templates.js';
import { findTenantBySlug } from '../../core/tenants/service.js';
import { NotFoundError } from '../../core/errors.js';
import { printResult } from '../output.js';
import { runWithRuntime } from '../run-with-runtime.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function registerEmailCommands(program: Command) {
  const email = program.command('email').description('transactional email');
  email
    .command('render')
    .description('write every template as HTML, text and a PNG screenshot (for review)')
    .requiredOption('--out <dir>', 'folder to write into')
    .option('--tenant <slug>', 'render in this tenant’s branding')
    .option('--no-screenshots', 'skip the PNG screenshots (no Chromium needed)')
    .option('--json', 'machine-readable output')
    .action((options: { out: string; tenant?: string; screenshots: boolean; json?: boolean }) =>
      runWithRuntime(options, async ({ database }) => {
        const tenant = options.tenant
          ? await findTenantBySlug(database.db, options.tenant)
          : undefined;
        if (options.tenant && !tenant) throw new NotFoundError(`Tenant "${options.tenant}"`);
        const look = tenant
          ? await tx(database.db, {}, (q) => tenantLook(q, tenant.id))
          : {
              ...(await tx(database.db, {}, (q) => tenantLook(q, null))),
              tenantName: 'Prairie Community College',
            };
        mkdirSync(options.out, { recursive: true });
        const browser = options.screenshots
          ? await chromium.launch({
              executablePath: CHROMIUM,
              args: [
                '--headless',
                '--no-sandbox',
                '--disable-gpu',
                '--disable-background-networking',
              ],
            })
          : undefined;
        const files: string[] = [];
        try {
          const page = await browser?.newPage({ viewport: { width: 700, height: 900 } });
          for (const name of TEMPLATE_NAMES) {
            const rendered = await renderTemplate(name, templates[name].sample as never, look);
            const base = path.join(options.out, name);
            writeFileSync(`${base}.html`, rendered.html);
            writeFileSync(`${base}.txt`, `Subject: ${rendered.subject}\n\n${rendered.text}`);
            files.push(`${base}.html`, `${base}.txt`);
            if (page) {
              await page.setContent(rendered.html, { waitUntil: 'load' });
              await page.screenshot({ path: `${base}.png`, fullPage: true });
              files.push(`${base}.png`);
            }
          }
        } finally {
          await browser?.close();
        }
        printResult(options, { templates: TEMPLATE_NAMES.length, files }, [
          `Rendered ${TEMPLATE_NAMES.length} templates into ${options.out}.`,
        ]);
      }),
    );
}
