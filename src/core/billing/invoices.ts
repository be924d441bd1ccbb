import type { RequestContext } from '../access/request-context.js';
import { recordAudit } from '../audit/service.js';
import { tx } from '../db/tx.js';
import { ConflictError, NotFoundError } from '../errors.js';
import { loadTenant, type BillingDeps } from './context.js';
import { countInvoices, findInvoice, invoiceLines, listInvoices } from './data/invoices.js';
import { paymentsOfInvoice } from './data/payments.js';
import { findByTenant } from './data/subscriptions.js';
import { providerNamed, type PaymentInstructions } from './providers.js';
import { activeTenantOf } from './usage.js';

/** The active tenant's invoices, newest first. */
export async function listTenantInvoices(
  deps: BillingDeps,
  ctx: RequestContext,
  page: { page: number; pageSize: number },
) {
  const tenantId = activeTenantOf(ctx);
  return tx(deps.db, { tenantId }, async (q) => ({
    items: await listInvoices(q, tenantId, {
      limit: page.pageSize,
      offset: (page.page - 1) * page.pageSize,
    }),
    total: await countInvoices(q, tenantId),
    ...page,
  }));
}

/** One invoice of the active tenant with its lines and payments (another tenant's: 404). */
export async function getInvoice(deps: BillingDeps, ctx: RequestContext, id: string) {
  const tenantId = activeTenantOf(ctx);
  return tx(deps.db, { tenantId }, async (q) => {
    const invoice = await findInvoice(q, id);
    if (!invoice) throw new NotFoundError('Invoice');
    const tenant = await loadTenant(q, tenantId);
    return {
      ...invoice,
      tenant: { slug: tenant.slug, name: tenant.name },
      lines: await invoiceLines(q, id),
      payments: await paymentsOfInvoice(q, id),
    };
  });
}

export type InvoiceDetail = Awaited<ReturnType<typeof getInvoice>>;

/** An invoice as a download (print view or CSV): audited like every export. */
export async function downloadInvoice(
  deps: BillingDeps,
  ctx: RequestContext,
  id: string,
  format: 'html' | 'csv',
): Promise<InvoiceDetail> {
  const invoice = await getInvoice(deps, ctx, id);
  await tx(deps.db, { tenantId: activeTenantOf(ctx) }, (q) =>
    recordAudit(q, ctx, {
      action: 'core.invoice.downloaded',
      target: { type: 'invoice', id: invoice.id, label: invoice.number },
      meta: { format },
    }),
  );
  return invoice;
}

/** How to pay an open invoice, from the tenant's payment provider. */
export async function howToPay(
  deps: BillingDeps,
  ctx: RequestContext,
  id: string,
): Promise<PaymentInstructions> {
  const invoice = await getInvoice(deps, ctx, id);
  if (invoice.status !== 'open') {
    throw new ConflictError(`Invoice ${invoice.number} is ${invoice.status}: nothing to pay`);
  }
  const subscription = await tx(deps.db, { tenantId: activeTenantOf(ctx) }, (q) =>
    findByTenant(q, activeTenantOf(ctx)),
  );
  const provider = providerNamed(deps.providers, subscription?.paymentProvider ?? 'manual');
  return provider.howToPay(
    {
      id: invoice.id,
      number: invoice.number,
      currency: invoice.currency,
      balanceCents: invoice.totalCents - invoice.paidCents,
    },
    invoice.tenant,
  );
}
