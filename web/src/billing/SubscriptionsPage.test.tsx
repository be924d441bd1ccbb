import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { meAs, siteAdminMe } from '../test/adminFixtures';
import { errorReply, mockApi, reply } from '../test/http';
import { renderApp } from '../test/render';
import { freePlan, plans, platformFixture, tenantInvoiceFixture } from './fixtures';

type Routes = Parameters<typeof mockApi>[0];

const tenantList = reply(200, {
  items: [
    {
      id: 't-north',
      slug: 'north',
      name: 'North College',
      modules: ['outcomes'],
      isActive: true,
      createdAt: '2025-01-01T00:00:00.000Z',
      members: 4,
    },
    {
      id: 't-east',
      slug: 'east',
      name: 'East College',
      modules: ['outcomes'],
      isActive: true,
      createdAt: '2025-01-01T00:00:00.000Z',
      members: 1,
    },
  ],
  modules: ['engagement', 'outcomes'],
});

async function renderSubscriptions(routes: Routes = {}) {
  const api = mockApi({
    'GET /api/me': reply(200, siteAdminMe()),
    'GET /api/admin/billing': reply(200, platformFixture()),
    'GET /api/admin/billing/invoices': reply(200, {
      items: [
        tenantInvoiceFixture(),
        tenantInvoiceFixture({
          id: 'inv-9',
          number: 'WEST-0001',
          tenantName: 'West Academy',
          currency: 'EUR',
          dueOn: '2025-04-01',
          totalCents: 19900,
        }),
      ],
    }),
    'GET /api/admin/billing/plans': reply(200, { items: [freePlan, ...plans] }),
    'GET /api/admin/tenants': tenantList,
    ...routes,
  });
  const view = renderApp('/admin/subscriptions');
  await screen.findByRole('heading', { level: 1, name: 'Subscriptions' });
  return { api, ...view, user: userEvent.setup() };
}

const rowOf = (table: HTMLElement, text: string) =>
  within(within(table).getByText(text).closest('tr') as HTMLElement);

