import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { meAs } from '../test/adminFixtures';
import { errorReply, mockApi, never, reply } from '../test/http';
import { renderApp } from '../test/render';
import { invoiceFixture, overviewFixture, subscriptionFixture, usageFixture } from './fixtures';
import type { BillingOverview } from './types';

type Routes = Parameters<typeof mockApi>[0];

const invoicePage = (items = [invoiceFixture()]) =>
  reply(200, { items, total: items.length, page: 1, pageSize: 25 });

async function renderBilling(
  overview: Routes[string] = reply(200, overviewFixture()),
  routes: Routes = {},
) {
  const api = mockApi({
    'GET /api/me': reply(200, meAs('tenant_admin', ['outcomes'])),
    'GET /api/billing': overview,
    'GET /api/billing/usage': reply(200, usageFixture),
    'GET /api/billing/invoices': invoicePage(),
    ...routes,
  });
  const view = renderApp('/admin/billing');
  await screen.findByRole('heading', { level: 1, name: 'Billing' });
  return { api, ...view, user: userEvent.setup() };
}

describe('BillingPage', () => {
  it('shows the plan, the trial days left, the estimate and the payment method', async () => {
    await renderBilling();

    expect(document.title).toBe('Billing · EduLedger');
    expect(await screen.findByText('Trial: 12 days left')).toBeVisible();
    expect(screen.getByText(/Choose a plan before then to keep editing/)).toBeVisible();
    expect(screen.getByText('Institution (not chosen yet)')).toBeVisible();
    expect(screen.getByText('$205.00')).toBeVisible();
    expect(screen.getByText('at 3 billable courses')).toBeVisible();
    expect(screen.getByText('Invoice, paid by bank transfer or check')).toBeVisible();
  });

  it('shows usage as a table on request, newest day first', async () => {
    const { api, user } = await renderBilling();

    await user.click(await screen.findByRole('radio', { name: 'Table' }));
    const table = await screen.findByRole('table', { name: 'Usage per day' });
    const cells = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) =>
        within(row)
          .getAllByRole('cell')
          .map((cell) => cell.textContent),
      );
    expect(cells).toEqual([
      ['Mar 19, 2025', '3', '7'],
      ['Mar 18, 2025', '3', '6'],
      ['Mar 17, 2025', '2', '5'],
    ]);

    await user.selectOptions(screen.getByLabelText('Period'), '365');
    await waitFor(() =>
      expect(api.queriesTo('GET /api/billing/usage')).toContainEqual({ days: '365' }),
    );
  });

  it('counts usage now while the tenant is editable', async () => {
    const { api, user } = await renderBilling(reply(200, overviewFixture()), {
      'POST /api/billing/usage/refresh': reply(200, {
        ...usageFixture.items[2],
        tenantId: 't-1',
      }),
    });

    await user.click(await screen.findByRole('button', { name: 'Count now' }));

    expect(await screen.findByText('Usage counted')).toBeVisible();
    expect(api.callsTo('POST /api/billing/usage/refresh')).toHaveLength(1);
  });

  it('lists invoices with their print view, CSV and how to pay', async () => {
    const { api, user } = await renderBilling(reply(200, overviewFixture()), {
      'GET /api/billing/invoices': invoicePage([
        invoiceFixture(),
        invoiceFixture({ id: 'inv-0', number: 'NORTH-0000', status: 'paid', paidCents: 5800 }),
      ]),
      'POST /api/billing/invoices/inv-1/pay': reply(200, {
        kind: 'instructions',
        text: 'Pay $58.00 by bank transfer or check, quoting invoice NORTH-0001.',
      }),
    });

    const table = await screen.findByRole('table', { name: 'Invoices' });
    const open = within(table).getByText('NORTH-0001').closest('tr') as HTMLElement;
    expect(within(open).getByText('Overdue')).toBeVisible();
    expect(within(open).getByText('$58.00')).toBeVisible();
    expect(
      within(open).getByRole('link', { name: 'Print view of invoice NORTH-0001' }),
    ).toHaveAttribute('href', '/api/billing/invoices/inv-1/print');
    expect(within(open).getByRole('link', { name: 'CSV of invoice NORTH-0001' })).toHaveAttribute(
      'href',
      '/api/billing/invoices/inv-1/csv',
    );
    const paid = within(table).getByText('NORTH-0000').closest('tr') as HTMLElement;
    expect(within(paid).getByText('Paid')).toBeVisible();
    expect(within(paid).queryByRole('button', { name: 'Pay' })).not.toBeInTheDocument();

    await user.click(within(open).getByRole('button', { name: 'Pay' }));
    const dialog = await screen.findByRole('dialog', { name: 'Pay invoice NORTH-0001' });
    expect(await within(dialog).findByText(/quoting invoice NORTH-0001/)).toBeVisible();
    expect(api.callsTo('POST /api/billing/invoices/inv-1/pay')).toHaveLength(1);
  });

  it('explains a read-only workspace, hides writes, and restores access by choosing a plan', async () => {
    const readOnly = subscriptionFixture({
      status: 'read_only',
      statusReason: 'trial_ended',
      trialDaysLeft: null,
    });
    const afterChoice: BillingOverview = overviewFixture({
      ...readOnly,
      plan: overviewFixture().plans[0] as BillingOverview['plans'][number],
      planChosen: true,
      openInvoices: 1,
    });
    const { api, user } = await renderBilling(
      [reply(200, overviewFixture(readOnly)), reply(200, afterChoice)],
      {
        'GET /api/billing/invoices': invoicePage([]),
        'PUT /api/billing/plan': reply(200, afterChoice),
      },
    );

    const alert = await screen.findByText('This workspace is read-only');
    expect(alert).toBeVisible();
    expect(screen.getByText(/The trial ended before a plan was chosen/)).toBeVisible();
    expect(screen.getByText('Read-only')).toBeVisible();
    expect(await screen.findByText('No invoices yet')).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Count now' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('radio', { name: /Program/ }));
    await user.click(screen.getByRole('button', { name: 'Choose this plan' }));
    const dialog = await screen.findByRole('dialog', { name: 'Choose the Program plan?' });
    expect(within(dialog).getByText(/Its first month is invoiced today/)).toBeVisible();
    await user.click(within(dialog).getByRole('button', { name: 'Choose plan' }));

    await waitFor(() =>
      expect(api.callsTo('PUT /api/billing/plan')).toEqual([
        { method: 'PUT', path: '/api/billing/plan', body: { plan: 'program' } },
      ]),
    );
    expect(await screen.findByText('Program plan chosen')).toBeVisible();
    expect(await screen.findByText(/Pay the open invoice below/)).toBeVisible();
  });

  it('shows the refusal of a plan change in the dialog', async () => {
    const { user } = await renderBilling(reply(200, overviewFixture()), {
      'PUT /api/billing/plan': errorReply(400, 'validation_failed', 'This plan cannot be chosen'),
    });

    await user.click(await screen.findByRole('button', { name: 'Choose this plan' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Choose plan' }));

    expect(await within(dialog).findByText('This plan cannot be chosen')).toBeVisible();
  });

  it('says when the tenant has no subscription', async () => {
    await renderBilling(reply(200, overviewFixture(null)));

    expect(await screen.findByText('No subscription yet')).toBeVisible();
    expect(screen.queryByRole('table', { name: 'Invoices' })).not.toBeInTheDocument();
  });

  it('shows a loading state', async () => {
    await renderBilling(never);
    expect(screen.getByRole('status')).toHaveTextContent('Loading billing…');
  });

  it('retries after a failure to load', async () => {
    const { user } = await renderBilling([
      errorReply(500, 'internal_error', 'Database down'),
      reply(200, overviewFixture()),
    ]);

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Billing could not be loaded');
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('Trial: 12 days left')).toBeVisible();
  });

  it('is refused to roles other than tenant admins', async () => {
    const api = mockApi({ 'GET /api/me': reply(200, meAs('program_admin', ['outcomes'])) });
    renderApp('/admin/billing');

    expect(
      await screen.findByRole('heading', { name: 'You do not have access to this page' }),
    ).toBeVisible();
    expect(api.callsTo('GET /api/billing')).toEqual([]);
  });
});
