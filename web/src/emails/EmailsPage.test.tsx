import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { formatDateTime } from '../format/dates';
import { meAs, page, siteAdminMe } from '../test/adminFixtures';
import { emailFixture, TEMPLATES } from '../test/emailFixtures';
import { riverside } from '../test/fixtures';
import { errorReply, mockApi, never, reply, type MockReply } from '../test/http';
import { renderApp } from '../test/render';
import type { Me } from '../session/types';

const invitation = emailFixture();
const bounced = emailFixture({
  id: '5b0d3c1e-0000-4000-8000-000000000002',
  template: 'password-reset',
  to: 'linus@example.org',
  subject: 'Reset your EduLedger password',
  status: 'failed',
  attempts: 5,
  lastError: '550 5.1.1 No such user',
  tenantId: null,
  sentAt: null,
});

function renderEmails(
  emails: MockReply | MockReply[] | (() => Promise<MockReply>),
  path = '/admin/emails',
  me: Me = meAs('tenant_admin'),
) {
  const api = mockApi({
    'GET /api/me': reply(200, me),
    'GET /api/emails': emails,
    'GET /api/emails/templates': reply(200, { items: TEMPLATES }),
    'GET /api/admin/tenants': reply(200, {
      items: [{ id: riverside.id, name: 'Riverside' }],
      modules: [],
    }),
  });
  return { api, ...renderApp(path), user: userEvent.setup() };
}

function rowOf(text: string) {
  const row = within(screen.getByRole('table', { name: 'Emails' }))
    .getByText(text)
    .closest('tr');
  if (!row) throw new Error(`no row with ${text}`);
  return within(row);
}

