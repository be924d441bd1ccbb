import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { daysFromNow, invitationFixture, meAs } from '../test/adminFixtures';
import { errorReply, mockApi, never, reply } from '../test/http';
import { renderApp } from '../test/render';

const pending = invitationFixture();
const expired = invitationFixture({
  id: 'inv-2',
  email: 'linus@example.org',
  role: 'district_viewer',
  expiresAt: daysFromNow(-1),
});
const accepted = invitationFixture({ id: 'inv-3', email: 'alan@example.org', status: 'accepted' });

function rowOf(email: string) {
  const cell = within(screen.getByRole('table', { name: 'Invitations' })).getByText(email);
  const row = cell.closest('tr');
  if (!row) throw new Error(`no row for ${email}`);
  return within(row);
}

function renderPage(routes: Parameters<typeof mockApi>[0], path = '/admin/invitations') {
  const api = mockApi({ 'GET /api/me': reply(200, meAs('tenant_admin')), ...routes });
  return { api, ...renderApp(path), user: userEvent.setup() };
}

describe('InvitationsPage', () => {
  it('lists pending invitations by default with role, inviter, status and expiry', async () => {
    const { api } = renderPage({
      'GET /api/invitations': reply(200, { items: [pending, expired] }),
    });

    expect(await screen.findByRole('heading', { level: 1, name: 'Invitations' })).toBeVisible();
    await screen.findByText('grace@example.org');
    const row = rowOf('grace@example.org');
    expect(row.getByText('Staff')).toBeVisible();
    expect(row.getByText('Ada Lovelace')).toBeVisible();
    expect(row.getByText('Pending')).toBeVisible();
    expect(row.getByText('in 5 days')).toBeVisible();
    expect(rowOf('linus@example.org').getByText('Expired')).toBeVisible();
    expect(rowOf('linus@example.org').getByText('yesterday')).toBeVisible();
    expect(screen.getByRole('combobox', { name: 'Status' })).toHaveValue('pending');
    expect(api.queriesTo('GET /api/invitations')).toEqual([{ status: 'pending' }]);
    expect(document.title).toBe('Invitations · EduLedger');
  });

  it('filters by status through the URL, and offers no actions on settled invitations', async () => {
    const { api, router, user } = renderPage({
      'GET /api/invitations': [
        reply(200, { items: [pending] }),
        reply(200, { items: [accepted] }),
        reply(200, { items: [pending, accepted] }),
      ],
    });
    await screen.findByText('grace@example.org');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'accepted');

    expect(await screen.findByText('alan@example.org')).toBeVisible();
    expect(router.state.location.search).toBe('?status=accepted');
    expect(rowOf('alan@example.org').queryByRole('button')).not.toBeInTheDocument();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'all');
    await waitFor(() => expect(api.queriesTo('GET /api/invitations')).toHaveLength(3));
    expect(api.queriesTo('GET /api/invitations')[2]).toEqual({});
  });

  it('reads the status filter from the URL', async () => {
    const { api } = renderPage(
      { 'GET /api/invitations': reply(200, { items: [] }) },
      '/admin/invitations?status=cancelled',
    );

    expect(await screen.findByText('No cancelled invitations')).toBeVisible();
    expect(api.queriesTo('GET /api/invitations')).toEqual([{ status: 'cancelled' }]);
  });

  it('shows an empty state', async () => {
    renderPage({ 'GET /api/invitations': reply(200, { items: [] }) });

    expect(await screen.findByText('No pending invitations')).toBeVisible();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('shows a loader, then the error with its request id and a retry', async () => {
    const { user } = renderPage({
      'GET /api/invitations': [
        errorReply(500, 'internal_error', 'Database is down'),
        reply(200, { items: [pending] }),
      ],
    });

    expect(await screen.findByText('Loading invitations…')).toBeVisible();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The invitations could not be loaded');
    expect(alert).toHaveTextContent('Database is down');
    expect(alert).toHaveTextContent('Request ID: req-test');
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('grace@example.org')).toBeVisible();
  });

  it('resends a pending invitation and says so', async () => {
    const { api, user } = renderPage({
      'GET /api/invitations': reply(200, { items: [pending] }),
      'POST /api/invitations/inv-1/resend': reply(200, pending),
    });
    await screen.findByText('grace@example.org');

    await user.click(
      screen.getByRole('button', { name: 'Resend the invitation to grace@example.org' }),
    );

    expect(await screen.findByRole('status')).toHaveTextContent(
      'Invitation sent again to grace@example.org',
    );
    expect(api.callsTo('POST /api/invitations/inv-1/resend')).toHaveLength(1);
    await waitFor(() => expect(api.callsTo('GET /api/invitations')).toHaveLength(2));
  });

  it('reports a failed resend with the request id', async () => {
    const { user } = renderPage({
      'GET /api/invitations': reply(200, { items: [pending] }),
      'POST /api/invitations/inv-1/resend': errorReply(403, 'forbidden', 'Not your invitation'),
    });
    await screen.findByText('grace@example.org');

    await user.click(screen.getByRole('button', { name: /Resend the invitation/ }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('could not be resent');
    expect(alert).toHaveTextContent('Not your invitation');
    expect(alert).toHaveTextContent('Request ID: req-test');
  });

  it('cancels an invitation after confirmation', async () => {
    const { api, user } = renderPage({
      'GET /api/invitations': [reply(200, { items: [pending] }), reply(200, { items: [] })],
      'DELETE /api/invitations/inv-1': reply(200, { ...pending, status: 'cancelled' }),
    });
    await screen.findByText('grace@example.org');

    await user.click(
      screen.getByRole('button', { name: 'Cancel the invitation to grace@example.org' }),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Cancel this invitation?' });
    expect(dialog).toHaveTextContent('grace@example.org will stop working');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel invitation' }));

    expect(await screen.findByRole('status')).toHaveTextContent(
      'Invitation to grace@example.org cancelled',
    );
    expect(api.callsTo('DELETE /api/invitations/inv-1')).toHaveLength(1);
    expect(await screen.findByText('No pending invitations')).toBeVisible();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('keeps the invitation when the confirmation is dismissed, and shows refusals in the dialog', async () => {
    const { api, user } = renderPage({
      'GET /api/invitations': reply(200, { items: [pending] }),
      'DELETE /api/invitations/inv-1': errorReply(409, 'conflict', 'Already accepted'),
    });
    await screen.findByText('grace@example.org');

    await user.click(screen.getByRole('button', { name: /Cancel the invitation/ }));
    await user.click(screen.getByRole('button', { name: 'Keep invitation' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(api.callsTo('DELETE /api/invitations/inv-1')).toEqual([]);

    await user.click(screen.getByRole('button', { name: /Cancel the invitation/ }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel invitation' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Already accepted');
  });

  it('shows a loading Resend button while resending', async () => {
    const { user } = renderPage({
      'GET /api/invitations': reply(200, { items: [pending] }),
      'POST /api/invitations/inv-1/resend': never,
    });
    await screen.findByText('grace@example.org');

    await user.click(screen.getByRole('button', { name: /Resend the invitation/ }));

    await waitFor(() =>
      expect(screen.getByRole('button', { name: /Resend the invitation/ })).toHaveAttribute(
        'data-loading',
      ),
    );
  });
});
