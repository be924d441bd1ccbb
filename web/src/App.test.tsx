import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { RouteErrorPage } from './pages/RouteErrorPage';
import { healthy, meFixture, unauthenticated } from './test/fixtures';
import { mockApi, reply } from './test/http';
import { renderApp } from './test/render';

describe('App routes', () => {
  it('sends the home page to sign-in when nobody is signed in', async () => {
    mockApi({ 'GET /api/me': unauthenticated, 'GET /api/health': reply(200, healthy) });
    const { router } = renderApp('/');

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Sign in to EduLedger' }),
    ).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/sign-in');
  });

  it.each(['/sign-in', '/forgot-password', '/reset-password?token=t'])(
    'opens %s without asking for a session',
    (path) => {
      const api = mockApi({ 'GET /api/health': reply(200, healthy) });
      renderApp(path);

      expect(screen.getByRole('main')).toBeInTheDocument();
      expect(screen.queryByRole('button', { name: /Account menu/ })).not.toBeInTheDocument();
      if (path !== '/sign-in') expect(api.callsTo('GET /api/me')).toEqual([]);
    },
  );

  it('shows a not-found page for unknown addresses, with a working link home', async () => {
    const user = userEvent.setup();
    mockApi({ 'GET /api/me': unauthenticated, 'GET /api/health': reply(200, healthy) });
    const { router } = renderApp('/no/such/page');

    expect(screen.getByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
    expect(document.title).toBe('Page not found · EduLedger');
    await user.click(screen.getByRole('link', { name: 'Go to the home page' }));

    expect(await screen.findByText('System is up')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/sign-in');
  });

  it('shows the not-found page inside the signed-in shell for a signed-in user', async () => {
    mockApi({ 'GET /api/me': reply(200, meFixture()) });
    renderApp('/no/such/page');

    expect(screen.getByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
    expect(
      await within(screen.getByRole('banner')).findByRole('button', { name: /Account menu/ }),
    ).toBeInTheDocument();
  });

  it('shows a recoverable error page when a page fails to render', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    function BrokenPage(): never {
      throw new Error('render failure');
    }
    renderApp('/', [{ path: '/', element: <BrokenPage />, errorElement: <RouteErrorPage /> }]);

    const main = screen.getByRole('main');
    expect(within(main).getByRole('heading', { name: 'Something went wrong' })).toBeInTheDocument();
    expect(within(main).getByRole('link', { name: 'Go to the home page' })).toHaveAttribute(
      'href',
      '/',
    );
  });
});
