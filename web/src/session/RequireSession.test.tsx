import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { healthy, meFixture, unauthenticated } from '../test/fixtures';
import { errorReply, mockApi, never, reply } from '../test/http';
import { renderApp } from '../test/render';

describe('RequireSession', () => {
  it('shows a loader while /api/me is loading', () => {
    mockApi({ 'GET /api/me': never });
    renderApp('/');

    expect(screen.getByRole('status')).toHaveTextContent('Checking your session');
    expect(screen.queryByRole('main')).not.toBeInTheDocument();
  });

  it('sends a visitor who is not signed in to sign-in, coming back to the page afterwards', async () => {
    mockApi({ 'GET /api/me': unauthenticated, 'GET /api/health': reply(200, healthy) });
    const { router } = renderApp('/?tab=events');

    expect(await screen.findByRole('heading', { name: 'Sign in to EduLedger' })).toBeVisible();
    expect(router.state.location.pathname).toBe('/sign-in');
    expect(router.state.location.search).toBe('?next=%2F%3Ftab%3Devents');
  });

  it('sends a visitor of the home page to plain /sign-in', async () => {
    mockApi({ 'GET /api/me': unauthenticated, 'GET /api/health': reply(200, healthy) });
    const { router } = renderApp('/');

    expect(await screen.findByRole('heading', { name: 'Sign in to EduLedger' })).toBeVisible();
    expect(router.state.location.pathname).toBe('/sign-in');
    expect(router.state.location.search).toBe('');
  });

  it('renders the shell with the session when signed in', async () => {
    mockApi({ 'GET /api/me': reply(200, meFixture()) });
    const { router } = renderApp('/');

    const main = await screen.findByRole('main');
    expect(
      within(main).getByRole('heading', { level: 1, name: 'Welcome, Ada Lovelace' }),
    ).toBeVisible();
    const banner = screen.getByRole('banner');
    expect(within(banner).getByText('Riverside Partners')).toBeInTheDocument();
    expect(within(banner).getByRole('button', { name: /Account menu/ })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/');
  });

  it('explains a failure to check the session and retries on request', async () => {
    const user = userEvent.setup();
    const api = mockApi({
      'GET /api/me': [
        errorReply(500, 'internal_error', 'Database is not reachable'),
        reply(200, meFixture()),
      ],
    });
    renderApp('/');

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Your session could not be checked');
    expect(alert).toHaveTextContent('Database is not reachable');
    expect(alert).toHaveTextContent('Request ID: req-test');
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));

    expect(await screen.findByRole('heading', { name: 'Welcome, Ada Lovelace' })).toBeVisible();
    expect(api.callsTo('GET /api/me')).toHaveLength(2);
  });
});
