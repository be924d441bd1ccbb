import { and, asc, count, desc, eq, gte, inArray, lt, lte, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { tenants } from '../../db/schema.js';
import { billingInvoiceLines, billingInvoices, type InvoiceStatus } from '../schema.js';

export type InvoiceRow = typeof billingInvoices.$inferSelect;
export type InvoiceLineRow = typeof billingInvoiceLines.$inferSelect;
export type NewInvoice = Omit<typeof billingInvoices.$inferInsert, 'id' | 'status' | 'createdAt'>;
export type NewInvoiceLine = Omit<
  typeof billingInvoiceLines.$inferInsert,
  'id' | 'tenantId' | 'invoiceId'
>;

/** Amount paid so far, per invoice (qualified by hand: drizzle leaves sql`` columns bare). */
const paidCents = sql<number>`coalesce((select sum(p.amount_cents) from billing_payments p
  where p.invoice_id = "billing_invoices"."id"), 0)::int`;

const listed = {
  id: billingInvoices.id,
  number: billingInvoices.number,
  status: billingInvoices.status,
  planCode: billingInvoices.planCode,
  currency: billingInvoices.currency,
  periodStart: billingInvoices.periodStart,
  periodEnd: billingInvoices.periodEnd,
  issuedOn: billingInvoices.issuedOn,
  dueOn: billingInvoices.dueOn,
  totalCents: billingInvoices.totalCents,
  paidCents,
  paidAt: billingInvoices.paidAt,
};

export async function insertInvoice(
  q: Queryable,
  invoice: NewInvoice,
  lines: readonly NewInvoiceLine[],
): Promise<InvoiceRow> {
  const [row] = await q.insert(billingInvoices).values(invoice).returning();
  if (!row) throw new Error('could not create the invoice');
  await q
    .insert(billingInvoiceLines)
    .values(lines.map((line) => ({ ...line, tenantId: row.tenantId, invoiceId: row.id })));
  return row;
}

/** The tenant's invoices, newest first, with what has been paid of each. */
export const listInvoices = (
  q: Queryable,
  tenantId: string,
  window: { limit: number; offset: number },
) =>
  q
    .select(listed)
    .from(billingInvoices)
    .where(eq(billingInvoices.tenantId, tenantId))
    .orderBy(desc(billingInvoices.issuedOn), desc(billingInvoices.number))
    .limit(window.limit)
    .offset(window.offset);

export const countInvoices = async (q: Queryable, tenantId: string) =>
  (
    await q
      .select({ n: count() })
      .from(billingInvoices)
      .where(eq(billingInvoices.tenantId, tenantId))
  )[0]?.n ?? 0;

export const findInvoice = async (q: Queryable, id: string) =>
  (await q.select(listed).from(billingInvoices).where(eq(billingInvoices.id, id)))[0];

/** The invoice row itself, locked (recording a payment; voiding). */
export const lockInvoice = async (q: Queryable, id: string): Promise<InvoiceRow | undefined> =>
  (await q.select().from(billingInvoices).where(eq(billingInvoices.id, id)).for('update'))[0];

export const invoiceLines = (q: Queryable, invoiceId: string) =>
  q
    .select()
    .from(billingInvoiceLines)
    .where(eq(billingInvoiceLines.invoiceId, invoiceId))
    .orderBy(asc(billingInvoiceLines.position));

export const setInvoiceStatus = async (
  q: Queryable,
  id: string,
  status: InvoiceStatus,
  at: Date,
): Promise<void> => {
  await q
    .update(billingInvoices)
    .set(status === 'paid' ? { status, paidAt: at } : { status, voidedAt: at })
    .where(eq(billingInvoices.id, id));
};

/** The subscription's open invoices, oldest due first. */
export const openInvoices = (q: Queryable, subscriptionId: string) =>
  q
    .select()
    .from(billingInvoices)
    .where(
      and(eq(billingInvoices.subscriptionId, subscriptionId), eq(billingInvoices.status, 'open')),
    )
    .orderBy(asc(billingInvoices.dueOn));

/** Open invoices of the subscription whose due day is before `day`. */
export const overdueInvoices = (q: Queryable, subscriptionId: string, day: string) =>
  q
    .select()
    .from(billingInvoices)
    .where(
      and(
        eq(billingInvoices.subscriptionId, subscriptionId),
        eq(billingInvoices.status, 'open'),
        lt(billingInvoices.dueOn, day),
      ),
    )
    .orderBy(asc(billingInvoices.dueOn));

/** Invoices issued in [from, to] across tenants (a platform read), oldest first. */
export const invoicesIssuedBetween = (q: Queryable, from: string, to: string) =>
  q
    .select({ ...listed, tenantSlug: tenants.slug, tenantName: tenants.name })
    .from(billingInvoices)
    .innerJoin(tenants, eq(tenants.id, billingInvoices.tenantId))
    .where(and(gte(billingInvoices.issuedOn, from), lte(billingInvoices.issuedOn, to)))
    .orderBy(asc(billingInvoices.issuedOn), asc(billingInvoices.number));

/** Open invoices of every tenant (a platform read), optionally of one tenant. */
export const openInvoicesOfAll = (q: Queryable, tenantIds?: readonly string[]) =>
  q
    .select({
      ...listed,
      tenantId: billingInvoices.tenantId,
      tenantSlug: tenants.slug,
      tenantName: tenants.name,
    })
    .from(billingInvoices)
    .innerJoin(tenants, eq(tenants.id, billingInvoices.tenantId))
    .where(
      and(
        eq(billingInvoices.status, 'open'),
        tenantIds ? inArray(billingInvoices.tenantId, [...tenantIds]) : undefined,
      ),
    )
    .orderBy(asc(billingInvoices.dueOn), asc(billingInvoices.number));

/** Which tenant an invoice belongs to (a platform read, before entering that tenant). */
export const findInvoiceTenant = async (q: Queryable, id: string) =>
  (
    await q
      .select({ id: billingInvoices.id, tenantId: billingInvoices.tenantId })
      .from(billingInvoices)
      .where(eq(billingInvoices.id, id))
  )[0];
