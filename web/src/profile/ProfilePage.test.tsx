import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { sessionFixture } from '../test/adminFixtures';
import { meFixture } from '../test/fixtures';
import { errorReply, mockApi, reply } from '../test/http';
import { renderApp } from '../test/render';

async function renderProfile(routes: Parameters<typeof mockApi>[0] = {}, path = '/profile') {
  const api = mockApi({
    'GET /api/me': reply(200, meFixture()),
    'GET /api/me/sessions': reply(200, { items: [sessionFixture()] }),
    ...routes,
  });
  const view = renderApp(path);
  await screen.findByRole('heading', { level: 1, name: 'Profile' });
  return { api, ...view, user: userEvent.setup() };
}

function section(name: string) {
  return within(screen.getByRole('region', { name }));
}

describe('ProfilePage', () => {
  it('is reached from the user menu', async () => {
    const user = userEvent.setup();
    mockApi({
      'GET /api/me': reply(200, meFixture()),
      'GET /api/me/sessions': reply(200, { items: [] }),
    });
    const { router } = renderApp('/');

    await user.click(await screen.findByRole('button', { name: /Account menu/ }));
    await user.click(await screen.findByRole('menuitem', { name: 'Profile' }));

    expect(router.state.location.pathname).toBe('/profile');
    expect(await screen.findByRole('heading', { level: 1, name: 'Profile' })).toBeVisible();
    expect(document.title).toBe('Profile · EduLedger');
  });

  it('saves the name and updates the header', async () => {
    const renamed = meFixture();
    renamed.user.name = 'Augusta Ada King';
    const { api, user } = await renderProfile({ 'PATCH /api/me/profile': reply(200, renamed) });

    const name = await section('Name').findByRole('textbox', { name: 'Name' });
    expect(name).toHaveValue('Ada Lovelace');
    await user.clear(name);
    await user.type(name, ' Augusta Ada King {Enter}');

    expect(await screen.findByRole('status')).toHaveTextContent('Name saved');
    expect(api.callsTo('PATCH /api/me/profile')[0]?.body).toEqual({ name: 'Augusta Ada King' });
    expect(
      screen.getByRole('button', { name: 'Account menu for Augusta Ada King' }),
    ).toBeInTheDocument();
  });

  it('asks for a name, and shows server errors for it', async () => {
    const { api, user } = await renderProfile({
      'PATCH /api/me/profile': [
        errorReply(400, 'validation_failed', 'Invalid', [{ path: 'name', message: 'is too long' }]),
        errorReply(500, 'internal_error', 'Database down'),
      ],
    });
    const name = await section('Name').findByRole('textbox', { name: 'Name' });

    await user.clear(name);
    await user.click(section('Name').getByRole('button', { name: 'Save name' }));
    expect(section('Name').getByText('Enter your name.')).toBeVisible();
    expect(api.callsTo('PATCH /api/me/profile')).toEqual([]);

    await user.type(name, 'A{Enter}');
    expect(await section('Name').findByText('Name is too long')).toBeVisible();
    await user.type(name, '{Enter}');
    expect(await section('Name').findByRole('alert')).toHaveTextContent('Database down');
  });

  it('requests an email change and shows it is pending', async () => {
    const { api, user } = await renderProfile({
      'POST /api/me/email': reply(202, { pendingEmail: 'ada@new.example.org' }),
    });
    const email = section('Email');

    await user.type(
      await email.findByRole('textbox', { name: 'New email' }),
      ' ada@new.example.org ',
    );
    await user.type(email.getByLabelText(/^Current password/), 'secret-password');
    await user.click(email.getByRole('button', { name: 'Send confirmation link' }));

    const pending = await email.findByRole('alert');
    expect(pending).toHaveTextContent('Confirm your new address');
    expect(pending).toHaveTextContent('ada@new.example.org');
    expect(api.callsTo('POST /api/me/email')[0]?.body).toEqual({
      newEmail: 'ada@new.example.org',
      currentPassword: 'secret-password',
    });
    expect(email.getByRole('textbox', { name: 'New email' })).toHaveValue('');
    await waitFor(() => expect(api.callsTo('GET /api/me')).toHaveLength(2));
  });

  it('shows an email change still waiting for its confirmation link', async () => {
    const me = meFixture();
    me.user.pendingEmail = 'ada@new.example.org';
    await renderProfile({ 'GET /api/me': reply(200, me) });

    expect(section('Email').getByText(/Pending confirmation:/)).toHaveTextContent(
      'Pending confirmation: ada@new.example.org.',
    );
  });

  it('shows no pending change when there is none', async () => {
    await renderProfile();

    expect(section('Email').queryByText(/Pending confirmation/)).not.toBeInTheDocument();
  });

  it('checks the email change before calling the server', async () => {
    const { api, user } = await renderProfile();
    const email = section('Email');

    await user.click(await email.findByRole('button', { name: 'Send confirmation link' }));
    expect(email.getByText('Enter the new email address.')).toBeVisible();
    expect(email.getByText('Enter your current password.')).toBeVisible();
    await user.type(email.getByRole('textbox', { name: 'New email' }), 'ADA@example.org');
    expect(email.getByText('This is already your email address.')).toBeVisible();
    await user.clear(email.getByRole('textbox', { name: 'New email' }));
    await user.type(email.getByRole('textbox', { name: 'New email' }), 'ada');
    expect(email.getByText(/Enter an email address, like/)).toBeVisible();
    expect(api.callsTo('POST /api/me/email')).toEqual([]);
  });

  it.each([
    [
      'a taken address',
      errorReply(409, 'conflict', 'That address is taken'),
      'That address is taken',
    ],
    [
      'a wrong password',
      errorReply(400, 'invalid_password', 'The current password is wrong'),
      'The current password is wrong',
    ],
  ])('shows %s next to its field', async (_label, failure, message) => {
    const { user } = await renderProfile({ 'POST /api/me/email': failure });
    const email = section('Email');

    await user.type(await email.findByRole('textbox', { name: 'New email' }), 'x@example.org');
    await user.type(email.getByLabelText(/^Current password/), 'secret{Enter}');

    expect(await email.findByText(message)).toBeVisible();
    expect(email.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('shows other email change failures with the request id', async () => {
    const { user } = await renderProfile({
      'POST /api/me/email': errorReply(429, 'rate_limited', 'Slow down'),
    });
    const email = section('Email');

    await user.type(await email.findByRole('textbox', { name: 'New email' }), 'x@example.org');
    await user.type(email.getByLabelText(/^Current password/), 'secret{Enter}');

    const alert = await email.findByRole('alert');
    expect(alert).toHaveTextContent('Slow down');
    expect(alert).toHaveTextContent('Request ID: req-test');
  });

  it('confirms a changed email from the link, and the alert can be dismissed', async () => {
    const { router, user } = await renderProfile({}, '/profile?emailChanged=1');

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Your email address has been changed');
    await user.click(within(alert).getByRole('button', { name: 'Dismiss' }));

    expect(screen.queryByText('Your email address has been changed')).not.toBeInTheDocument();
    expect(router.state.location.search).toBe('');
  });

  it('explains an invalid or expired confirmation link', async () => {
    await renderProfile({}, '/profile?emailChangeError=1');

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The confirmation link is invalid or has expired',
    );
  });
});
