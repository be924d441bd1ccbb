import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Me } from '../session/types';
import { meAs, page, programAdminMe, siteAdminMe } from '../test/adminFixtures';
import { mockApi, reply } from '../test/http';
import { renderApp } from '../test/render';

/** The links of the navbar's Administration section (other sections belong to the modules). */
async function adminLinks(me: Me): Promise<string[]> {
  mockApi({ 'GET /api/me': reply(200, me) });
  renderApp('/');
  await screen.findByRole('heading', { level: 1, name: /Welcome/ });
  const administration = screen.queryByRole('region', { name: 'Administration' });
  if (!administration) return [];
  return within(administration)
    .getAllByRole('link')
    .map((link) => `${link.textContent} ${link.getAttribute('href') ?? ''}`);
}

describe('administration in the navbar', () => {
  it('lists users, invitations, the audit log, emails, imports, billing and system for a tenant admin', async () => {
    expect(await adminLinks(meAs('tenant_admin'))).toEqual([
      'Users /admin/users',
      'Invitations /admin/invitations',
      'Audit log /admin/audit',
      'Emails /admin/emails',
      'Imports /imports',
      'Billing /admin/billing',
      'System /admin/system',
    ]);
    expect(screen.getByRole('region', { name: 'Administration' })).toBeInTheDocument();
  });

  it('lists only invitations for a program admin', async () => {
    expect(await adminLinks(programAdminMe())).toEqual(['Invitations /admin/invitations']);
  });

  it('lists only imports for a staff member', async () => {
    expect(await adminLinks(meAs('staff'))).toEqual(['Imports /imports']);
  });

  it.each(['district_viewer', 'instructor'] as const)(
    'shows no administration to a %s',
    async (role) => {
      expect(await adminLinks(meAs(role))).toEqual([]);
    },
  );

  it('lists the audit log, emails, tenants, subscriptions and system for a site admin outside any tenant', async () => {
    expect(await adminLinks(siteAdminMe())).toEqual([
      'Audit log /admin/audit',
      'Emails /admin/emails',
      'Tenants /admin/tenants',
      'Subscriptions /admin/subscriptions',
      'System /admin/system',
    ]);
  });

  it('lists every administration page for a site admin in a tenant', async () => {
    expect(await adminLinks(siteAdminMe(true))).toEqual([
      'Users /admin/users',
      'Invitations /admin/invitations',
      'Audit log /admin/audit',
      'Emails /admin/emails',
      'Imports /imports',
      'Billing /admin/billing',
      'Tenants /admin/tenants',
      'Subscriptions /admin/subscriptions',
      'System /admin/system',
    ]);
  });

  it('marks the page being shown', async () => {
    const user = userEvent.setup();
    mockApi({
      'GET /api/me': reply(200, meAs('tenant_admin')),
      'GET /api/audit': reply(200, page([])),
    });
    renderApp('/');

    await user.click(await screen.findByRole('link', { name: 'Audit log' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
    expect(screen.getByRole('link', { name: 'Audit log' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('link', { name: 'Users' })).not.toHaveAttribute('aria-current');
  });
});

describe('visiting a page the role may not open', () => {
  it.each([
    ['a staff member', meAs('staff'), '/admin/users'],
    ['a staff member', meAs('staff'), '/admin/invitations'],
    ['a program admin', programAdminMe(), '/admin/users'],
    ['a program admin', programAdminMe(), '/admin/audit'],
    ['a site admin outside any tenant', siteAdminMe(), '/admin/users'],
    ['a tenant admin', meAs('tenant_admin'), '/admin/tenants'],
    ['a tenant admin', meAs('tenant_admin'), '/admin/subscriptions'],
    ['a staff member', meAs('staff'), '/admin/billing'],
  ])('tells %s plainly, without calling the API (%s)', async (_who, me, path) => {
    const api = mockApi({ 'GET /api/me': reply(200, me) });
    renderApp(path);

    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: 'You do not have access to this page',
      }),
    ).toBeVisible();
    expect(document.title).toBe('No access · EduLedger');
    expect(screen.getByRole('link', { name: 'Go to the home page' })).toHaveAttribute('href', '/');
    // The page asks nothing; the header may read the program choices of an institution's admin.
    const asked = api.calls.map((call) => call.path);
    expect(asked.filter((path) => path !== '/api/outcomes/active-program')).toEqual(['/api/me']);
  });
});
