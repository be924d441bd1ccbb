import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { formatDateTime } from '../format/dates';
import { auditFixture, meAs, page, siteAdminMe } from '../test/adminFixtures';
import { riverside } from '../test/fixtures';
import { errorReply, mockApi, reply, type MockReply } from '../test/http';
import { renderApp } from '../test/render';
import type { Me } from '../session/types';

const roleChange = auditFixture();
const signInFailure = auditFixture({
  id: 'a-2',
  actorType: 'system',
  actorEmail: null,
  actorRole: null,
  action: 'core.auth.sign_in_failed',
  targetType: 'user',
  targetId: 'u-9',
  targetLabel: null,
  outcome: 'denied',
  changes: null,
  meta: { attempts: 5 },
  tenantId: 'other-tenant',
  tenantName: null,
  userAgent: null,
});

function renderAudit(
  log: MockReply | MockReply[],
  path = '/admin/audit',
  me: Me = meAs('tenant_admin'),
) {
  const api = mockApi({ 'GET /api/me': reply(200, me), 'GET /api/audit': log });
  return { api, ...renderApp(path), user: userEvent.setup() };
}

function rowOf(text: string) {
  const row = within(screen.getByRole('table', { name: 'Audit log' }))
    .getByText(text)
    .closest('tr');
  if (!row) throw new Error(`no row with ${text}`);
  return within(row);
}