describe('SubscriptionsPage', () => {
  it('shows MRR per currency, every subscription and the past-due list', async () => {
    await renderSubscriptions();

    expect(document.title).toBe('Subscriptions · EduLedger');
    expect(await screen.findByText('MRR (USD)')).toBeVisible();
    expect(screen.getByText('€199.00', { selector: 'p' })).toBeVisible();
    const subscriptions = screen.getByRole('table', { name: 'Subscriptions' });
    const north = rowOf(subscriptions, 'North College');
    expect(north.getByText('Past due')).toBeVisible();
    const west = rowOf(subscriptions, 'West Academy');
    expect(west.getByText('Trial')).toBeVisible();
    expect(west.getByText('Institution (not chosen)')).toBeVisible();
    expect(west.getByText('Apr 2, 2025')).toBeVisible();
    const pastDue = screen.getByRole('table', { name: 'Past-due invoices' });
    expect(rowOf(pastDue, 'NORTH-0001').getByText('4 days overdue')).toBeVisible();
    const open = await screen.findByRole('table', { name: 'Open invoices' });
    expect(rowOf(open, 'WEST-0001').getByText('€199.00')).toBeVisible();
  });

  it('marks an invoice paid with a note, and says what became of the tenant', async () => {
    const { api, user } = await renderSubscriptions({
      'POST /api/admin/billing/invoices/inv-1/mark-paid': reply(200, {
        invoice: { ...tenantInvoiceFixture(), status: 'paid', paidCents: 5800 },
        subscriptionStatus: 'active',
      }),
    });

    const pastDue = await screen.findByRole('table', { name: 'Past-due invoices' });
    await user.click(pastDue.querySelector('button') as HTMLElement);
    const dialog = await screen.findByRole('dialog', { name: 'Mark invoice NORTH-0001 paid?' });
    expect(
      within(dialog).getByText(/Records a payment of \$58.00 from North College/),
    ).toBeVisible();
    await user.type(within(dialog).getByLabelText('Note (optional)'), 'Check 1042');
    await user.click(within(dialog).getByRole('button', { name: 'Mark paid' }));

    expect(await screen.findByText('Invoice NORTH-0001 marked paid')).toBeVisible();
    expect(screen.getByText('North College is now active.')).toBeVisible();
    expect(api.callsTo('POST /api/admin/billing/invoices/inv-1/mark-paid')).toEqual([
      {
        method: 'POST',
        path: '/api/admin/billing/invoices/inv-1/mark-paid',
        body: { note: 'Check 1042' },
      },
    ]);
    await waitFor(() => expect(api.callsTo('GET /api/admin/billing')).toHaveLength(2));
  });

  it('shows why an invoice could not be marked paid', async () => {
    const { user } = await renderSubscriptions({
      'POST /api/admin/billing/invoices/inv-1/mark-paid': errorReply(
        409,
        'conflict',
        'Invoice NORTH-0001 is already paid',
      ),
    });

    const open = await screen.findByRole('table', { name: 'Open invoices' });
    await user.click(within(open).getByRole('button', { name: 'Mark invoice NORTH-0001 paid' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Mark paid' }));

    expect(await within(dialog).findByText('Invoice NORTH-0001 is already paid')).toBeVisible();
  });

  it('puts a tenant on a trial with a plan and a currency', async () => {
    const { api, user } = await renderSubscriptions({
      'POST /api/admin/billing/tenants/t-east/trial': reply(200, {
        status: 'trialing',
        trialEndsOn: '2025-04-18',
      }),
    });

    await user.click(await screen.findByRole('button', { name: 'Start a trial' }));
    const form = await screen.findByRole('form', { name: 'Start a trial' });
    await user.click(within(form).getByRole('button', { name: 'Start trial' }));
    expect(await within(form).findByText('Choose a tenant.')).toBeVisible();
    expect(api.callsTo('POST /api/admin/billing/tenants/t-east/trial')).toEqual([]);

    await user.selectOptions(within(form).getByLabelText('Tenant'), 't-east');
    await user.selectOptions(within(form).getByLabelText(/^Plan/), 'program');
    const currency = within(form).getByLabelText(/^Currency/);
    await user.clear(currency);
    await user.type(currency, 'eur');
    await user.click(within(form).getByRole('button', { name: 'Start trial' }));

    expect(await screen.findByText('East College is on a trial')).toBeVisible();
    expect(screen.getByText('It ends on Apr 18, 2025.')).toBeVisible();
    expect(api.callsTo('POST /api/admin/billing/tenants/t-east/trial')).toEqual([
      {
        method: 'POST',
        path: '/api/admin/billing/tenants/t-east/trial',
        body: { plan: 'program', currency: 'EUR' },
      },
    ]);
  });

  it('cancels a subscription after confirmation', async () => {
    const { api, user } = await renderSubscriptions({
      'POST /api/admin/billing/tenants/t-north/cancel': reply(200, { status: 'cancelled' }),
    });

    await user.click(await screen.findByRole('button', { name: 'Actions for North College' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Cancel subscription' }));
    const dialog = await screen.findByRole('dialog', {
      name: 'Cancel the subscription of North College?',
    });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel subscription' }));

    expect(await screen.findByText('North College: subscription cancelled')).toBeVisible();
    expect(api.callsTo('POST /api/admin/billing/tenants/t-north/cancel')).toHaveLength(1);
  });

  it('links the finance export for the chosen days, and refuses a backwards range', async () => {
    const { user } = await renderSubscriptions();

    const from = await screen.findByLabelText('From');
    expect(from).toHaveValue('2025-02-01');
    expect(screen.getByLabelText('To')).toHaveValue('2025-02-28');
    expect(screen.getByRole('link', { name: 'Invoices (CSV)' })).toHaveAttribute(
      'href',
      '/api/admin/billing/export/invoices.csv?from=2025-02-01&to=2025-02-28',
    );
    expect(screen.getByRole('link', { name: 'Payments (CSV)' })).toHaveAttribute(
      'href',
      '/api/admin/billing/export/payments.csv?from=2025-02-01&to=2025-02-28',
    );
    expect(screen.getByRole('link', { name: 'Invoices and payments (JSON)' })).toHaveAttribute(
      'href',
      '/api/admin/billing/export.json?from=2025-02-01&to=2025-02-28',
    );

    await user.clear(from);
    await user.type(from, '2025-03-05');
    expect(await screen.findByText('The range ends before it starts.')).toBeVisible();
    expect(screen.queryByRole('link', { name: 'Invoices (CSV)' })).not.toBeInTheDocument();
  });

  it('edits a plan’s prices in cents', async () => {
    const { api, user } = await renderSubscriptions({
      'PATCH /api/admin/billing/plans/program': reply(200, {
        ...plans[0],
        coursePriceCents: 350,
        updatedAt: '2025-03-19T10:00:00.000Z',
      }),
    });

    const price = await screen.findByLabelText('Program price per billable course');
    const save = screen.getByRole('button', { name: 'Save Program' });
    expect(save).toBeDisabled();
    await user.clear(price);
    await user.type(price, '3.5x');
    expect(await screen.findByText('An amount such as 49 or 49.00')).toBeVisible();
    expect(save).toBeDisabled();
    await user.clear(price);
    await user.type(price, '3.50');
    await user.click(save);

    expect(await screen.findByText('Program prices saved')).toBeVisible();
    expect(api.callsTo('PATCH /api/admin/billing/plans/program')).toEqual([
      {
        method: 'PATCH',
        path: '/api/admin/billing/plans/program',
        body: { basePriceCents: 4900, coursePriceCents: 350, selfServe: true },
      },
    ]);
  });

  it('says when there is nothing to show yet', async () => {
    await renderSubscriptions({
      'GET /api/admin/billing': reply(
        200,
        platformFixture({ mrr: [], subscriptions: [], pastDue: [] }),
      ),
      'GET /api/admin/billing/invoices': reply(200, { items: [] }),
    });

    expect(await screen.findByText('No subscriptions yet')).toBeVisible();
    expect(screen.getByText('Nothing is past due')).toBeVisible();
    expect(await screen.findByText('No open invoices')).toBeVisible();
    expect(screen.getByText('None yet')).toBeVisible();
  });

  it('is refused to a tenant admin', async () => {
    const api = mockApi({ 'GET /api/me': reply(200, meAs('tenant_admin', ['outcomes'])) });
    renderApp('/admin/subscriptions');

    expect(
      await screen.findByRole('heading', { name: 'You do not have access to this page' }),
    ).toBeVisible();
    expect(api.callsTo('GET /api/admin/billing')).toEqual([]);
  });
});
