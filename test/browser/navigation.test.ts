import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/core/db/schema.js';
import { createUser } from '../../src/core/users/service.js';
import type { RunningServer } from '../../src/server.js';
import { launchBrowser, screenshotOnFailure, signInThroughForm } from '../support/browser.js';
import { startLiveServer } from '../support/live-server.js';

const PASSWORD = 'orchid falcon meadow';
const people: { email: string; role?: Role; siteAdmin?: boolean }[] = [
  { email: 'staff@demo.example.com', role: 'staff' },
  { email: 'viewer@demo.example.com', role: 'district_viewer' },
  { email: 'pa@demo.example.com', role: 'program_admin' },
  { email: 'teacher@demo.example.com', role: 'instructor' },
  { email: 'root@demo.example.com', siteAdmin: true },
];

const ENGAGEMENT_PATHS = [
  '/engagement/volunteers',
  '/engagement/organizations',
  '/engagement/events',
  '/engagement/teachers',
  '/engagement/students',
  '/engagement/schools',
  '/engagement/history',
  '/engagement/data-quality',
];

const OUTCOMES_PATHS = [
  '/outcomes/review',
  '/outcomes/programs',
  '/outcomes/courses',
  '/outcomes/terms',
  '/outcomes/offerings',
  '/outcomes/sections',
  '/outcomes/plo',
];

/** Clicks every navigation entry and the profile, checking each page renders without error. */
async function visitEverything(page: Page): Promise<string[]> {
  const nav = page.getByRole('navigation', { name: 'Main' });
  const count = (await nav.count()) ? await nav.getByRole('link').count() : 0;
  const visited: string[] = [];
  for (let i = 0; i < count; i++) {
    const link = nav.getByRole('link').nth(i);
    const href = (await link.getAttribute('href')) ?? '';
    await link.click();
    await page.waitForURL((url) => url.pathname === href);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await expect(page.getByText(/something went wrong|do not have access/i).count()).resolves.toBe(
      0,
    );
    visited.push(href);
  }
  await page.getByRole('button', { name: /Account menu/ }).click();
  await page.getByRole('menuitem', { name: 'Profile' }).click();
  await page.waitForURL((url) => url.pathname === '/profile');
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  return visited;
}

describe('every navigation entry of every role', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startLiveServer(), launchBrowser()]);
    for (const person of people) {
      await createUser(server.runtime.database.db, {
        email: person.email,
        password: PASSWORD,
        name: person.email.split('@')[0],
        siteAdmin: person.siteAdmin,
        membership: person.role
          ? {
              tenantSlug: 'demo',
              role: person.role,
              scope: person.role === 'program_admin' ? { programs: ['p1'] } : {},
            }
          : undefined,
      });
    }
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const accounts = () => [
    {
      label: 'tenant_admin',
      email: server.demo?.email ?? '',
      password: server.demo?.password ?? '',
    },
    ...people.map((p) => ({ label: p.role ?? 'site_admin', email: p.email, password: PASSWORD })),
  ];

  it('opens each entry of each role without an error', async () => {
    const seen: Record<string, string[]> = {};
    for (const account of accounts()) {
      const context = await browser.newContext();
      const page = await context.newPage();
      screenshotOnFailure(page, `navigation-${account.label}`);
      await signInThroughForm(page, server.url, account.email, account.password);
      seen[account.label] = await visitEverything(page);
      await context.close();
    }
    expect(seen).toEqual({
      tenant_admin: [
        ...ENGAGEMENT_PATHS,
        '/engagement/reports',
        ...OUTCOMES_PATHS,
        '/outcomes/import',
        '/admin/users',
        '/admin/invitations',
        '/admin/audit',
        '/admin/emails',
        '/imports',
        '/admin/billing',
        '/admin/system',
      ],
      staff: [...ENGAGEMENT_PATHS, '/engagement/reports', '/imports'],
      district_viewer: [
        '/engagement/events',
        '/engagement/teachers',
        '/engagement/students',
        '/engagement/schools',
        '/engagement/reports',
      ],
      program_admin: [...OUTCOMES_PATHS, '/admin/invitations'],
      instructor: ['/outcomes/my'],
      site_admin: [
        '/admin/audit',
        '/admin/emails',
        '/admin/tenants',
        '/admin/subscriptions',
        '/admin/system',
      ],
    });
  });
});
