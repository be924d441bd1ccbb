import { screen, waitFor } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { errorReply, mockApi, never, reply } from '../test/http';
import { renderApp } from '../test/render';

const strongPassword = 'cobalt orchid tundra vessel';

async function fillIn(user: UserEvent, password: string, confirmation = password) {
  if (password !== '') await user.type(screen.getByLabelText(/^New password/), password);
  if (confirmation !== '') {
    await user.type(screen.getByLabelText(/^Confirm new password/), confirmation);
  }
  await user.click(screen.getByRole('button', { name: 'Change password' }));
}

describe('ResetPasswordPage', () => {
  it('changes the password with the token from the link, then offers to sign in', async () => {
    const user = userEvent.setup();
    const api = mockApi({ 'POST /api/auth/reset-password': reply(200, { status: true }) });
    const { router } = renderApp('/reset-password?token=tok-123');

    const input = screen.getByLabelText(/^New password/);
    expect(input).toHaveFocus();
    expect(input).toHaveAttribute('autocomplete', 'new-password');
    await fillIn(user, strongPassword);

    expect(await screen.findByRole('heading', { name: 'Password changed' })).toBeVisible();
    expect(screen.getByRole('alert')).toHaveTextContent('Sign in with your new password.');
    expect(api.callsTo('POST /api/auth/reset-password')).toEqual([
      {
        method: 'POST',
        path: '/api/auth/reset-password',
        body: { newPassword: strongPassword, token: 'tok-123' },
      },
    ]);
    await user.click(screen.getByRole('link', { name: 'Sign in' }));
    expect(router.state.location.pathname).toBe('/sign-in');
  });

  it('shows a strength meter with hints as the password is typed', async () => {
    const user = userEvent.setup();
    mockApi({});
    renderApp('/reset-password?token=tok-123');

    expect(screen.queryByRole('meter')).not.toBeInTheDocument();
    await user.type(screen.getByLabelText(/^New password/), 'abc');
    const meter = screen.getByRole('meter', { name: 'Password strength' });
    expect(meter).toHaveTextContent('Very weak');
    expect(meter).toHaveAttribute('aria-valuenow', '0');
    expect(screen.getByRole('list', { name: 'How to make it stronger' })).toHaveTextContent(
      'Use at least 10 characters.',
    );

    await user.clear(screen.getByLabelText(/^New password/));
    await user.type(screen.getByLabelText(/^New password/), strongPassword);
    expect(screen.getByRole('meter', { name: 'Password strength' })).toHaveTextContent(
      'Very strong',
    );
    expect(screen.queryByRole('list', { name: 'How to make it stronger' })).not.toBeInTheDocument();
  });

  it('checks length and that both passwords match before calling the server', async () => {
    const user = userEvent.setup();
    const api = mockApi({});
    renderApp('/reset-password?token=tok-123');

    await fillIn(user, 'short', 'short');
    expect(screen.getByText('Use at least 10 characters.', { selector: 'p' })).toBeVisible();

    await user.clear(screen.getByLabelText(/^New password/));
    await user.clear(screen.getByLabelText(/^Confirm new password/));
    await fillIn(user, strongPassword, `${strongPassword}!`);
    expect(screen.getByText('The passwords do not match.')).toBeVisible();
    expect(screen.queryByText('Use at least 10 characters.', { selector: 'p' })).toBeNull();

    await user.clear(screen.getByLabelText(/^New password/));
    await fillIn(user, 'x'.repeat(129), '');
    expect(screen.getByText('Use at most 128 characters.', { selector: 'p' })).toBeVisible();
    expect(api.calls).toEqual([]);
  });

  it('shows the server policy error next to the new password until it is edited', async () => {
    const user = userEvent.setup();
    mockApi({
      'POST /api/auth/reset-password': errorReply(400, 'validation_failed', 'Invalid password', [
        { path: 'newPassword', message: 'This password is too common' },
      ]),
    });
    renderApp('/reset-password?token=tok-123');

    await fillIn(user, 'password1234');

    expect(await screen.findByText('This password is too common')).toBeVisible();
    expect(screen.getByLabelText(/^New password/)).toHaveAccessibleDescription(
      'This password is too common',
    );
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    await user.type(screen.getByLabelText(/^New password/), 'x');
    expect(screen.queryByText('This password is too common')).not.toBeInTheDocument();
  });

  it('shows other server errors in an alert', async () => {
    const user = userEvent.setup();
    mockApi({
      'POST /api/auth/reset-password': errorReply(500, 'internal_error', 'Something broke'),
    });
    renderApp('/reset-password?token=tok-123');

    await fillIn(user, strongPassword);

    expect(await screen.findByRole('alert')).toHaveTextContent('Something broke');
  });

  it('shows a loading button while the password is being changed', async () => {
    const user = userEvent.setup();
    mockApi({ 'POST /api/auth/reset-password': never });
    renderApp('/reset-password?token=tok-123');

    await fillIn(user, strongPassword);

    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Change password' })).toHaveAttribute(
        'data-loading',
      ),
    );
  });

  it('explains an expired or used link when the server rejects the token', async () => {
    const user = userEvent.setup();
    mockApi({
      'POST /api/auth/reset-password': errorReply(400, 'invalid_token', 'invalid token'),
    });
    renderApp('/reset-password?token=tok-used');

    await fillIn(user, strongPassword);

    expect(await screen.findByRole('heading', { name: 'This link no longer works' })).toBeVisible();
    expect(screen.getByRole('link', { name: 'Request a new link' })).toHaveAttribute(
      'href',
      '/forgot-password',
    );
  });

  it.each([
    ['the link was expired or used', '/reset-password?error=INVALID_TOKEN'],
    ['the link has no token', '/reset-password'],
    ['the token is empty', '/reset-password?token='],
  ])('explains what to do when %s', (_label, path) => {
    mockApi({});
    renderApp(path);

    expect(screen.getByRole('heading', { name: 'This link no longer works' })).toBeVisible();
    expect(screen.getByText(/has expired or has already been used/)).toBeVisible();
    expect(screen.getByRole('link', { name: 'Request a new link' })).toHaveAttribute(
      'href',
      '/forgot-password',
    );
    expect(screen.queryByLabelText(/^New password/)).not.toBeInTheDocument();
    expect(document.title).toBe('This link no longer works · EduLedger');
  });
});
