import { z } from 'zod';
import type { HttpApp } from '../http/types.js';
import {
  editPlan,
  listAllPlans,
  listOpenInvoices,
  markInvoicePaid,
  platformOverview,
} from './admin.js';
import type { BillingDeps } from './context.js';
import { financeExport, invoicesCsv, paymentsCsv } from './export.js';
import { invoiceReply, planReply } from './routes.js';
import { SUBSCRIPTION_STATUSES } from './schema.js';
import { cancelSubscription, startTrial } from './subscriptions.js';

const tags = ['billing', 'platform'];
const platform = { permission: ['manage', 'Platform'] } as const;
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a day written YYYY-MM-DD');
const tenantParams = z.object({ tenantId: z.uuid() });

const money = z.object({ currency: z.string(), cents: z.number().int() });
const tenantInvoice = invoiceReply.extend({
  tenantId: z.string(),
  tenantSlug: z.string(),
  tenantName: z.string(),
});

const subscriptionReply = z.object({
  tenant: z.object({ id: z.string(), slug: z.string(), name: z.string(), isActive: z.boolean() }),
  status: z.enum(SUBSCRIPTION_STATUSES),
  statusReason: z.string().nullable(),
  statusChangedAt: z.date(),
  planCode: z.string(),
  planName: z.string(),
  planChosen: z.boolean(),
  currency: z.string(),
  trialEndsOn: z.string().nullable(),
  lastRunOn: z.string().nullable(),
  billableCourses: z.number().int().nullable(),
  activeUsers: z.number().int().nullable(),
  monthlyCents: z.number().int(),
  openCents: z.number().int(),
});

const exportInvoice = invoiceReply.extend({ tenantSlug: z.string(), tenantName: z.string() });
const exportPayment = z.object({
  id: z.string(),
  invoiceId: z.string(),
  invoiceNumber: z.string(),
  tenantSlug: z.string(),
  tenantName: z.string(),
  amountCents: z.number().int(),
  currency: z.string(),
  provider: z.string(),
  providerRef: z.string().nullable(),
  receivedOn: z.string(),
  note: z.string().nullable(),
  createdAt: z.date(),
});

