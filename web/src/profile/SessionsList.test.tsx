import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { daysFromNow, sessionFixture } from '../test/adminFixtures';
import { healthy, meFixture, unauthenticated } from '../test/fixtures';
import { errorReply, mockApi, reply, type MockReply } from '../test/http';
import { renderApp } from '../test/render';

const current = sessionFixture();
const phone = sessionFixture({
  id: '22222222-2222-4222-8222-222222222222',
  current: false,
  userAgent:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
  lastSeenAt: daysFromNow(-2),
  ipAddress: null,
  rememberMe: true,
});
const PHONE_ROUTE = `DELETE /api/me/sessions/${phone.id}`;
const CURRENT_ROUTE = `DELETE /api/me/sessions/${current.id}`;

function renderSessions(
  sessions: MockReply | MockReply[],
  routes: Parameters<typeof mockApi>[0] = {},
) {
  const api = mockApi({
    'GET /api/me': reply(200, meFixture()),
    'GET /api/me/sessions': sessions,
    ...routes,
  });
  return { api, ...renderApp('/profile'), user: userEvent.setup() };
}

function rowOf(text: string) {
  const row = within(screen.getByRole('table', { name: 'Sessions' }))
    .getByText(text)
    .closest('tr');
  if (!row) throw new Error(`no row with ${text}`);
  return within(row);
}

describe('SessionsList', () => {
  it('lists sessions in plain words, marking this device', async () => {
    renderSessions(reply(200, { items: [current, phone] }));

    expect(await screen.findByText('Firefox on Windows')).toBeVisible();
    const here = rowOf('Firefox on Windows');
    expect(here.getByText('This device')).toBeVisible();
    expect(here.getByText('198.51.100.4')).toBeVisible();
    expect(here.getByText('now')).toBeVisible();
    expect(here.getByText('Ends after 8 idle hours')).toBeVisible();
    expect(here.getByRole('button', { name: 'Sign out here' })).toBeVisible();
    const other = rowOf('Safari on iPhone');
    expect(other.getByText('Unknown')).toBeVisible();
    expect(other.getByText('2 days ago')).toBeVisible();
    expect(other.getByText('Kept signed in for 30 days')).toBeVisible();
    expect(other.queryByText('This device')).not.toBeInTheDocument();
  });

  it('revokes another session', async () => {
    const { api, user } = renderSessions(
      [reply(200, { items: [current, phone] }), reply(200, { items: [current] })],
      { [PHONE_ROUTE]: { status: 204 } },
    );

    await user.click(
      await screen.findByRole('button', { name: 'Revoke the session on Safari on iPhone' }),
    );

    expect(await screen.findByRole('status')).toHaveTextContent(
      'Session on Safari on iPhone signed out',
    );
    await waitFor(() => expect(screen.queryByText('Safari on iPhone')).not.toBeInTheDocument());
    expect(api.callsTo(PHONE_ROUTE)).toHaveLength(1);
  });

  it('reports a session that could not be revoked', async () => {
    const { user } = renderSessions(reply(200, { items: [current, phone] }), {
      [PHONE_ROUTE]: errorReply(404, 'not_found', 'Session not found'),
    });

    await user.click(await screen.findByRole('button', { name: /Revoke the session/ }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('could not be signed out');
    expect(alert).toHaveTextContent('Session not found');
  });

  it('signs out of this session after confirmation', async () => {
    const user = userEvent.setup();
    mockApi({
      'GET /api/me': [reply(200, meFixture()), unauthenticated],
      'GET /api/me/sessions': reply(200, { items: [current] }),
      'GET /api/health': reply(200, healthy),
      [CURRENT_ROUTE]: { status: 204 },
    });
    const { router } = renderApp('/profile');

    await user.click(await screen.findByRole('button', { name: 'Sign out here' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Sign out of this session?' }));
    await user.click(dialog.getByRole('button', { name: 'Sign out' }));

    expect(await screen.findByRole('heading', { name: 'Sign in to EduLedger' })).toBeVisible();
    expect(router.state.location.pathname).toBe('/sign-in');
  });

  it('keeps you signed in when this session cannot be revoked', async () => {
    const { user } = renderSessions(reply(200, { items: [current] }), {
      [CURRENT_ROUTE]: errorReply(500, 'internal_error', 'Database down'),
    });

    await user.click(await screen.findByRole('button', { name: 'Sign out here' }));
    const dialog = within(await screen.findByRole('dialog'));
    await user.click(dialog.getByRole('button', { name: 'Sign out' }));

    expect(await dialog.findByRole('alert')).toHaveTextContent('Database down');
    await user.click(dialog.getByRole('button', { name: 'Go back' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('shows a loader, then a failure with a retry', async () => {
    const { user } = renderSessions([
      errorReply(500, 'internal_error', 'Sessions unavailable'),
      reply(200, { items: [current] }),
    ]);

    expect(await screen.findByText('Loading your sessions…')).toBeVisible();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Your sessions could not be loaded');
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('Firefox on Windows')).toBeVisible();
  });
});
