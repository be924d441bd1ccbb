import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBilling } from '../../src/core/billing/run.js';
import { createUser } from '../../src/core/users/service.js';
import { modules } from '../../src/modules/registry.js';
import { createTestApp, TEST_BASE_URL, type TestApp } from '../support/app.js';
import {
  billingAudit,
  billingEmails,
  first,
  inDays,
  outcomesFixture,
  testBillingDeps,
  today,
} from '../support/billing.js';
import { testDatabaseKinds } from '../support/databases.js';
import { PASSWORD, rows, signIn } from '../support/identity.js';
import { apiAs, seedInstitution, seedMember } from '../support/outcomes.js';

type Api = ReturnType<typeof apiAs>;

describe.each(testDatabaseKinds())('billing API on %s', (kind) => {
  let t: TestApp;
  const tenants: Record<string, string> = {};
  const as: Record<string, Api> = {};
  const cookies: Record<string, string> = {};
  const tenant = (slug: string) => tenants[slug] ?? '';
  const api = (who: string): Api => {
    const found = as[who];
    if (!found) throw new Error(`nobody signed in as ${who}`);
    return found;
  };
  /** A raw GET (HTML and CSV answers). */
  const download = (who: string, url: string) =>
    t.app.inject({
      method: 'GET',
      url,
      headers: { cookie: cookies[who] ?? '', origin: TEST_BASE_URL },
    });
  const run = (day: string, slugs?: string[]) =>
    runBilling(testBillingDeps(t.testDb.database), { day, tenantSlugs: slugs });
  const status = async (slug: string) =>
    first(
      await rows<{ status: string; status_reason: string | null }>(
        t.testDb.database,
        sql`select status, status_reason from billing_subscriptions where tenant_id = ${tenant(slug)}`,
      ),
    );

  beforeAll(async () => {
    t = await createTestApp(kind, { modules: () => [...modules] });
    const { database } = t.testDb;
    for (const slug of ['college', 'academy', 'quiet']) {
      tenants[slug] = (await seedInstitution(database, slug)).id;
    }
    const people: [string, string, 'tenant_admin' | 'program_admin' | 'instructor' | 'staff'][] = [
      ['admin', 'college', 'tenant_admin'],
      ['pa', 'college', 'program_admin'],
      ['teacher', 'college', 'instructor'],
      ['staff', 'college', 'staff'],
      ['academy-admin', 'academy', 'tenant_admin'],
    ];
    for (const [who, slug, role] of people) {
      await seedMember(database, `${who}@${slug}.example.edu`, slug, role);
    }
    await createUser(database.db, {
      email: 'root@platform.example.com',
      password: PASSWORD,
      name: 'Root',
      siteAdmin: true,
    });
    for (const [who, email] of [
      ...people.map(([w, slug]) => [w, `${w}@${slug}.example.edu`] as const),
      ['root', 'root@platform.example.com'] as const,
    ]) {
      cookies[who] = (await signIn(t.app, email)).cookie;
      as[who] = apiAs(t.app, cookies[who] ?? '');
    }
    // Three billable courses at the college today.
    const college = outcomesFixture(database, tenant('college'));
    const term = await college.term('NOW', inDays(-5), inDays(100));
    for (const n of ['ENG-101', 'ENG-102', 'BIO-110L']) {
      await college.section(await college.course(n), term);
    }
  }, 120_000);
  afterAll(() => t?.dispose());

  it('a trial ends read-only, a payment brings full access back, with every email and audit record', async () => {
    const trial = await api('root')(
      'POST',
      `/api/admin/billing/tenants/${tenant('college')}/trial`,
    );
    expect(trial).toEqual({ status: 200, body: { status: 'trialing', trialEndsOn: inDays(30) } });

    const page = await api('admin')('GET', '/api/billing');
    expect(page.status).toBe(200);
    expect(page.body.subscription).toMatchObject({
      status: 'trialing',
      trialDaysLeft: 30,
      planChosen: false,
      plan: { code: 'institution' },
      paymentMethod: { provider: 'manual', recordsByHand: true },
    });
    // Tenant admins are offered the self-serve plans only.
    expect(page.body.plans.map((p: { code: string }) => p.code)).toEqual([
      'program',
      'institution',
    ]);

    // Notices on days 14, 21 and 28 — each once, whatever the number of runs.
    for (let day = 0; day < 30; day++) await run(inDays(day), ['college']);
    await run(inDays(28), ['college']);
    const trialMails = (await billingEmails(t.testDb.database, tenant('college'))).filter(
      (e) => e.template === 'billing-trial-ending',
    );
    expect(trialMails.map((e) => [e.to, e.subject])).toEqual([
      ['admin@college.example.edu', 'Institution college: your EduLedger trial ends in 16 days'],
      ['admin@college.example.edu', 'Institution college: your EduLedger trial ends in 9 days'],
      ['admin@college.example.edu', 'Institution college: your EduLedger trial ends in 2 days'],
    ]);
    expect(await status('college')).toEqual({ status: 'trialing', status_reason: 'trial_started' });

    // Day 30: no plan was chosen, so the tenant becomes read-only and its admins are told.
    const end = await run(inDays(30), ['college']);
    expect(end.tenants[0]?.transitions).toEqual([
      { from: 'trialing', to: 'read_only', reason: 'trial_ended' },
    ]);
    const readOnlyMails = (await billingEmails(t.testDb.database, tenant('college'))).filter(
      (e) => e.template === 'billing-read-only',
    );
    expect(readOnlyMails).toEqual([
      expect.objectContaining({
        to: 'admin@college.example.edu',
        subject: 'Institution college is now read-only',
        text: expect.stringContaining(`${TEST_BASE_URL}/admin/billing`),
      }),
    ]);

    // Read-only: reads and exports work, writes answer 402 with the way out.
    expect((await api('admin')('GET', '/api/billing/invoices')).status).toBe(200);
    const refused = await api('admin')('POST', '/api/billing/usage/refresh');
    expect(refused.status).toBe(402);
    expect(refused.body.error).toMatchObject({
      code: 'tenant_read_only',
      message: expect.stringMatching(/read-only because its trial has ended.*\/admin\/billing/),
      details: [{ path: 'billing', message: '/admin/billing' }],
    });

    // Choosing a plan is allowed: it issues the invoice whose payment restores access.
    const chosen = await api('admin')('PUT', '/api/billing/plan', { plan: 'program' });
    expect(chosen.status).toBe(200);
    expect(chosen.body.subscription).toMatchObject({
      status: 'read_only',
      plan: { code: 'program' },
      openInvoices: 1,
    });
    const invoices = await api('admin')('GET', '/api/billing/invoices');
    expect(invoices.body.items).toEqual([
      expect.objectContaining({
        number: 'COLLEGE-0001',
        status: 'open',
        totalCents: 4900 + 3 * 300,
        periodStart: today(),
        paidCents: 0,
      }),
    ]);
    const invoiceId = invoices.body.items[0].id as string;
    const howToPay = await api('admin')('POST', `/api/billing/invoices/${invoiceId}/pay`);
    expect(howToPay.body).toEqual({
      kind: 'instructions',
      text: expect.stringContaining('$58.00'),
    });

    // The site admin records the payment: active again.
    const paid = await api('root')('POST', `/api/admin/billing/invoices/${invoiceId}/mark-paid`, {
      note: 'Check 1042',
    });
    expect(paid.status).toBe(200);
    expect(paid.body).toMatchObject({
      invoice: { status: 'paid', paidCents: 5800 },
      subscriptionStatus: 'active',
    });
    expect(await status('college')).toEqual({
      status: 'active',
      status_reason: 'payment_received',
    });
    expect((await api('admin')('POST', '/api/billing/usage/refresh')).status).toBe(200);
    const again = await api('root')('POST', `/api/admin/billing/invoices/${invoiceId}/mark-paid`);
    expect(again.status).toBe(409);

    const audit = await billingAudit(t.testDb.database, tenant('college'));
    const actions = audit.map((a) => a.action).sort();
    expect(actions).toEqual(
      [
        'core.invoice.issued',
        'core.payment.recorded',
        'core.subscription.plan_changed',
        'core.subscription.status_changed',
        'core.subscription.status_changed',
        'core.subscription.trial_started',
      ].sort(),
    );
    const moves = audit
      .filter((a) => a.action === 'core.subscription.status_changed')
      .map((a) => ({ status: a.changes?.status, reason: a.meta?.reason, actor: a.actor_type }));
    expect(moves).toEqual(
      expect.arrayContaining([
        { status: ['trialing', 'read_only'], reason: 'trial_ended', actor: 'system' },
        { status: ['read_only', 'active'], reason: 'payment_received', actor: 'user' },
      ]),
    );
    const dueMail = (await billingEmails(t.testDb.database, tenant('college'))).filter(
      (e) => e.template === 'billing-payment-due',
    );
    expect(dueMail).toHaveLength(1);
  });

  it('a chosen plan keeps a trial active; an unpaid invoice goes past due, then read-only; payment reactivates', async () => {
    await api('root')('POST', `/api/admin/billing/tenants/${tenant('academy')}/trial`, {
      currency: 'EUR',
    });
    expect(
      (await api('academy-admin')('PUT', '/api/billing/plan', { plan: 'institution' })).status,
    ).toBe(200);
    const converted = await run(inDays(30), ['academy']);
    expect(converted.tenants[0]).toMatchObject({
      transitions: [{ from: 'trialing', to: 'active', reason: 'trial_converted' }],
      invoicesIssued: ['ACADEMY-0001'],
    });
    // No billable courses at the academy: the base price only, in its currency.
    const [invoice] = (await api('academy-admin')('GET', '/api/billing/invoices')).body.items;
    expect(invoice).toMatchObject({ totalCents: 19900, currency: 'EUR', dueOn: inDays(44) });

    await run(inDays(44), ['academy']);
    expect((await status('academy')).status).toBe('active');
    await run(inDays(45), ['academy']);
    expect(await status('academy')).toEqual({
      status: 'past_due',
      status_reason: 'invoice_overdue',
    });
    // Still editable while past due.
    expect((await api('academy-admin')('POST', '/api/billing/usage/refresh')).status).toBe(200);
    const pastDue = await api('root')('GET', '/api/admin/billing');
    expect(pastDue.body.pastDue).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ number: 'ACADEMY-0001', tenantSlug: 'academy' }),
      ]),
    );
    await run(inDays(58), ['academy']);
    expect((await status('academy')).status).toBe('past_due');
    await run(inDays(59), ['academy']);
    expect(await status('academy')).toEqual({
      status: 'read_only',
      status_reason: 'invoice_unpaid',
    });
    const refused = await api('academy-admin')('POST', '/api/billing/usage/refresh');
    expect(refused.body.error.message).toContain('an invoice is unpaid');

    const paid = await api('root')('POST', `/api/admin/billing/invoices/${invoice.id}/mark-paid`);
    expect(paid.body.subscriptionStatus).toBe('active');
    expect((await api('academy-admin')('POST', '/api/billing/usage/refresh')).status).toBe(200);
  });

  it('site admins cancel a subscription: read-only, nothing more invoiced', async () => {
    await api('root')('POST', `/api/admin/billing/tenants/${tenant('quiet')}/trial`);
    const cancelled = await api('root')(
      'POST',
      `/api/admin/billing/tenants/${tenant('quiet')}/cancel`,
    );
    expect(cancelled).toEqual({ status: 200, body: { status: 'cancelled' } });
    const twice = await api('root')('POST', `/api/admin/billing/tenants/${tenant('quiet')}/cancel`);
    expect(twice.status).toBe(409);
    const result = await run(inDays(40), ['quiet']);
    expect(result.invoicesIssued).toBe(0);
  });

  it('prints and downloads an invoice of the own tenant only', async () => {
    const [invoice] = (await api('admin')('GET', '/api/billing/invoices')).body.items;
    const html = await download('admin', `/api/billing/invoices/${invoice.id}/print`);
    expect(html.statusCode).toBe(200);
    expect(html.headers['content-type']).toContain('text/html');
    expect(html.body).toContain('Invoice COLLEGE-0001');
    expect(html.body).toContain('$58.00');
    const csv = await download('admin', `/api/billing/invoices/${invoice.id}/csv`);
    expect(csv.headers['content-disposition']).toContain('invoice-COLLEGE-0001.csv');
    expect(parse(csv.body, { columns: true })).toEqual([
      expect.objectContaining({ description: 'Program plan, monthly base', amount: '49.00' }),
      expect.objectContaining({
        description: 'Billable courses (Program plan)',
        quantity: '3',
        amount: '9.00',
      }),
      expect.objectContaining({ description: 'Total', amount: '58.00', currency: 'USD' }),
    ]);
    // Another tenant's invoice does not exist for this tenant.
    expect((await api('academy-admin')('GET', `/api/billing/invoices/${invoice.id}`)).status).toBe(
      404,
    );
    expect(
      (await download('academy-admin', `/api/billing/invoices/${invoice.id}/print`)).statusCode,
    ).toBe(404);
  });

  it('exports finance data whose totals equal the sum of the invoices and payments', async () => {
    const range = `from=${inDays(0)}&to=${inDays(90)}`;
    const json = await api('root')('GET', `/api/admin/billing/export.json?${range}`);
    expect(json.status).toBe(200);
    const invoices = json.body.invoices as {
      totalCents: number;
      currency: string;
      status: string;
    }[];
    expect(invoices.length).toBeGreaterThanOrEqual(2);
    const sum = (currency: string) =>
      invoices
        .filter((i) => i.currency === currency && i.status !== 'void')
        .reduce((n, i) => n + i.totalCents, 0);
    expect(json.body.totals.invoicedCents).toEqual({ USD: sum('USD'), EUR: sum('EUR') });
    const [db] = await rows<{ usd: number; eur: number }>(
      t.testDb.database,
      sql`select coalesce(sum(total_cents) filter (where currency = 'USD'), 0)::int as usd,
                 coalesce(sum(total_cents) filter (where currency = 'EUR'), 0)::int as eur
          from billing_invoices where status <> 'void'`,
    );
    expect(json.body.totals.invoicedCents).toEqual({ USD: db?.usd, EUR: db?.eur });
    const paidSum = (json.body.payments as { amountCents: number }[]).reduce(
      (n, p) => n + p.amountCents,
      0,
    );
    expect(
      Object.values(json.body.totals.paidCents as Record<string, number>).reduce(
        (a, b) => a + b,
        0,
      ),
    ).toBe(paidSum);

    const csv = await download('root', `/api/admin/billing/export/invoices.csv?${range}`);
    expect(csv.statusCode).toBe(200);
    const csvRows = parse(csv.body, { columns: true }) as {
      total_cents: string;
      currency: string;
    }[];
    expect(csvRows).toHaveLength(invoices.length);
    expect(
      csvRows.filter((r) => r.currency === 'USD').reduce((n, r) => n + Number(r.total_cents), 0),
    ).toBe(sum('USD'));
    const payments = await download('root', `/api/admin/billing/export/payments.csv?${range}`);
    expect(
      (parse(payments.body, { columns: true }) as { amount_cents: string }[]).reduce(
        (n, r) => n + Number(r.amount_cents),
        0,
      ),
    ).toBe(paidSum);

    const empty = await api('root')(
      'GET',
      `/api/admin/billing/export.json?from=2001-01-01&to=2001-12-31`,
    );
    expect(empty.body).toMatchObject({
      invoices: [],
      payments: [],
      totals: { invoicedCents: {}, paidCents: {} },
    });
    const backwards = await api('root')(
      'GET',
      `/api/admin/billing/export.json?from=${inDays(5)}&to=${inDays(0)}`,
    );
    expect(backwards.status).toBe(400);
  });

  it('lets site admins edit plan prices (audited), never tenant admins', async () => {
    const edited = await api('root')('PATCH', '/api/admin/billing/plans/program', {
      coursePriceCents: 350,
    });
    expect(edited.body).toMatchObject({ code: 'program', coursePriceCents: 350 });
    const [audit] = await rows<{ changes: Record<string, unknown> }>(
      t.testDb.database,
      sql`select changes from audit_log where action = 'core.plan.updated'`,
    );
    expect(audit?.changes).toEqual({ coursePriceCents: [300, 350] });
    expect(
      (await api('root')('PATCH', '/api/admin/billing/plans/program', { basePriceCents: -1 }))
        .status,
    ).toBe(400);
    expect(
      (await api('root')('PATCH', '/api/admin/billing/plans/nope', { basePriceCents: 1 })).status,
    ).toBe(404);
    await api('root')('PATCH', '/api/admin/billing/plans/program', { coursePriceCents: 300 });
  });

  describe('every billing route: allowed and denied', () => {
    const invoiceId = async () =>
      first(
        await rows<{ id: string }>(
          t.testDb.database,
          sql`select id from billing_invoices where number = 'COLLEGE-0001'`,
        ),
      ).id;

    type Method = 'GET' | 'POST' | 'PUT' | 'PATCH';
    const tenantRoutes = async (): Promise<[Method, string, object?][]> => {
      const id = await invoiceId();
      return [
        ['GET', '/api/billing'],
        ['PUT', '/api/billing/plan', { plan: 'program' }],
        ['GET', '/api/billing/usage'],
        ['POST', '/api/billing/usage/refresh'],
        ['GET', '/api/billing/invoices'],
        ['GET', `/api/billing/invoices/${id}`],
        ['GET', `/api/billing/invoices/${id}/print`],
        ['GET', `/api/billing/invoices/${id}/csv`],
        ['POST', `/api/billing/invoices/${id}/pay`],
      ];
    };
    const adminRoutes = async (): Promise<[Method, string, object?][]> => [
      ['GET', '/api/admin/billing'],
      ['GET', '/api/admin/billing/invoices'],
      ['POST', `/api/admin/billing/invoices/${await invoiceId()}/mark-paid`],
      ['POST', `/api/admin/billing/tenants/${tenant('quiet')}/trial`],
      ['POST', `/api/admin/billing/tenants/${tenant('quiet')}/cancel`],
      ['GET', '/api/admin/billing/plans'],
      ['PATCH', '/api/admin/billing/plans/free', { description: 'For instructors.' }],
      ['GET', `/api/admin/billing/export.json?from=${inDays(0)}&to=${inDays(1)}`],
      ['GET', `/api/admin/billing/export/invoices.csv?from=${inDays(0)}&to=${inDays(1)}`],
      ['GET', `/api/admin/billing/export/payments.csv?from=${inDays(0)}&to=${inDays(1)}`],
    ];
    const call = async (who: string | null, [method, url, payload]: [Method, string, object?]) =>
      (
        await t.app.inject({
          method,
          url,
          headers: { cookie: who ? (cookies[who] ?? '') : '', origin: TEST_BASE_URL },
          ...(payload ? { payload } : {}),
        })
      ).statusCode;

    it('tenant routes: tenant admins (and site admins in the tenant) yes; other roles 403; anonymous 401', async () => {
      for (const route of await tenantRoutes()) {
        const label = `${route[0]} ${route[1]}`;
        expect([200, 409], `tenant_admin ${label}`).toContain(await call('admin', route));
        for (const who of ['pa', 'teacher', 'staff']) {
          expect(await call(who, route), `${who} ${label}`).toBe(403);
        }
        expect(await call(null, route), `anonymous ${label}`).toBe(401);
      }
      await api('root')('PUT', '/api/me/active-tenant', { tenantId: tenant('college') });
      for (const route of await tenantRoutes()) {
        expect([200, 409], `site admin ${route[0]} ${route[1]}`).toContain(
          await call('root', route),
        );
      }
    });

    it('platform routes: site admins yes; tenant admins 403; anonymous 401', async () => {
      for (const route of await adminRoutes()) {
        const label = `${route[0]} ${route[1]}`;
        expect(await call('admin', route), `tenant_admin ${label}`).toBe(403);
        expect(await call(null, route), `anonymous ${label}`).toBe(401);
      }
      // Last, as they change state: the trial and cancel pair leaves `quiet` cancelled again.
      for (const route of await adminRoutes()) {
        expect([200, 409], `site admin ${route[0]} ${route[1]}`).toContain(
          await call('root', route),
        );
      }
      const denied = await rows<{ n: number }>(
        t.testDb.database,
        sql`select count(*)::int as n from audit_log where action = 'core.access.denied'
            and target_label like '% /api/admin/billing%'`,
      );
      expect(first(denied).n).toBeGreaterThanOrEqual((await adminRoutes()).length);
    });
  });
});