describe('AuditPage', () => {
  it('lists entries newest first with actor, action, target and outcome', async () => {
    const { api } = renderAudit(reply(200, page([roleChange, signInFailure])));

    expect(await screen.findByText('core.user.role_changed')).toBeVisible();
    const first = rowOf('core.user.role_changed');
    expect(first.getByText('ada@example.org')).toBeVisible();
    expect(first.getByText('grace@example.org')).toBeVisible();
    expect(first.getByText('Success')).toBeVisible();
    expect(first.getByText(formatDateTime(roleChange.occurredAt))).toBeVisible();
    const second = rowOf('core.auth.sign_in_failed');
    expect(second.getByText('System')).toBeVisible();
    expect(second.getByText('user u-9')).toBeVisible();
    expect(second.getByText('Denied')).toBeVisible();
    expect(screen.queryByRole('columnheader', { name: 'Tenant' })).not.toBeInTheDocument();
    expect(api.queriesTo('GET /api/audit')).toEqual([{ page: '1', pageSize: '25' }]);
    expect(document.title).toBe('Audit log · EduLedger');
  });

  it('filters by actor, action, target, outcome and days, in the URL and the export link', async () => {
    const { api, router, user } = renderAudit(
      reply(200, page([roleChange], 80)),
      '/admin/audit?page=3',
    );
    await screen.findByText('core.user.role_changed');

    await user.type(screen.getByRole('searchbox', { name: 'Actor' }), 'ada{Enter}');
    await user.type(screen.getByRole('searchbox', { name: /^Action/ }), 'core.user{Enter}');
    await user.type(screen.getByRole('searchbox', { name: 'Target' }), 'grace{Enter}');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Outcome' }), 'denied');
    await user.type(screen.getByLabelText('From'), '2025-03-01');
    await user.type(screen.getByLabelText('To'), '2025-03-05');

    expect(router.state.location.search).toBe(
      '?actor=ada&action=core.user&target=grace&outcome=denied&from=2025-03-01&to=2025-03-05',
    );
    const from = new Date(2025, 2, 1).toISOString();
    const to = new Date(2025, 2, 5, 23, 59, 59, 999).toISOString();
    await waitFor(() =>
      expect(api.queriesTo('GET /api/audit').at(-1)).toEqual({
        actor: 'ada',
        action: 'core.user',
        target: 'grace',
        outcome: 'denied',
        from,
        to,
        page: '1',
        pageSize: '25',
      }),
    );
    const exportLink = screen.getByRole('link', { name: 'Export CSV' });
    expect(exportLink).toHaveAttribute('download');
    const exported = new URL(exportLink.getAttribute('href') ?? '', 'http://localhost');
    expect(exported.pathname).toBe('/api/audit/export.csv');
    expect(Object.fromEntries(exported.searchParams)).toEqual({
      actor: 'ada',
      action: 'core.user',
      target: 'grace',
      outcome: 'denied',
      from,
      to,
    });
  });

  it('flags a date range that ends before it starts', async () => {
    renderAudit(reply(200, page([])), '/admin/audit?from=2025-03-05&to=2025-03-01');

    expect(await screen.findByText('The end is before the start.')).toBeVisible();
  });

  it('exports everything without filters', async () => {
    renderAudit(reply(200, page([roleChange])));

    expect(await screen.findByRole('link', { name: 'Export CSV' })).toHaveAttribute(
      'href',
      '/api/audit/export.csv',
    );
  });

  it('shows the changes and details of an entry in a drawer', async () => {
    const { user } = renderAudit(reply(200, page([roleChange, signInFailure])));
    await screen.findByText('core.user.role_changed');

    await user.click(rowOf('core.user.role_changed').getByRole('button', { name: /^Details of/ }));

    const drawer = within(await screen.findByRole('dialog', { name: 'core.user.role_changed' }));
    const changes = drawer.getByRole('table', { name: 'Changes' });
    expect(
      within(changes)
        .getAllByRole('row')
        .map((row) => row.textContent),
    ).toEqual(['FieldBeforeAfter', 'rolestafftenant_admin']);
    expect(drawer.getByText('req-77')).toBeVisible();
    expect(drawer.getByText('203.0.113.9')).toBeVisible();
    expect(drawer.getByText('Firefox on Windows')).toBeVisible();
    expect(drawer.getByText('No further details were recorded.')).toBeVisible();
    await user.click(drawer.getByRole('button', { name: 'Close details' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());

    await user.click(
      rowOf('core.auth.sign_in_failed').getByRole('button', { name: /^Details of/ }),
    );
    const second = within(await screen.findByRole('dialog', { name: 'core.auth.sign_in_failed' }));
    expect(second.getByText('No field changes were recorded.')).toBeVisible();
    expect(second.getByText(/"attempts": 5/)).toBeVisible();
  });

  it('shows the tenant of each entry to a site admin, named by the server', async () => {
    const elsewhere = auditFixture({
      id: 'a-4',
      action: 'core.tenant.update',
      tenantId: 't-far',
      tenantName: 'Far Away College',
    });
    const { user } = renderAudit(
      reply(
        200,
        page([
          roleChange,
          signInFailure,
          elsewhere,
          auditFixture({
            id: 'a-3',
            action: 'core.tenant.create',
            tenantId: null,
            tenantName: null,
          }),
        ]),
      ),
      '/admin/audit',
      siteAdminMe(),
    );

    await screen.findByText('core.auth.sign_in_failed');
    expect(screen.getByRole('columnheader', { name: 'Tenant' })).toBeVisible();
    expect(rowOf('core.user.role_changed').getByText(riverside.name)).toBeVisible();
    expect(rowOf('core.tenant.update').getByText('Far Away College')).toBeVisible();
    expect(rowOf('core.tenant.create').getByText('Platform')).toBeVisible();
    expect(rowOf('core.auth.sign_in_failed').getByText('other-tenant')).toBeVisible();
    await user.click(rowOf('core.tenant.update').getByRole('button', { name: /^Details of/ }));
    const details = within(await screen.findByRole('dialog', { name: 'core.tenant.update' }));
    expect(details.getByText('Far Away College')).toBeVisible();
    expect(screen.getByText(/in all tenants/)).toBeVisible();
  });

  it('pages through the log', async () => {
    const { api, user } = renderAudit(reply(200, page([roleChange], 30)));
    await screen.findByText('core.user.role_changed');

    await user.click(screen.getByRole('button', { name: 'Page 2' }));

    await waitFor(() => expect(api.queriesTo('GET /api/audit').at(-1)?.page).toBe('2'));
  });

  it('has empty states for an empty log and for filters that match nothing', async () => {
    renderAudit(reply(200, page([])));
    expect(await screen.findByText('Nothing recorded yet')).toBeVisible();
  });

  it('offers to clear filters that match nothing', async () => {
    const { router, user } = renderAudit(
      [reply(200, page([])), reply(200, page([roleChange]))],
      '/admin/audit?outcome=failed',
    );

    await user.click(await screen.findByRole('button', { name: 'Clear filters' }));

    expect(await screen.findByText('core.user.role_changed')).toBeVisible();
    expect(router.state.location.search).toBe('');
  });

  it('offers the first page when the page is past the end', async () => {
    const { user } = renderAudit(
      [reply(200, page([], 5, 4)), reply(200, page([roleChange]))],
      '/admin/audit?page=4',
    );

    await user.click(await screen.findByRole('button', { name: 'Go to the first page' }));

    expect(await screen.findByText('core.user.role_changed')).toBeVisible();
  });

  it('shows a failure with its request id and a retry', async () => {
    const { user } = renderAudit([
      errorReply(500, 'internal_error', 'Log unavailable'),
      reply(200, page([roleChange])),
    ]);

    expect(await screen.findByText('Loading the audit log…')).toBeVisible();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Log unavailable');
    expect(alert).toHaveTextContent('Request ID: req-test');
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('core.user.role_changed')).toBeVisible();
  });
});
