import { and, asc, eq, gte, lte } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { tenants } from '../../db/schema.js';
import { billingInvoices, billingPayments } from '../schema.js';

export type PaymentRow = typeof billingPayments.$inferSelect;

export const insertPayment = async (
  q: Queryable,
  values: Omit<typeof billingPayments.$inferInsert, 'id' | 'createdAt'>,
): Promise<PaymentRow | undefined> =>
  (await q.insert(billingPayments).values(values).onConflictDoNothing().returning())[0];

const listed = {
  id: billingPayments.id,
  invoiceId: billingPayments.invoiceId,
  amountCents: billingPayments.amountCents,
  currency: billingPayments.currency,
  provider: billingPayments.provider,
  providerRef: billingPayments.providerRef,
  receivedOn: billingPayments.receivedOn,
  note: billingPayments.note,
  createdAt: billingPayments.createdAt,
};

export const paymentsOfInvoice = (q: Queryable, invoiceId: string) =>
  q
    .select(listed)
    .from(billingPayments)
    .where(eq(billingPayments.invoiceId, invoiceId))
    .orderBy(asc(billingPayments.receivedOn), asc(billingPayments.createdAt));

/** Payments received in [from, to] across tenants (a platform read), oldest first. */
export const paymentsReceivedBetween = (q: Queryable, from: string, to: string) =>
  q
    .select({
      ...listed,
      invoiceNumber: billingInvoices.number,
      tenantSlug: tenants.slug,
      tenantName: tenants.name,
    })
    .from(billingPayments)
    .innerJoin(billingInvoices, eq(billingInvoices.id, billingPayments.invoiceId))
    .innerJoin(tenants, eq(tenants.id, billingPayments.tenantId))
    .where(and(gte(billingPayments.receivedOn, from), lte(billingPayments.receivedOn, to)))
    .orderBy(asc(billingPayments.receivedOn), asc(billingInvoices.number));