describe('EmailsPage', () => {
  it('lists recent emails with recipient, subject, template, status and attempts', async () => {
    const { api } = renderEmails(reply(200, page([invitation, bounced])));

    expect(await screen.findByRole('heading', { level: 1, name: 'Emails' })).toBeVisible();
    await screen.findByText('grace@example.org');
    const first = rowOf('grace@example.org');
    expect(first.getByRole('link', { name: invitation.subject })).toHaveAttribute(
      'href',
      `/admin/emails/${invitation.id}`,
    );
    expect(first.getByText('Invitation')).toBeVisible();
    expect(first.getByText('Sent')).toBeVisible();
    expect(first.getByText(formatDateTime(invitation.createdAt))).toBeVisible();
    const second = rowOf('linus@example.org');
    expect(second.getByText('Failed')).toBeVisible();
    expect(second.getByText('550 5.1.1 No such user')).toBeVisible();
    expect(second.getByText('5')).toBeVisible();
    expect(screen.queryByRole('columnheader', { name: 'Tenant' })).not.toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Recent emails' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    expect(api.queriesTo('GET /api/emails')).toEqual([
      { page: '1', pageSize: '25', sort: 'createdAt', order: 'desc' },
    ]);
    expect(api.callsTo('GET /api/admin/tenants')).toHaveLength(0);
    expect(document.title).toBe('Emails · EduLedger');
  });

  it('filters by recipient, status and template, through the URL', async () => {
    const { api, router, user } = renderEmails(
      reply(200, page([invitation], 60)),
      '/admin/emails?page=2',
    );
    await screen.findByText('grace@example.org');

    await user.type(screen.getByRole('searchbox', { name: 'Recipient' }), 'grace{Enter}');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'failed');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Template' }), 'password-reset');

    expect(router.state.location.search).toBe(
      '?recipient=grace&status=failed&template=password-reset',
    );
    await waitFor(() =>
      expect(api.queriesTo('GET /api/emails').at(-1)).toEqual({
        recipient: 'grace',
        status: 'failed',
        template: 'password-reset',
        page: '1',
        pageSize: '25',
        sort: 'createdAt',
        order: 'desc',
      }),
    );
  });

  it('keeps a template filter from a link even before the template list arrives', async () => {
    renderEmails(reply(200, page([invitation])), '/admin/emails?template=welcome');

    await screen.findByText('grace@example.org');
    expect(screen.getByRole('combobox', { name: 'Template' })).toHaveValue('welcome');
  });

  it('sorts on the server by a column header, and pages through', async () => {
    const { api, router, user } = renderEmails(reply(200, page([invitation, bounced], 60)));
    await screen.findByText('grace@example.org');

    await user.click(screen.getByRole('button', { name: /^Recipient/ }));
    expect(router.state.location.search).toBe('?sort=to&order=asc');
    await user.click(screen.getByRole('button', { name: /^Recipient/ }));
    expect(router.state.location.search).toBe('?sort=to&order=desc');
    await user.click(screen.getByRole('button', { name: 'Page 2' }));
    await waitFor(() =>
      expect(api.queriesTo('GET /api/emails').at(-1)).toEqual({
        page: '2',
        pageSize: '25',
        sort: 'to',
        order: 'desc',
      }),
    );
    await user.selectOptions(screen.getByRole('combobox', { name: 'Rows per page' }), '50');
    await waitFor(() =>
      expect(api.queriesTo('GET /api/emails').at(-1)).toMatchObject({ pageSize: '50', page: '1' }),
    );
    expect(window.localStorage.getItem('eduledger.table.emails.pageSize')).toBe('50');
  });

  it('shows a loading state, then an empty state that explains where emails come from', async () => {
    let answer: (value: MockReply) => void = () => {};
    renderEmails(() => new Promise<MockReply>((resolve) => (answer = resolve)));

    expect(await screen.findByText('Loading emails…')).toBeVisible();
    answer(reply(200, page([])));
    expect(await screen.findByText('No emails yet')).toBeVisible();
    expect(screen.queryByRole('table', { name: 'Emails' })).not.toBeInTheDocument();
  });

  it('offers to clear filters that match nothing', async () => {
    const { router, user } = renderEmails(reply(200, page([])), '/admin/emails?status=blocked');

    await user.click(await screen.findByRole('button', { name: 'Clear filters' }));
    expect(router.state.location.search).toBe('');
  });

  it('offers the first page when the page asked for is past the end', async () => {
    const { router, user } = renderEmails(
      reply(200, page([], 3, 4)),
      '/admin/emails?page=4&status=sent',
    );

    await user.click(await screen.findByRole('button', { name: 'Go to the first page' }));
    expect(router.state.location.search).toBe('?status=sent');
  });

  it('explains a failure and retries', async () => {
    const { user } = renderEmails([
      errorReply(500, 'internal', 'The database is not answering'),
      reply(200, page([invitation])),
    ]);

    expect(await screen.findByText('The emails could not be loaded')).toBeVisible();
    expect(screen.getByText('The database is not answering')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('grace@example.org')).toBeVisible();
  });

  it('names each email’s tenant for site admins, account emails included', async () => {
    renderEmails(reply(200, page([invitation, bounced])), '/admin/emails', siteAdminMe());

    await screen.findByText('grace@example.org');
    expect(screen.getByRole('columnheader', { name: 'Tenant' })).toBeVisible();
    expect(await rowOf('grace@example.org').findByText('Riverside')).toBeVisible();
    expect(rowOf('linus@example.org').getByText('Account (no tenant)')).toBeVisible();
  });

  it('moves between the email tools with the tabs', async () => {
    const { router, user } = renderEmails(reply(200, page([invitation])));
    await screen.findByText('grace@example.org');

    await user.click(screen.getByRole('tab', { name: 'Templates' }));
    expect(router.state.location.pathname).toBe('/admin/emails/templates');
    await user.click(screen.getByRole('tab', { name: 'Recent emails' }));
    expect(router.state.location.pathname).toBe('/admin/emails');
  });

  it('is not offered to staff', async () => {
    mockApi({ 'GET /api/me': reply(200, meAs('staff')), 'GET /api/emails': never });
    renderApp('/admin/emails');

    expect(
      await screen.findByRole('heading', { name: 'You do not have access to this page' }),
    ).toBeVisible();
  });
});
