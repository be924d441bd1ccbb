import { z } from 'zod';
import { paginationQuery } from '../http/pagination.js';
import type { HttpApp } from '../http/types.js';
import type { BillingDeps } from './context.js';
import { invoiceCsv, invoiceHtml } from './invoice-view.js';
import { downloadInvoice, getInvoice, howToPay, listTenantInvoices } from './invoices.js';
import { INVOICE_STATUSES, SUBSCRIPTION_STATUSES } from './schema.js';
import { billingOverview, choosePlan } from './subscriptions.js';
import { refreshUsage, usageHistory } from './usage.js';

const tags = ['billing'];
const read = { permission: ['read', 'Billing'] } as const;
const update = { permission: ['update', 'Billing'] } as const;
const idParams = z.object({ id: z.uuid() });

export const planReply = z.object({
  code: z.string(),
  name: z.string(),
  description: z.string(),
  basePriceCents: z.number().int(),
  coursePriceCents: z.number().int(),
  selfServe: z.boolean(),
  sortOrder: z.number().int(),
  updatedAt: z.date(),
});

const snapshotReply = z.object({
  day: z.string(),
  billableCourses: z.number().int(),
  activeUsers: z.number().int(),
  computedAt: z.date(),
});

const overviewReply = z.object({
  today: z.string(),
  usage: snapshotReply.extend({ tenantId: z.string() }).nullable(),
  plans: z.array(planReply),
  subscription: z
    .object({
      status: z.enum(SUBSCRIPTION_STATUSES),
      statusReason: z.string().nullable(),
      statusChangedAt: z.date(),
      plan: planReply,
      planChosen: z.boolean(),
      currency: z.string(),
      trialStartedOn: z.string().nullable(),
      trialEndsOn: z.string().nullable(),
      trialDaysLeft: z.number().int().nullable(),
      nextPeriodStart: z.string().nullable(),
      estimatedMonthlyCents: z.number().int(),
      openInvoices: z.number().int(),
      overdueInvoices: z.number().int(),
      paymentMethod: z.object({
        provider: z.string(),
        label: z.string(),
        recordsByHand: z.boolean(),
      }),
    })
    .nullable(),
});

export const invoiceReply = z.object({
  id: z.string(),
  number: z.string(),
  status: z.enum(INVOICE_STATUSES),
  planCode: z.string(),
  currency: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  issuedOn: z.string(),
  dueOn: z.string(),
  totalCents: z.number().int(),
  paidCents: z.number().int(),
  paidAt: z.date().nullable(),
});

const invoiceDetailReply = invoiceReply.extend({
  tenant: z.object({ slug: z.string(), name: z.string() }),
  lines: z.array(
    z.object({
      position: z.number().int(),
      kind: z.string(),
      description: z.string(),
      quantity: z.number().int(),
      unitPriceCents: z.number().int(),
      amountCents: z.number().int(),
    }),
  ),
  payments: z.array(
    z.object({
      id: z.string(),
      amountCents: z.number().int(),
      currency: z.string(),
      provider: z.string(),
      receivedOn: z.string(),
    }),
  ),
});

/** The active tenant's billing (tenant admins; site admins in the tenant they entered). */
export function billingRoutes(app: HttpApp, deps: BillingDeps) {
  app.get(
    '/api/billing',
    {
      config: read,
      schema: {
        tags,
        summary: 'Plan, trial, latest usage and payment method of the active tenant',
        response: { 200: overviewReply },
      },
    },
    async (request) => billingOverview(deps, request.ctx),
  );

  app.put(
    '/api/billing/plan',
    {
      config: update,
      schema: {
        tags,
        summary: 'Choose or change the plan (allowed while read-only: it restores access)',
        body: z.object({ plan: z.string().min(1).max(40) }),
        response: { 200: overviewReply },
      },
    },
    async (request) => choosePlan(deps, request.ctx, request.body.plan),
  );

  app.get(
    '/api/billing/usage',
    {
      config: read,
      schema: {
        tags,
        summary: 'Daily usage snapshots of the last `days` days, oldest first',
        querystring: z.object({ days: z.coerce.number().int().min(7).max(730).default(90) }),
        response: {
          200: z.object({ from: z.string(), to: z.string(), items: z.array(snapshotReply) }),
        },
      },
    },
    async (request) => usageHistory(deps, request.ctx, request.query.days),
  );

  app.post(
    '/api/billing/usage/refresh',
    {
      config: update,
      schema: {
        tags,
        summary: "Count today's usage again now",
        response: { 200: snapshotReply.extend({ tenantId: z.string() }) },
      },
    },
    async (request) => refreshUsage(deps, request.ctx),
  );

  app.get(
    '/api/billing/invoices',
    {
      config: read,
      schema: {
        tags,
        summary: 'Invoices of the active tenant, newest first',
        querystring: paginationQuery,
        response: {
          200: z.object({
            items: z.array(invoiceReply),
            total: z.number().int(),
            page: z.number().int(),
            pageSize: z.number().int(),
          }),
        },
      },
    },
    async (request) => listTenantInvoices(deps, request.ctx, request.query),
  );

  app.get(
    '/api/billing/invoices/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'One invoice with its lines and payments',
        params: idParams,
        response: { 200: invoiceDetailReply },
      },
    },
    async (request) => getInvoice(deps, request.ctx, request.params.id),
  );

  app.get(
    '/api/billing/invoices/:id/print',
    {
      config: { permission: ['export', 'Billing'] },
      schema: { tags, summary: 'The invoice as a printable HTML page', params: idParams },
    },
    async (request, reply) => {
      const invoice = await downloadInvoice(deps, request.ctx, request.params.id, 'html');
      return reply.type('text/html; charset=utf-8').send(invoiceHtml(invoice));
    },
  );

  app.get(
    '/api/billing/invoices/:id/csv',
    {
      config: { permission: ['export', 'Billing'] },
      schema: { tags, summary: 'The invoice lines as CSV', params: idParams },
    },
    async (request, reply) => {
      const invoice = await downloadInvoice(deps, request.ctx, request.params.id, 'csv');
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="invoice-${invoice.number}.csv"`)
        .send(invoiceCsv(invoice));
    },
  );

  app.post(
    '/api/billing/invoices/:id/pay',
    {
      config: update,
      schema: {
        tags,
        summary: "How to pay an open invoice, from the tenant's payment provider",
        params: idParams,
        response: {
          200: z.discriminatedUnion('kind', [
            z.object({ kind: z.literal('instructions'), text: z.string() }),
            z.object({ kind: z.literal('redirect'), url: z.string() }),
          ]),
        },
      },
    },
    async (request) => howToPay(deps, request.ctx, request.params.id),
  );
}
