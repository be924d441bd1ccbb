import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { healthy, meFixture, northCollege, riverside, unauthenticated } from '../test/fixtures';
import { errorReply, mockApi, never, reply } from '../test/http';
import { renderApp } from '../test/render';

const twoTenants = meFixture({ tenants: [riverside, northCollege], activeTenantId: riverside.id });
const switched = { ...twoTenants, activeTenantId: northCollege.id };

describe('switching tenants from the header', () => {
  it('calls PUT /api/me/active-tenant with the chosen id, then shows the new tenant at /', async () => {
    const user = userEvent.setup();
    const api = mockApi({
      'GET /api/me': [reply(200, twoTenants), reply(200, switched)],
      'PUT /api/me/active-tenant': reply(200, switched),
    });
    const { router, queryClient } = renderApp('/no/such/page');
    queryClient.setQueryData(['engagement', 'events'], ['event of Riverside']);

    await user.click(await screen.findByRole('combobox', { name: 'Tenant' }));
    await user.click(await screen.findByRole('option', { name: 'North College' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
    expect(api.callsTo('PUT /api/me/active-tenant')).toEqual([
      { method: 'PUT', path: '/api/me/active-tenant', body: { tenantId: northCollege.id } },
    ]);
    expect(await screen.findByRole('heading', { name: 'North College' })).toBeVisible();
    expect(screen.getByRole('combobox', { name: 'Tenant' })).toHaveValue('North College');
    expect(queryClient.getQueryData(['engagement', 'events'])).toBeUndefined();
  });

  it('keeps the page and explains when the switch fails', async () => {
    const user = userEvent.setup();
    mockApi({
      'GET /api/me': reply(200, twoTenants),
      'PUT /api/me/active-tenant': errorReply(404, 'not_found', 'Tenant not found'),
    });
    const { router } = renderApp('/');

    await user.click(await screen.findByRole('combobox', { name: 'Tenant' }));
    await user.click(await screen.findByRole('option', { name: 'North College' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The tenant could not be switched');
    expect(alert).toHaveTextContent('Tenant not found');
    expect(screen.getByRole('combobox', { name: 'Tenant' })).toHaveValue('Riverside Partners');
    expect(router.state.location.pathname).toBe('/');
    await user.click(within(alert).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('disables the switcher while the switch is under way', async () => {
    const user = userEvent.setup();
    mockApi({ 'GET /api/me': reply(200, twoTenants), 'PUT /api/me/active-tenant': never });
    renderApp('/');

    await user.click(await screen.findByRole('combobox', { name: 'Tenant' }));
    await user.click(await screen.findByRole('option', { name: 'North College' }));

    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Tenant' })).toBeDisabled());
  });
});

describe('signing out from the user menu', () => {
  it('signs out, clears the cache and goes to /sign-in', async () => {
    const user = userEvent.setup();
    const api = mockApi({
      'GET /api/me': [reply(200, meFixture()), unauthenticated],
      'POST /api/auth/sign-out': reply(200, { success: true }),
      'GET /api/health': reply(200, healthy),
    });
    const { router, queryClient } = renderApp('/');
    queryClient.setQueryData(['engagement', 'events'], ['private data']);

    await user.click(await screen.findByRole('button', { name: 'Account menu for Ada Lovelace' }));
    const menu = await screen.findByRole('menu');
    expect(
      within(menu)
        .getAllByRole('menuitem')
        .map((item) => item.textContent),
    ).toEqual(['Profile', 'Sign out']);
    await user.click(within(menu).getByRole('menuitem', { name: 'Sign out' }));

    expect(await screen.findByRole('heading', { name: 'Sign in to EduLedger' })).toBeVisible();
    expect(router.state.location.pathname).toBe('/sign-in');
    expect(router.state.location.search).toBe('');
    expect(api.callsTo('POST /api/auth/sign-out')).toHaveLength(1);
    expect(queryClient.getQueryData(['engagement', 'events'])).toBeUndefined();
    expect(queryClient.getQueryData(['me'])).toBeNull();
    expect(screen.queryByRole('button', { name: /Account menu/ })).not.toBeInTheDocument();
  });

  it('stays signed in and explains when signing out fails', async () => {
    const user = userEvent.setup();
    mockApi({
      'GET /api/me': reply(200, meFixture()),
      'POST /api/auth/sign-out': new TypeError('Failed to fetch'),
    });
    const { router } = renderApp('/');

    await user.click(await screen.findByRole('button', { name: 'Account menu for Ada Lovelace' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Sign out' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('You could not be signed out');
    expect(alert).toHaveTextContent('The server could not be reached');
    expect(router.state.location.pathname).toBe('/');
  });
});
