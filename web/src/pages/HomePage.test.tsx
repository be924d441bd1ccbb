import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { adminDashboard } from '../outcomes/dashboard/fixtures';
import type { Me } from '../session/types';
import { meFixture, northCollege, riverside } from '../test/fixtures';
import { mockApi, reply } from '../test/http';
import { renderApp } from '../test/render';

const overview = { metrics: [], items: [] };

function mockHomeApi(me: Me) {
  return mockApi({
    'GET /api/me': reply(200, me),
    'GET /api/outcomes/dashboard': reply(200, adminDashboard),
    'GET /api/admin/tenants/overview': reply(200, overview),
  });
}

async function renderHome(me: Me) {
  mockHomeApi(me);
  renderApp('/');
  return within(await screen.findByRole('main'));
}

describe('HomePage', () => {
  it('welcomes the user and describes the active tenant, role and modules', async () => {
    const main = await renderHome(
      meFixture({
        tenants: [{ ...riverside, modules: ['engagement', 'outcomes'], role: 'staff' }],
      }),
    );

    expect(main.getByRole('heading', { level: 1, name: 'Welcome, Ada Lovelace' })).toBeVisible();
    expect(main.getByRole('heading', { level: 2, name: 'Riverside Partners' })).toBeVisible();
    expect(main.getByText(/Your role/)).toHaveTextContent('Your role: Staff');
    expect(main.getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Engagement: volunteers and K-12 school partnerships',
      'Outcomes: course learning outcomes and assessment',
    ]);
    expect(document.title).toBe('Home · EduLedger');
  });

  it('keeps the module list, and no dashboard, for an engagement tenant admin', async () => {
    const me = meFixture();
    const api = mockHomeApi(me);
    renderApp('/');
    const main = within(await screen.findByRole('main'));

    expect(main.getByText(/Your role/)).toHaveTextContent('Your role: Tenant administrator');
    expect(main.getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Engagement: volunteers and K-12 school partnerships',
    ]);
    expect(main.queryByRole('heading', { name: 'Outcomes assessment' })).toBeNull();
    expect(api.callsTo('GET /api/outcomes/dashboard')).toHaveLength(0);
    expect(api.callsTo('GET /api/admin/tenants/overview')).toHaveLength(0);
  });

  it('shows tenant and program admins of an institution the outcomes dashboard', async () => {
    for (const role of ['tenant_admin', 'program_admin'] as const) {
      const me = meFixture({
        tenants: [{ ...northCollege, role }],
        activeTenantId: northCollege.id,
      });
      const api = mockHomeApi(me);
      const view = renderApp('/');
      const main = within(await screen.findByRole('main'));
      expect(
        await main.findByRole('heading', { level: 2, name: 'Outcomes assessment' }),
      ).toBeVisible();
      expect(await main.findByRole('table', { name: 'CLO results by program' })).toBeVisible();
      expect(main.queryByText('Modules in use:')).toBeNull();
      expect(api.callsTo('GET /api/outcomes/dashboard')).toHaveLength(1);
      view.unmount();
    }
  });

  it('shows an instructor the way to their sections, not the dashboard', async () => {
    const me = meFixture({
      tenants: [{ ...northCollege, role: 'instructor', scope: {} }],
      activeTenantId: northCollege.id,
    });
    const api = mockHomeApi(me);
    renderApp('/');
    const main = within(await screen.findByRole('main'));
    expect(main.getByText(/Your role/)).toHaveTextContent('Your role: Instructor');
    expect(main.queryByRole('heading', { name: 'Outcomes assessment' })).toBeNull();
    expect(main.getByRole('link', { name: 'Open my sections' })).toHaveAttribute(
      'href',
      '/outcomes/my',
    );
    expect(api.callsTo('GET /api/outcomes/dashboard')).toHaveLength(0);
  });

  it('uses the email when the user has no name, and names the scope of a scoped role', async () => {
    const me = meFixture({ tenants: [northCollege], activeTenantId: northCollege.id });
    me.user.name = '';
    const main = await renderHome(me);

    expect(main.getByRole('heading', { level: 1 })).toHaveTextContent('Welcome, ada@example.org');
    expect(main.getByText(/Your role/)).toHaveTextContent(
      'Your role: Program administrator · Limited to 2 programs.',
    );
  });

  it('counts the districts of a district viewer', async () => {
    const main = await renderHome(
      meFixture({
        tenants: [{ ...riverside, role: 'district_viewer', scope: { districts: ['d'] } }],
      }),
    );

    expect(main.getByText(/Your role/)).toHaveTextContent(
      'Your role: District viewer · Limited to 1 district.',
    );
  });

  it('says so when the tenant has no modules', async () => {
    const main = await renderHome(meFixture({ tenants: [{ ...riverside, modules: [] }] }));

    expect(main.getByText('This tenant has no modules switched on yet.')).toBeVisible();
  });

  it('says plainly that a site admin without tenants is not a member of any', async () => {
    const me = meFixture({ tenants: [], activeTenantId: null });
    me.user.isSiteAdmin = true;
    const main = await renderHome(me);

    expect(main.getByText(/You are a site administrator/)).toBeVisible();
    expect(main.getByText(/You are not a member of any tenant yet/)).toBeVisible();
    expect(main.getByRole('heading', { level: 2, name: 'Tenants overview' })).toBeVisible();
    expect(await main.findByText('No tenants yet')).toBeVisible();
    expect(screen.queryByRole('combobox', { name: 'Tenant' })).not.toBeInTheDocument();
  });

  it('asks a member of several tenants to choose one when none is active', async () => {
    const main = await renderHome(
      meFixture({ tenants: [riverside, northCollege], activeTenantId: null }),
    );

    expect(main.getByText(/Choose the tenant to work in/)).toBeVisible();
  });
});
