import { screen, waitFor } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { daysFromNow } from '../test/adminFixtures';
import { meFixture, unauthenticated } from '../test/fixtures';
import { errorReply, mockApi, never, reply } from '../test/http';
import { renderApp } from '../test/render';

const TOKEN = 'tenant-1.abcdefghijklmnop';
const OFFER_ROUTE = `GET /api/invitations/by-token/${TOKEN}`;
const ACCEPT_ROUTE = `POST /api/invitations/by-token/${TOKEN}/accept`;
const PATH = `/invitations/accept?token=${TOKEN}`;
const strongPassword = 'cobalt orchid tundra vessel';

const offer = {
  email: 'grace@example.org',
  tenantName: 'Riverside Partners',
  role: 'staff',
  inviterName: 'Ada Lovelace',
  message: 'Welcome aboard!\nSee you Monday.',
  expiresAt: daysFromNow(3),
};

async function fillIn(user: UserEvent, name: string, password: string, confirmation = password) {
  const nameInput = await screen.findByLabelText(/^Your name/);
  if (name !== '') await user.type(nameInput, name);
  if (password !== '') await user.type(screen.getByLabelText(/^Password/), password);
  if (confirmation !== '')
    await user.type(screen.getByLabelText(/^Confirm password/), confirmation);
  await user.click(screen.getByRole('button', { name: 'Accept and sign in' }));
}

