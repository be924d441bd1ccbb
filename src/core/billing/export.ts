import { recordAudit, type AuditContext } from '../audit/service.js';
import { tx } from '../db/tx.js';
import { ValidationError } from '../errors.js';
import type { BillingDeps } from './context.js';
import { safeText, toCsv } from './csv.js';
import { isDay } from './dates.js';
import { invoicesIssuedBetween } from './data/invoices.js';
import { paymentsReceivedBetween } from './data/payments.js';
import { decimalAmount } from './money.js';

export interface FinanceRange {
  from: string;
  to: string;
}

const totalsByCurrency = (rows: { currency: string; cents: number }[]) => {
  const totals: Record<string, number> = {};
  for (const { currency, cents } of rows) totals[currency] = (totals[currency] ?? 0) + cents;
  return totals;
};

function checkRange({ from, to }: FinanceRange) {
  const details = [
    ...(isDay(from) ? [] : [{ path: 'from', message: 'must be a day written YYYY-MM-DD' }]),
    ...(isDay(to) ? [] : [{ path: 'to', message: 'must be a day written YYYY-MM-DD' }]),
  ];
  if (details.length === 0 && from > to) {
    details.push({ path: 'to', message: 'must not be before from' });
  }
  if (details.length > 0) throw new ValidationError('The date range is not valid', details);
}

/**
 * The finance export (site admins): invoices issued and payments received in [from, to] across
 * tenants, with totals per currency. Voided invoices are listed but not counted. Audited.
 */
export async function financeExport(
  deps: BillingDeps,
  audit: AuditContext,
  range: FinanceRange,
  format: 'json' | 'invoices.csv' | 'payments.csv',
) {
  checkRange(range);
  const data = await tx(deps.db, { allTenants: true }, async (q) => ({
    invoices: await invoicesIssuedBetween(q, range.from, range.to),
    payments: await paymentsReceivedBetween(q, range.from, range.to),
  }));
  await tx(deps.db, {}, (q) =>
    recordAudit(q, audit, {
      action: 'core.billing.exported',
      target: { type: 'finance-export', label: `${range.from}..${range.to}` },
      meta: { format, invoices: data.invoices.length, payments: data.payments.length },
      tenantId: null,
    }),
  );
  const counted = data.invoices.filter((invoice) => invoice.status !== 'void');
  return {
    ...range,
    invoices: data.invoices,
    payments: data.payments,
    totals: {
      invoicedCents: totalsByCurrency(
        counted.map((i) => ({ currency: i.currency, cents: i.totalCents })),
      ),
      paidCents: totalsByCurrency(
        data.payments.map((p) => ({ currency: p.currency, cents: p.amountCents })),
      ),
    },
  };
}

export type FinanceExport = Awaited<ReturnType<typeof financeExport>>;

export const invoicesCsv = (data: FinanceExport): string =>
  toCsv(
    [
      'number',
      'tenant',
      'tenant_name',
      'status',
      'plan',
      'issued_on',
      'due_on',
      'period_start',
      'period_end',
      'currency',
      'total',
      'paid',
      'total_cents',
    ],
    data.invoices.map((i) => [
      i.number,
      i.tenantSlug,
      safeText(i.tenantName),
      i.status,
      i.planCode,
      i.issuedOn,
      i.dueOn,
      i.periodStart,
      i.periodEnd,
      i.currency,
      decimalAmount(i.totalCents),
      decimalAmount(i.paidCents),
      i.totalCents,
    ]),
  );

export const paymentsCsv = (data: FinanceExport): string =>
  toCsv(
    [
      'received_on',
      'invoice',
      'tenant',
      'tenant_name',
      'provider',
      'reference',
      'currency',
      'amount',
      'amount_cents',
    ],
    data.payments.map((p) => [
      p.receivedOn,
      p.invoiceNumber,
      p.tenantSlug,
      safeText(p.tenantName),
      p.provider,
      safeText(p.providerRef),
      p.currency,
      decimalAmount(p.amountCents),
      p.amountCents,
    ]),
  );