/** Billing across tenants: site admins only. */
export function billingAdminRoutes(app: HttpApp, deps: BillingDeps) {
  app.get(
    '/api/admin/billing',
    {
      config: platform,
      schema: {
        tags,
        summary: 'Every subscription, MRR per currency, and the past-due invoices',
        response: {
          200: z.object({
            today: z.string(),
            mrr: z.array(money),
            subscriptions: z.array(subscriptionReply),
            pastDue: z.array(
              tenantInvoice.extend({
                balanceCents: z.number().int(),
                daysOverdue: z.number().int(),
              }),
            ),
          }),
        },
      },
    },
    async () => platformOverview(deps),
  );

  app.get(
    '/api/admin/billing/invoices',
    {
      config: platform,
      schema: {
        tags,
        summary: 'Open invoices of every tenant (or one), oldest due first',
        querystring: z.object({ tenantId: z.uuid().optional() }),
        response: { 200: z.object({ items: z.array(tenantInvoice) }) },
      },
    },
    async (request) => ({ items: await listOpenInvoices(deps, request.query.tenantId) }),
  );

  app.post(
    '/api/admin/billing/invoices/:id/mark-paid',
    {
      config: platform,
      schema: {
        tags,
        summary: 'Record the payment of an invoice by hand (the built-in manual provider)',
        params: z.object({ id: z.uuid() }),
        body: z.object({ note: z.string().trim().max(500).optional() }).nullish(),
        response: {
          200: z.object({
            invoice: invoiceReply.optional(),
            subscriptionStatus: z.enum(SUBSCRIPTION_STATUSES).nullable(),
          }),
        },
      },
    },
    async (request) =>
      markInvoicePaid(deps, request.ctx, request.params.id, { note: request.body?.note }),
  );

  app.post(
    '/api/admin/billing/tenants/:tenantId/trial',
    {
      config: platform,
      schema: {
        tags,
        summary: 'Put a tenant on a 30-day trial (a new subscription, or the existing one again)',
        params: tenantParams,
        body: z
          .object({
            plan: z.string().min(1).max(40).optional(),
            currency: z
              .string()
              .regex(/^[A-Z]{3}$/, 'must be a 3-letter ISO 4217 code')
              .optional(),
          })
          .nullish(),
        response: { 200: z.object({ status: z.enum(SUBSCRIPTION_STATUSES), trialEndsOn: day }) },
      },
    },
    async (request) => {
      const subscription = await startTrial(
        deps,
        request.ctx,
        request.params.tenantId,
        request.body ?? {},
      );
      return { status: subscription.status, trialEndsOn: subscription.trialEndsOn ?? '' };
    },
  );

  app.post(
    '/api/admin/billing/tenants/:tenantId/cancel',
    {
      config: platform,
      schema: {
        tags,
        summary: 'Cancel a subscription: nothing more is invoiced, the tenant becomes read-only',
        params: tenantParams,
        response: { 200: z.object({ status: z.enum(SUBSCRIPTION_STATUSES) }) },
      },
    },
    async (request) => ({
      status: (await cancelSubscription(deps, request.ctx, request.params.tenantId)).status,
    }),
  );

  app.get(
    '/api/admin/billing/plans',
    {
      config: platform,
      schema: {
        tags,
        summary: 'Every plan',
        response: { 200: z.object({ items: z.array(planReply) }) },
      },
    },
    async () => ({ items: await listAllPlans(deps) }),
  );

  app.patch(
    '/api/admin/billing/plans/:code',
    {
      config: platform,
      schema: {
        tags,
        summary: "Change a plan's prices (integer cents), name, description or self-service",
        params: z.object({ code: z.string().min(1).max(40) }),
        body: z
          .object({
            name: z.string().trim().min(1).max(80).optional(),
            description: z.string().trim().max(500).optional(),
            basePriceCents: z.number().int().min(0).max(100_000_000).optional(),
            coursePriceCents: z.number().int().min(0).max(100_000_000).optional(),
            selfServe: z.boolean().optional(),
          })
          .refine((v) => Object.values(v).some((x) => x !== undefined), 'Give at least one change'),
        response: { 200: planReply },
      },
    },
    async (request) => editPlan(deps, request.ctx, request.params.code, request.body),
  );

  const rangeQuery = z.object({ from: day, to: day });

  app.get(
    '/api/admin/billing/export.json',
    {
      config: platform,
      schema: {
        tags,
        summary: 'Finance export: invoices issued and payments received in [from, to], with totals',
        querystring: rangeQuery,
        response: {
          200: z.object({
            from: z.string(),
            to: z.string(),
            invoices: z.array(exportInvoice),
            payments: z.array(exportPayment),
            totals: z.object({
              invoicedCents: z.record(z.string(), z.number().int()),
              paidCents: z.record(z.string(), z.number().int()),
            }),
          }),
        },
      },
    },
    async (request, reply) => {
      const data = await financeExport(deps, request.ctx, request.query, 'json');
      return reply
        .header(
          'content-disposition',
          `attachment; filename="finance-${data.from}-${data.to}.json"`,
        )
        .send(data);
    },
  );

  app.get(
    '/api/admin/billing/export/:kind',
    {
      config: platform,
      schema: {
        tags,
        summary: 'Finance export as CSV: invoices.csv or payments.csv for [from, to]',
        params: z.object({ kind: z.enum(['invoices.csv', 'payments.csv']) }),
        querystring: rangeQuery,
      },
    },
    async (request, reply) => {
      const { kind } = request.params;
      const data = await financeExport(deps, request.ctx, request.query, kind);
      const name = kind.replace('.csv', '');
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}-${data.from}-${data.to}.csv"`)
        .send(kind === 'invoices.csv' ? invoicesCsv(data) : paymentsCsv(data));
    },
  );
}
