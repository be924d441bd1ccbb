import { screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { sessionFixture } from '../test/adminFixtures';
import { meFixture } from '../test/fixtures';
import { errorReply, mockApi, reply } from '../test/http';
import { renderApp } from '../test/render';

const strongPassword = 'cobalt orchid tundra vessel';

function renderPasswordForm(changeReply = reply(200, { token: null })) {
  const api = mockApi({
    'GET /api/me': reply(200, meFixture()),
    'GET /api/me/sessions': reply(200, { items: [sessionFixture()] }),
    'POST /api/auth/change-password': changeReply,
  });
  renderApp('/profile');
  return { api, user: userEvent.setup() };
}

async function fillIn(user: UserEvent, current: string, next: string, confirmation = next) {
  const form = within(await screen.findByRole('form', { name: 'Change password' }));
  if (current !== '') await user.type(form.getByLabelText(/^Current password/), current);
  if (next !== '') await user.type(form.getByLabelText(/^New password/), next);
  if (confirmation !== '')
    await user.type(form.getByLabelText(/^Confirm new password/), confirmation);
  return form;
}

describe('PasswordForm', () => {
  it('changes the password, optionally signing out other sessions', async () => {
    const { api, user } = renderPasswordForm();

    const form = await fillIn(user, 'old-password-1', strongPassword);
    expect(form.getByRole('meter', { name: 'Password strength' })).toHaveTextContent('Very strong');
    const revoke = form.getByRole('checkbox', { name: 'Sign out my other sessions' });
    expect(revoke).not.toBeChecked();
    await user.click(revoke);
    await user.click(form.getByRole('button', { name: 'Change password' }));

    expect(await screen.findByRole('status')).toHaveTextContent(
      'Password changedYour other sessions were signed out.',
    );
    expect(api.callsTo('POST /api/auth/change-password')[0]?.body).toEqual({
      currentPassword: 'old-password-1',
      newPassword: strongPassword,
      revokeOtherSessions: true,
    });
    expect(form.getByLabelText(/^New password/)).toHaveValue('');
    await waitFor(() => expect(api.callsTo('GET /api/me/sessions')).toHaveLength(2));
  });

  it('says a confirmation was emailed when other sessions are kept', async () => {
    const { user } = renderPasswordForm();

    const form = await fillIn(user, 'old-password-1', strongPassword);
    await user.click(form.getByRole('button', { name: 'Change password' }));

    expect(await screen.findByRole('status')).toHaveTextContent('We emailed you a confirmation.');
  });

  it('checks the fields before calling the server', async () => {
    const { api, user } = renderPasswordForm();

    const form = await fillIn(user, '', 'short', 'other');
    await user.click(form.getByRole('button', { name: 'Change password' }));

    expect(form.getByText('Enter your current password.')).toBeVisible();
    expect(form.getByText('Use at least 10 characters.', { selector: 'p' })).toBeVisible();
    expect(form.getByText('The passwords do not match.')).toBeVisible();
    await user.type(form.getByLabelText(/^New password/), 'x'.repeat(130));
    expect(form.getByText('Use at most 128 characters.', { selector: 'p' })).toBeVisible();
    expect(api.callsTo('POST /api/auth/change-password')).toEqual([]);
  });

  it('shows a wrong current password next to it', async () => {
    const { user } = renderPasswordForm(
      errorReply(400, 'invalid_password', 'The current password is not correct'),
    );

    const form = await fillIn(user, 'wrong-password', strongPassword);
    await user.click(form.getByRole('button', { name: 'Change password' }));

    expect(await form.findByText('The current password is not correct')).toBeVisible();
    await user.type(form.getByLabelText(/^Current password/), 'x');
    expect(form.queryByText('The current password is not correct')).not.toBeInTheDocument();
  });

  it('shows policy errors next to the new password', async () => {
    const { user } = renderPasswordForm(
      errorReply(400, 'validation_failed', 'Invalid', [
        { path: 'newPassword', message: 'must not be your email address' },
      ]),
    );

    const form = await fillIn(user, 'old-password-1', strongPassword);
    await user.click(form.getByRole('button', { name: 'Change password' }));

    expect(await form.findByText('New password must not be your email address')).toBeVisible();
  });

  it('shows other failures with the request id', async () => {
    const { user } = renderPasswordForm(errorReply(500, 'internal_error', 'Database down'));

    const form = await fillIn(user, 'old-password-1', strongPassword);
    await user.click(form.getByRole('button', { name: 'Change password' }));

    const alert = await form.findByRole('alert');
    expect(alert).toHaveTextContent('Database down');
    expect(alert).toHaveTextContent('Request ID: req-test');
  });
});
