import { screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { healthy, meFixture, unauthenticated } from '../test/fixtures';
import { errorReply, mockApi, never, reply, type MockReply } from '../test/http';
import { renderApp } from '../test/render';

function signedOutApi(
  signIn: MockReply | (() => Promise<MockReply>),
  meAfter = reply(200, meFixture()),
) {
  return mockApi({
    'GET /api/me': [unauthenticated, meAfter],
    'GET /api/health': reply(200, healthy),
    'POST /api/auth/sign-in/email': signIn,
  });
}

async function signIn(user: UserEvent, email = 'ada@example.org', password = 'correct horse') {
  await user.type(screen.getByLabelText(/Email/), email);
  await user.type(screen.getByLabelText(/Password/), password);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('SignInPage', () => {
  it('offers a labelled form with autofocus, autocomplete hints and a reset link', async () => {
    signedOutApi(reply(200));
    renderApp('/sign-in');

    const email = await screen.findByRole('textbox', { name: 'Email' });
    expect(email).toHaveFocus();
    expect(email).toHaveAttribute('autocomplete', 'username');
    expect(email).toHaveAttribute('type', 'email');
    expect(screen.getByLabelText(/Password/)).toHaveAttribute('autocomplete', 'current-password');
    expect(
      screen.getByRole('checkbox', { name: 'Keep me signed in for 30 days' }),
    ).not.toBeChecked();
    expect(screen.getByRole('link', { name: 'Forgot your password?' })).toHaveAttribute(
      'href',
      '/forgot-password',
    );
    expect(document.title).toBe('Sign in · EduLedger');
  });

  it('keeps the live system status at the bottom of the card', async () => {
    signedOutApi(reply(200));
    renderApp('/sign-in');

    const status = screen.getByRole('region', { name: 'System status' });
    expect(await within(status).findByText('System is up')).toBeInTheDocument();
    expect(within(status).getByText('Version 0.1.0')).toBeInTheDocument();
  });

  it('signs in with Enter and goes to the page named by next', async () => {
    const user = userEvent.setup();
    const api = signedOutApi(reply(200, { redirect: false }));
    const { router } = renderApp('/sign-in?next=%2Fno%2Fsuch%3Fpage%3D2');

    await user.type(await screen.findByRole('textbox', { name: 'Email' }), ' Ada@Example.org ');
    await user.click(screen.getByRole('checkbox', { name: 'Keep me signed in for 30 days' }));
    await user.type(screen.getByLabelText(/Password/), 'correct horse{Enter}');

    await waitFor(() => expect(router.state.location.pathname).toBe('/no/such'));
    expect(router.state.location.search).toBe('?page=2');
    expect(api.callsTo('POST /api/auth/sign-in/email')).toEqual([
      {
        method: 'POST',
        path: '/api/auth/sign-in/email',
        body: { email: 'Ada@Example.org', password: 'correct horse', rememberMe: true },
      },
    ]);
    expect(await screen.findByRole('button', { name: /Account menu/ })).toBeInTheDocument();
  });

  it('goes to the home page without next', async () => {
    const user = userEvent.setup();
    signedOutApi(reply(200));
    const { router } = renderApp('/sign-in');

    await signIn(user);

    expect(await screen.findByRole('heading', { name: 'Welcome, Ada Lovelace' })).toBeVisible();
    expect(router.state.location.pathname).toBe('/');
  });

  it('shows a loading button while signing in', async () => {
    const user = userEvent.setup();
    signedOutApi(never);
    renderApp('/sign-in');

    await signIn(user);

    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Sign in' })).toHaveAttribute('data-loading'),
    );
  });

  it('shows the server message for bad credentials, without saying whether the account exists', async () => {
    const user = userEvent.setup();
    signedOutApi(errorReply(401, 'invalid_credentials', 'Email or password is incorrect'));
    const { router } = renderApp('/sign-in');

    await signIn(user);

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Sign-in failed');
    expect(alert).toHaveTextContent('Email or password is incorrect');
    expect(router.state.location.pathname).toBe('/sign-in');
  });

  it('shows the lockout message', async () => {
    const user = userEvent.setup();
    const lockedMessage =
      'Too many failed sign-ins. Try again in 30 minutes, or reset your password.';
    signedOutApi(errorReply(429, 'too_many_attempts', lockedMessage));
    renderApp('/sign-in');

    await signIn(user);

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Account temporarily locked');
    expect(alert).toHaveTextContent(lockedMessage);
  });

  it('shows why an inactive account cannot sign in', async () => {
    const user = userEvent.setup();
    signedOutApi(errorReply(403, 'account_inactive', 'This account is suspended'));
    renderApp('/sign-in');

    await signIn(user);

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Account not active');
    expect(alert).toHaveTextContent('This account is suspended');
  });

  it('shows a network failure', async () => {
    const user = userEvent.setup();
    signedOutApi(new TypeError('Failed to fetch'));
    renderApp('/sign-in');

    await signIn(user);

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not sign in');
    expect(alert).toHaveTextContent('The server could not be reached');
  });

  it('explains when the browser did not keep the session cookie', async () => {
    const user = userEvent.setup();
    signedOutApi(reply(200), unauthenticated);
    const { router } = renderApp('/sign-in');

    await signIn(user);

    expect(await screen.findByRole('alert')).toHaveTextContent('Allow cookies for this site');
    expect(router.state.location.pathname).toBe('/sign-in');
  });

  it('asks for the email and password before calling the server', async () => {
    const user = userEvent.setup();
    const api = signedOutApi(reply(200));
    renderApp('/sign-in');

    await user.click(await screen.findByRole('button', { name: 'Sign in' }));
    expect(screen.getByText('Enter your email address.')).toBeInTheDocument();
    expect(screen.getByText('Enter your password.')).toBeInTheDocument();

    await user.type(screen.getByRole('textbox', { name: 'Email' }), 'ada');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(screen.getByText(/Enter an email address, like/)).toBeInTheDocument();
    expect(api.callsTo('POST /api/auth/sign-in/email')).toEqual([]);
  });

  describe('self-registration', () => {
    it('links to creating an account when the deployment allows it', async () => {
      const user = userEvent.setup();
      mockApi({
        'GET /api/me': unauthenticated,
        'GET /api/health': reply(200, healthy),
        'GET /api/public-config': reply(200, { selfRegistration: true }),
      });
      const { router } = renderApp('/sign-in');

      const link = await screen.findByRole('link', { name: 'Create an account' });
      expect(link).toHaveAttribute('href', '/register');
      await user.click(link);

      expect(router.state.location.pathname).toBe('/register');
      expect(await screen.findByRole('form', { name: 'Create an account' })).toBeVisible();
    });

    it.each([
      ['it is off', reply(200, { selfRegistration: false })],
      ['the configuration cannot be read', errorReply(500, 'internal_error', 'Down')],
    ])('shows no link when %s', async (_when, config) => {
      const api = mockApi({
        'GET /api/me': unauthenticated,
        'GET /api/health': reply(200, healthy),
        'GET /api/public-config': config,
      });
      renderApp('/sign-in');

      await screen.findByRole('form', { name: 'Sign in' });
      await waitFor(() => expect(api.callsTo('GET /api/public-config')).toHaveLength(1));
      await waitFor(() =>
        expect(screen.queryByRole('link', { name: 'Create an account' })).not.toBeInTheDocument(),
      );
      expect(screen.queryByText(/New to EduLedger/)).not.toBeInTheDocument();
    });
  });

  describe('after the email confirmation link', () => {
    it('says the address is confirmed', async () => {
      signedOutApi(reply(200));
      renderApp('/sign-in?verified=1');

      expect(await screen.findByText('Your email address is confirmed')).toBeVisible();
    });

    it('offers a new link when it had expired', async () => {
      const user = userEvent.setup();
      const api = mockApi({
        'GET /api/me': unauthenticated,
        'GET /api/health': reply(200, healthy),
        'POST /api/auth/send-verification-email': reply(200, { status: true }),
      });
      renderApp('/sign-in?verified=1&error=TOKEN_EXPIRED');

      expect(await screen.findByText('The confirmation link did not work')).toBeVisible();
      expect(screen.getByText('Enter your email address below to get a new link.')).toBeVisible();
      expect(screen.queryByRole('button', { name: 'Send a new link' })).not.toBeInTheDocument();
      await user.type(screen.getByRole('textbox', { name: 'Email' }), 'robin@example.edu');
      await user.click(screen.getByRole('button', { name: 'Send a new link' }));

      expect(await screen.findByText(/We sent a new link to robin@example.edu/)).toBeVisible();
      expect(api.callsTo('POST /api/auth/send-verification-email')[0]?.body).toEqual({
        email: 'robin@example.edu',
        callbackURL: '/sign-in?verified=1',
      });
    });
  });

  describe('for a visitor who is already signed in', () => {
    it.each([
      ['a same-site path', '/no/such?x=1', '/no/such'],
      ['a protocol-relative URL', '//evil.example/phish', '/'],
      ['a backslash trick', '/\\evil.example', '/'],
      ['a full URL', 'https://evil.example/', '/'],
      ['a javascript: URL', 'javascript:alert(1)', '/'],
    ])('follows next only when it is %s', async (_label, next, expectedPath) => {
      mockApi({ 'GET /api/me': reply(200, meFixture()) });
      const { router } = renderApp(`/sign-in?${new URLSearchParams({ next }).toString()}`);

      await waitFor(() => expect(router.state.location.pathname).toBe(expectedPath));
      expect(await screen.findByRole('button', { name: /Account menu/ })).toBeInTheDocument();
    });
  });
});
