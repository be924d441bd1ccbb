import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { RouteErrorPage } from './pages/RouteErrorPage';
import { jsonResponse, stubFetch } from './test/http';
import { renderApp } from './test/render';

const healthy = { status: 'ok', version: '0.1.0', time: '2025-01-01T00:00:00.000Z' };

describe('App routes', () => {
  it('sends the home page to sign-in', async () => {
    stubFetch(jsonResponse(200, healthy));
    const { router } = renderApp('/');

    expect(await screen.findByRole('heading', { level: 1, name: 'EduLedger' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/sign-in');
  });

  it('shows the sign-in page with the live system status and no form', async () => {
    stubFetch(jsonResponse(200, healthy));
    renderApp('/sign-in');

    const main = screen.getByRole('main');
    expect(within(main).getByRole('heading', { name: 'System status' })).toBeInTheDocument();
    expect(await within(main).findByText('System is up')).toBeInTheDocument();
    expect(within(main).getByText('Version 0.1.0')).toBeInTheDocument();
    expect(within(main).queryByRole('textbox')).not.toBeInTheDocument();
    expect(within(main).queryByRole('button')).not.toBeInTheDocument();
    expect(document.title).toBe('Sign in · EduLedger');
  });

  it('shows a not-found page for unknown addresses, with a working link home', async () => {
    const user = userEvent.setup();
    stubFetch(jsonResponse(200, healthy));
    const { router } = renderApp('/no/such/page');

    expect(screen.getByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
    expect(document.title).toBe('Page not found · EduLedger');
    await user.click(screen.getByRole('link', { name: 'Go to the home page' }));

    expect(router.state.location.pathname).toBe('/sign-in');
    expect(await screen.findByText('System is up')).toBeInTheDocument();
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
