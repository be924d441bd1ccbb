import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Me } from '../session/types';
import { meFixture, northCollege, riverside } from '../test/fixtures';
import { mockApi, reply } from '../test/http';
import { renderApp } from '../test/render';

async function renderHome(me: Me) {
  mockApi({ 'GET /api/me': reply(200, me) });
  renderApp('/');
  return within(await screen.findByRole('main'));
}

describe('HomePage', () => {
  it('welcomes the user and describes the active tenant, role and modules', async () => {
    const main = await renderHome(
      meFixture({ tenants: [{ ...riverside, modules: ['engagement', 'outcomes'] }] }),
    );

    expect(main.getByRole('heading', { level: 1, name: 'Welcome, Ada Lovelace' })).toBeVisible();
    expect(main.getByRole('heading', { level: 2, name: 'Riverside Partners' })).toBeVisible();
    expect(main.getByText(/Your role/)).toHaveTextContent('Your role: Tenant administrator');
    expect(main.getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Engagement: volunteers and K-12 school partnerships',
      'Outcomes: course learning outcomes and assessment',
    ]);
    expect(document.title).toBe('Home · EduLedger');
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
    expect(screen.queryByRole('combobox', { name: 'Tenant' })).not.toBeInTheDocument();
  });

  it('asks a member of several tenants to choose one when none is active', async () => {
    const main = await renderHome(
      meFixture({ tenants: [riverside, northCollege], activeTenantId: null }),
    );

    expect(main.getByText(/Choose the tenant to work in/)).toBeVisible();
  });
});
