import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { errorReply, mockApi, reply } from '../test/http';
import { renderApp } from '../test/render';
import { RESET_LINK_SENT_MESSAGE } from './ForgotPasswordPage';

describe('ForgotPasswordPage', () => {
  it.each([
    ['an address with an account', 'ada@example.org'],
    ['an address without one', 'nobody@example.org'],
  ])('shows the same confirmation for %s', async (_label, email) => {
    const user = userEvent.setup();
    const api = mockApi({ 'POST /api/auth/request-password-reset': reply(200, { status: true }) });
    const { router } = renderApp('/forgot-password');

    const input = screen.getByRole('textbox', { name: 'Email' });
    expect(input).toHaveFocus();
    await user.type(input, `${email}{Enter}`);

    const confirmation = await screen.findByRole('alert');
    expect(confirmation).toHaveTextContent(RESET_LINK_SENT_MESSAGE);
    expect(RESET_LINK_SENT_MESSAGE).toBe(
      'If an account exists for that address, we sent a link to reset the password. It expires in 1 hour.',
    );
    expect(api.callsTo('POST /api/auth/request-password-reset')).toEqual([
      {
        method: 'POST',
        path: '/api/auth/request-password-reset',
        body: { email, redirectTo: '/reset-password' },
      },
    ]);
    await user.click(screen.getByRole('link', { name: 'Back to sign in' }));
    expect(router.state.location.pathname).toBe('/sign-in');
  });

  it('asks for an email address before calling the server', async () => {
    const user = userEvent.setup();
    const api = mockApi({});
    renderApp('/forgot-password');

    await user.click(screen.getByRole('button', { name: 'Send reset link' }));

    expect(screen.getByText(/Enter an email address, like/)).toBeInTheDocument();
    expect(api.calls).toEqual([]);
  });

  it('shows a field error from the server next to the email', async () => {
    const user = userEvent.setup();
    mockApi({
      'POST /api/auth/request-password-reset': errorReply(400, 'validation_failed', 'Invalid', [
        { path: 'email', message: 'Must be an email address' },
      ]),
    });
    renderApp('/forgot-password');

    await user.type(screen.getByRole('textbox', { name: 'Email' }), 'a@b{Enter}');

    expect(await screen.findByText('Must be an email address')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('says so when the request could not be made, rather than claiming a link was sent', async () => {
    const user = userEvent.setup();
    mockApi({
      'POST /api/auth/request-password-reset': errorReply(
        429,
        'rate_limited',
        'Too many requests. Try again in a few minutes.',
      ),
    });
    renderApp('/forgot-password');

    await user.type(screen.getByRole('textbox', { name: 'Email' }), 'ada@example.org{Enter}');

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Too many requests. Try again in a few minutes.')).toBeVisible();
    expect(alert).not.toHaveTextContent(RESET_LINK_SENT_MESSAGE);
  });
});
