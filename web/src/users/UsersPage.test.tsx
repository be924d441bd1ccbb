import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { pageSizeKey } from '../table/pageSize';
import { meAs, memberFixture, page, selfMember } from '../test/adminFixtures';
import { errorReply, mockApi, reply, type MockReply } from '../test/http';
import { renderApp } from '../test/render';

const grace = memberFixture({ scope: {} });
const linus = memberFixture({
  id: 'u-3',
  email: 'linus@example.org',
  name: '',
  role: 'district_viewer',
  scope: { districts: ['d-1', 'd-2'] },
  status: 'suspended',
  locked: true,
  lastSeenAt: null,
});

const DEFAULT_QUERY = { page: '1', pageSize: '25', sort: 'name', order: 'asc' };

function renderUsers(users: MockReply | MockReply[], path = '/admin/users') {
  const api = mockApi({ 'GET /api/me': reply(200, meAs('tenant_admin')), 'GET /api/users': users });
  return { api, ...renderApp(path), user: userEvent.setup() };
}

function rowOf(text: string) {
  const row = within(screen.getByRole('table', { name: 'Users' }))
    .getByText(text)
    .closest('tr');
  if (!row) throw new Error(`no row with ${text}`);
  return within(row);
}

describe('UsersPage', () => {
  it('lists the members with role, scope, status badges and last activity', async () => {
    const { api } = renderUsers(reply(200, page([selfMember(), grace, linus])));

    expect(await screen.findByText('linus@example.org')).toBeVisible();
    expect(rowOf('ada@example.org').getByText('You')).toBeVisible();
    expect(rowOf('grace@example.org').getByText('Active')).toBeVisible();
    expect(rowOf('grace@example.org').getByText('yesterday')).toBeVisible();
    const linusRow = rowOf('linus@example.org');
    expect(linusRow.getByText('No name yet')).toBeVisible();
    expect(linusRow.getByText('District viewer')).toBeVisible();
    expect(linusRow.getByText('2 districts')).toBeVisible();
    expect(linusRow.getByText('Suspended')).toBeVisible();
    expect(linusRow.getByText('Locked')).toBeVisible();
    expect(linusRow.getByText('Never')).toBeVisible();
    expect(api.queriesTo('GET /api/users')).toEqual([DEFAULT_QUERY]);
    expect(screen.getByRole('columnheader', { name: /Name/ })).toHaveAttribute(
      'aria-sort',
      'ascending',
    );
    expect(screen.getByText('1–3 of 3')).toBeVisible();
    expect(document.title).toBe('Users · EduLedger');
  });

  it('sorts on the server from the column headers, keeping the sort in the URL', async () => {
    const { api, router, user } = renderUsers(reply(200, page([grace], 60)), '/admin/users?page=2');
    await screen.findByText('grace@example.org');

    await user.click(screen.getByRole('button', { name: /Last active/ }));
    await waitFor(() => expect(router.state.location.search).toBe('?sort=lastSeenAt&order=asc'));
    await user.click(screen.getByRole('button', { name: /Last active/ }));

    await waitFor(() =>
      expect(api.queriesTo('GET /api/users').at(-1)).toEqual({
        ...DEFAULT_QUERY,
        sort: 'lastSeenAt',
        order: 'desc',
      }),
    );
    expect(screen.getByRole('columnheader', { name: /Last active/ })).toHaveAttribute(
      'aria-sort',
      'descending',
    );
  });

  it('searches and filters through the URL, going back to page 1', async () => {
    const { api, router, user } = renderUsers(
      reply(200, page([grace], 60, 3)),
      '/admin/users?page=3',
    );
    await screen.findByText('grace@example.org');

    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'grace');
    await waitFor(() => expect(router.state.location.search).toBe('?search=grace'));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Role' }), 'staff');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'active');

    expect(router.state.location.search).toBe('?search=grace&role=staff&status=active');
    await waitFor(() =>
      expect(api.queriesTo('GET /api/users').at(-1)).toEqual({
        ...DEFAULT_QUERY,
        search: 'grace',
        role: 'staff',
        status: 'active',
      }),
    );
  });

  it('opens with the filters, page and sort of a shared link', async () => {
    const { api } = renderUsers(
      reply(200, page([grace], 60, 2)),
      '/admin/users?role=staff&page=2&sort=email&order=desc',
    );

    await screen.findByText('grace@example.org');
    expect(api.queriesTo('GET /api/users')).toEqual([
      { ...DEFAULT_QUERY, role: 'staff', page: '2', sort: 'email', order: 'desc' },
    ]);
    expect(screen.getByRole('combobox', { name: 'Role' })).toHaveValue('staff');
  });

  it('pages through the results', async () => {
    const { api, router, user } = renderUsers(reply(200, page([grace], 60)));
    await screen.findByText('grace@example.org');

    await user.click(screen.getByRole('button', { name: 'Next page' }));

    expect(router.state.location.search).toBe('?page=2');
    await waitFor(() => expect(api.queriesTo('GET /api/users').at(-1)?.page).toBe('2'));
  });

  it('remembers the page size for this table and starts again at page 1', async () => {
    const { api, router, user } = renderUsers(reply(200, page([grace], 60)), '/admin/users?page=2');
    await screen.findByText('grace@example.org');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Rows per page' }), '100');

    expect(window.localStorage.getItem(pageSizeKey('users'))).toBe('100');
    expect(router.state.location.search).toBe('');
    await waitFor(() =>
      expect(api.queriesTo('GET /api/users').at(-1)).toEqual({ ...DEFAULT_QUERY, pageSize: '100' }),
    );
  });

  it('uses the remembered page size', async () => {
    window.localStorage.setItem(pageSizeKey('users'), '50');
    const { api } = renderUsers(reply(200, page([grace])));

    await screen.findByText('grace@example.org');
    expect(api.queriesTo('GET /api/users')[0]?.pageSize).toBe('50');
  });

  it('offers to clear the filters when nothing matches', async () => {
    const { router, user } = renderUsers(
      [reply(200, page([])), reply(200, page([grace]))],
      '/admin/users?search=zzz',
    );

    expect(await screen.findByText('Nothing matches these filters')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));

    expect(await screen.findByText('grace@example.org')).toBeVisible();
    expect(router.state.location.search).toBe('');
    expect(screen.getByRole('searchbox', { name: 'Search' })).toHaveValue('');
  });

  it('says so when the tenant has no users', async () => {
    renderUsers(reply(200, page([])));

    expect(await screen.findByText('No users yet')).toBeVisible();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('offers the first page when the page is past the end', async () => {
    const { router, user } = renderUsers(
      [reply(200, page([], 3, 9)), reply(200, page([grace]))],
      '/admin/users?page=9',
    );

    expect(await screen.findByText('There is nothing on page 9')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Go to the first page' }));

    expect(await screen.findByText('grace@example.org')).toBeVisible();
    expect(router.state.location.search).toBe('');
  });

  it('shows a loader, then a failure with its request id and a retry', async () => {
    const { user } = renderUsers([
      errorReply(503, 'unavailable', 'Try again shortly'),
      reply(200, page([grace])),
    ]);

    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The users could not be loaded');
    expect(alert).toHaveTextContent('Try again shortly');
    expect(alert).toHaveTextContent('Request ID: req-test');
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));

    expect(await screen.findByText('grace@example.org')).toBeVisible();
  });
});