describe('AcceptInvitationPage', () => {
  it('shows who invited you, to what, with their message and when it expires', async () => {
    mockApi({ [OFFER_ROUTE]: reply(200, offer) });
    renderApp(PATH);

    expect(screen.getByRole('status')).toHaveTextContent('Opening your invitation…');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Join Riverside Partners' }),
    ).toBeVisible();
    expect(screen.getByText(/invited you to join/).textContent).toBe(
      'Ada Lovelace invited you to join Riverside Partners as Staff.',
    );
    expect(screen.getByText(/Welcome aboard!/)).toBeVisible();
    expect(screen.getByText(/This invitation expires in 3 days/)).toBeVisible();
    expect(screen.getByRole('textbox', { name: 'Email' })).toHaveValue('grace@example.org');
    expect(screen.getByRole('textbox', { name: 'Email' })).toHaveAttribute('readonly');
    expect(
      screen.getByText(/If you already have an EduLedger account, enter its password/),
    ).toBeVisible();
    expect(screen.getByLabelText(/^Your name/)).toHaveFocus();
    expect(document.title).toBe('Join Riverside Partners · EduLedger');
  });

  it('names the program and the section an instructor is invited to teach', async () => {
    mockApi({
      [OFFER_ROUTE]: reply(200, {
        ...offer,
        role: 'instructor',
        program: 'Nursing',
        section: 'NUR-101 001 (Fall 2025)',
      }),
    });
    renderApp(PATH);

    expect((await screen.findByText(/Section to assess/)).textContent).toBe(
      'Program: Nursing. Section to assess: NUR-101 001 (Fall 2025); it opens once you have joined.',
    );
  });

  it('says nothing of programs or sections when the invitation names none', async () => {
    mockApi({ [OFFER_ROUTE]: reply(200, { ...offer, program: null, section: null }) });
    renderApp(PATH);

    expect(await screen.findByText(/invited you to join/)).toBeVisible();
    expect(screen.queryByText(/Program:|Section to assess/)).toBeNull();
  });

  it('accepts, signs in and opens the page the server names', async () => {
    const user = userEvent.setup();
    const api = mockApi({
      [OFFER_ROUTE]: reply(200, offer),
      [ACCEPT_ROUTE]: reply(200, { redirectTo: '/no/such/section?tab=assess' }),
      'GET /api/me': reply(200, meFixture()),
    });
    const { router } = renderApp(PATH);

    await fillIn(user, ' Grace Hopper ', strongPassword);

    await waitFor(() => expect(router.state.location.pathname).toBe('/no/such/section'));
    expect(router.state.location.search).toBe('?tab=assess');
    expect(api.callsTo(ACCEPT_ROUTE)[0]?.body).toEqual({
      name: 'Grace Hopper',
      password: strongPassword,
    });
    expect(await screen.findByRole('button', { name: /Account menu/ })).toBeInTheDocument();
  });

  it('never follows a redirect off the site', async () => {
    const user = userEvent.setup();
    mockApi({
      [OFFER_ROUTE]: reply(200, offer),
      [ACCEPT_ROUTE]: reply(200, { redirectTo: 'https://evil.example/' }),
      'GET /api/me': reply(200, meFixture()),
    });
    const { router } = renderApp(PATH);

    await fillIn(user, 'Grace', strongPassword);

    expect(await screen.findByRole('heading', { name: /Welcome/ })).toBeVisible();
    expect(router.state.location.pathname).toBe('/');
  });

  it('shows a strength meter that knows the invited email', async () => {
    const user = userEvent.setup();
    mockApi({ [OFFER_ROUTE]: reply(200, offer) });
    renderApp(PATH);

    await user.type(await screen.findByLabelText(/^Password/), 'grace@example.org');

    expect(screen.getByRole('meter', { name: 'Password strength' })).toHaveTextContent('Very weak');
  });

  it('checks the form before calling the server', async () => {
    const user = userEvent.setup();
    const api = mockApi({ [OFFER_ROUTE]: reply(200, offer) });
    renderApp(PATH);

    await fillIn(user, '', 'short', 'other');

    expect(screen.getByText('Enter your name.')).toBeVisible();
    expect(screen.getByText('Use at least 10 characters.', { selector: 'p' })).toBeVisible();
    expect(screen.getByText('The passwords do not match.')).toBeVisible();
    expect(api.callsTo(ACCEPT_ROUTE)).toEqual([]);
  });

  it('shows policy errors from the server next to the password', async () => {
    const user = userEvent.setup();
    mockApi({
      [OFFER_ROUTE]: reply(200, offer),
      [ACCEPT_ROUTE]: errorReply(400, 'validation_failed', 'Invalid', [
        { path: 'password', message: 'This password is too common' },
        { path: 'name', message: 'is required' },
      ]),
    });
    renderApp(PATH);

    await fillIn(user, 'Grace', 'password1234');

    expect(await screen.findByText('This password is too common')).toBeVisible();
    expect(screen.getByText('Name is required')).toBeVisible();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('asks for the existing password when the account exists and the password is wrong', async () => {
    const user = userEvent.setup();
    mockApi({
      [OFFER_ROUTE]: reply(200, offer),
      [ACCEPT_ROUTE]: errorReply(401, 'invalid_credentials', 'Email or password is incorrect.'),
    });
    renderApp(PATH);

    await fillIn(user, 'Grace', strongPassword);

    expect(
      await screen.findByText(
        'Email or password is incorrect. Enter the password of your existing EduLedger account.',
      ),
    ).toBeVisible();
  });

  it('shows other failures with the request id', async () => {
    const user = userEvent.setup();
    mockApi({
      [OFFER_ROUTE]: reply(200, offer),
      [ACCEPT_ROUTE]: errorReply(403, 'forbidden', 'This account is suspended'),
    });
    renderApp(PATH);

    await fillIn(user, 'Grace', strongPassword);

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The invitation could not be accepted');
    expect(alert).toHaveTextContent('This account is suspended');
    expect(alert).toHaveTextContent('Request ID: req-test');
  });

  it('explains when the browser did not keep the session', async () => {
    const user = userEvent.setup();
    mockApi({
      [OFFER_ROUTE]: reply(200, offer),
      [ACCEPT_ROUTE]: reply(200, { redirectTo: '/' }),
      'GET /api/me': unauthenticated,
    });
    renderApp(PATH);

    await fillIn(user, 'Grace', strongPassword);

    expect(await screen.findByRole('alert')).toHaveTextContent('Allow cookies for this site');
  });

  it('shows a loading button while accepting', async () => {
    const user = userEvent.setup();
    mockApi({ [OFFER_ROUTE]: reply(200, offer), [ACCEPT_ROUTE]: never });
    renderApp(PATH);

    await fillIn(user, 'Grace', strongPassword);

    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Accept and sign in' })).toHaveAttribute(
        'data-loading',
      ),
    );
  });

  it('explains an unknown, used or cancelled link and links to sign-in', async () => {
    mockApi({ [OFFER_ROUTE]: errorReply(404, 'not_found', 'Invitation not found') });
    renderApp(PATH);

    expect(
      await screen.findByRole('heading', { name: 'This invitation cannot be used' }),
    ).toBeVisible();
    expect(screen.getByRole('link', { name: 'Go to sign in' })).toHaveAttribute('href', '/sign-in');
  });

  it('treats a link without a token as unusable', () => {
    const api = mockApi({});
    renderApp('/invitations/accept');

    expect(screen.getByRole('heading', { name: 'This invitation cannot be used' })).toBeVisible();
    expect(api.calls).toEqual([]);
  });

  it('asks for a new invitation when this one has expired', async () => {
    mockApi({ [OFFER_ROUTE]: errorReply(410, 'invitation_expired', 'Expired') });
    renderApp(PATH);

    expect(
      await screen.findByRole('heading', { name: 'This invitation has expired' }),
    ).toBeVisible();
    expect(screen.getByText(/Ask the person who invited you to send a new one/)).toBeVisible();
  });

  it('switches to the expired explanation when it expires while the form is open', async () => {
    const user = userEvent.setup();
    mockApi({
      [OFFER_ROUTE]: reply(200, offer),
      [ACCEPT_ROUTE]: errorReply(410, 'invitation_expired', 'Expired'),
    });
    renderApp(PATH);

    await fillIn(user, 'Grace', strongPassword);

    expect(
      await screen.findByRole('heading', { name: 'This invitation has expired' }),
    ).toBeVisible();
  });

  it('offers a retry when the invitation cannot be loaded', async () => {
    const user = userEvent.setup();
    const api = mockApi({
      [OFFER_ROUTE]: [errorReply(500, 'internal_error', 'Database down'), reply(200, offer)],
    });
    renderApp(PATH);

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The invitation could not be opened');
    expect(alert).toHaveTextContent('Request ID: req-test');
    await user.click(screen.getByRole('button', { name: 'Retry' }));

    expect(await screen.findByRole('heading', { name: 'Join Riverside Partners' })).toBeVisible();
    expect(api.callsTo(OFFER_ROUTE)).toHaveLength(2);
  });
});
