import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { meFixture } from '../test/fixtures';
import { errorReply, mockApi, never, reply } from '../test/http';
import { renderApp } from '../test/render';
import type { TenantsOverviewBody } from './types';

const SLOW = { timeout: 5000 };

const overview: TenantsOverviewBody = {
  metrics: [
    { key: 'programs', label: 'Programs', module: 'outcomes' },
    { key: 'courses', label: 'Courses', module: 'outcomes' },
    { key: 'activeTerms', label: 'Active terms', module: 'outcomes' },
  ],
  items: [
    {
      id: 't-1',
      slug: 'north-college',
      name: 'North College',
      modules: ['outcomes'],
      isActive: true,
      createdAt: '2025-01-01T00:00:00.000Z',
      users: 41,
      counts: { programs: 6, courses: 173, activeTerms: 1 },
    },
    {
      id: 't-2',
      slug: 'riverside',
      name: 'Riverside Partners',
      modules: ['engagement'],
      isActive: false,
      createdAt: '2025-02-01T00:00:00.000Z',
      users: 7,
      counts: { programs: null, courses: null, activeTerms: null },
    },
  ],
};

function renderSiteAdminHome(route: Parameters<typeof mockApi>[0][string]) {
  const me = meFixture({ tenants: [], activeTenantId: null });
  me.user.isSiteAdmin = true;
  const api = mockApi({
    'GET /api/me': reply(200, me),
    'GET /api/admin/tenants/overview': route,
  });
  return { api, ...renderApp('/'), user: userEvent.setup() };
}

describe('the tenants overview on a site admin’s home', () => {
  it('lists every tenant with its users and module counts, a dash where a module is off', async () => {
    renderSiteAdminHome(reply(200, overview));
    const table = within(await screen.findByRole('table', { name: 'Tenants overview' }, SLOW));
    expect(table.getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual([
      'Tenant',
      'Modules',
      'Status',
      'Users',
      'Programs',
      'Courses',
      'Active terms',
    ]);
    const [, north, riverside] = table.getAllByRole('row');
    expect(Array.from(north?.querySelectorAll('td') ?? []).map((cell) => cell.textContent)).toEqual(
      ['North Collegenorth-college', 'Outcomes', 'Active', '41', '6', '173', '1'],
    );
    expect(
      Array.from(riverside?.querySelectorAll('td') ?? []).map((cell) => cell.textContent),
    ).toEqual(['Riverside Partnersriverside', 'Engagement', 'Deactivated', '7', '—', '—', '—']);

    const figures = screen.getByRole('list', { name: 'The installation in figures' });
    expect(
      within(figures)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['Tenants2', 'Active tenants1', 'Memberships48']);
    expect(screen.getByRole('link', { name: 'Manage tenants' })).toHaveAttribute(
      'href',
      '/admin/tenants',
    );
  });

  it('shows loading, then an error with a retry', async () => {
    const { user, api } = renderSiteAdminHome([
      errorReply(500, 'internal_error', 'Database unavailable'),
      reply(200, overview),
    ]);
    expect(await screen.findByText('The tenants could not be loaded', {}, SLOW)).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('table', { name: 'Tenants overview' })).toBeVisible();
    expect(api.callsTo('GET /api/admin/tenants/overview')).toHaveLength(2);
  });

  it('says it is loading', async () => {
    renderSiteAdminHome(() => never());
    expect(await screen.findByText('Loading the tenants…', {}, SLOW)).toBeVisible();
  });

  it('invites to create the first tenant when there is none', async () => {
    renderSiteAdminHome(reply(200, { ...overview, items: [] }));
    expect(await screen.findByText('No tenants yet', {}, SLOW)).toBeVisible();
    expect(screen.getByRole('link', { name: 'Create the first tenant' })).toHaveAttribute(
      'href',
      '/admin/tenants',
    );
  });
});
