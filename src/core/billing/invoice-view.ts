import { safeText, toCsv } from './csv.js';
import type { InvoiceDetail } from './invoices.js';
import { decimalAmount, formatMoney } from './money.js';

const escapeHtml = (value: string) =>
  value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');

const STATUS_LABELS: Record<string, string> = { open: 'Open', paid: 'Paid', void: 'Void' };

/**
 * A self-contained, printable HTML page of an invoice (no scripts; "Print → Save as PDF" in the
 * browser gives the PDF). Every value is escaped.
 */
export function invoiceHtml(invoice: InvoiceDetail): string {
  const money = (cents: number) => escapeHtml(formatMoney(cents, invoice.currency));
  const text = (value: string) => escapeHtml(value);
  const lines = invoice.lines
    .map(
      (line) => `<tr><td>${text(line.description)}</td><td class="n">${line.quantity}</td>
<td class="n">${money(line.unitPriceCents)}</td><td class="n">${money(line.amountCents)}</td></tr>`,
    )
    .join('\n');
  const payments = invoice.payments
    .map(
      (p) =>
        `<tr><td>${text(p.receivedOn)}</td><td>${text(p.provider)}</td><td class="n">${money(p.amountCents)}</td></tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Invoice ${text(invoice.number)} · ${text(invoice.tenant.name)}</title>
<style>
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1b1e;max-width:760px;margin:2rem auto;padding:0 1rem}
h1{font-size:1.6rem;margin:0 0 .25rem}table{width:100%;border-collapse:collapse;margin:1rem 0}
th,td{text-align:left;padding:.4rem .5rem;border-bottom:1px solid #dee2e6}.n{text-align:right}
tfoot td{font-weight:700;border-bottom:none}.meta{color:#495057}.hint{color:#868e96;font-size:.85rem}
@media print{.hint{display:none}body{margin:0}}
</style></head>
<body>
<p class="hint">Use your browser's Print command (Ctrl+P or ⌘P) to print this invoice or save it as a PDF.</p>
<h1>Invoice ${text(invoice.number)}</h1>
<p class="meta">EduLedger · ${text(invoice.tenant.name)} (${text(invoice.tenant.slug)})</p>
<table aria-label="Invoice details"><tbody>
<tr><th>Status</th><td>${text(STATUS_LABELS[invoice.status] ?? invoice.status)}</td></tr>
<tr><th>Issued</th><td>${text(invoice.issuedOn)}</td></tr>
<tr><th>Due</th><td>${text(invoice.dueOn)}</td></tr>
<tr><th>Period</th><td>${text(invoice.periodStart)} to ${text(invoice.periodEnd)} (exclusive)</td></tr>
<tr><th>Plan</th><td>${text(invoice.planCode)}</td></tr>
<tr><th>Currency</th><td>${text(invoice.currency)}</td></tr>
</tbody></table>
<table aria-label="Invoice lines"><thead><tr><th>Description</th><th class="n">Quantity</th><th class="n">Unit price</th><th class="n">Amount</th></tr></thead>
<tbody>
${lines}
</tbody>
<tfoot><tr><td colspan="3">Total</td><td class="n">${money(invoice.totalCents)}</td></tr>
<tr><td colspan="3">Paid</td><td class="n">${money(invoice.paidCents)}</td></tr>
<tr><td colspan="3">Balance due</td><td class="n">${money(invoice.totalCents - invoice.paidCents)}</td></tr></tfoot>
</table>
${payments ? `<h2>Payments</h2><table aria-label="Payments"><thead><tr><th>Received</th><th>Method</th><th class="n">Amount</th></tr></thead><tbody>\n${payments}\n</tbody></table>` : ''}
</body></html>
`;
}

/** The invoice as CSV: one row per line, then the total (decimal amounts, no symbols). */
export function invoiceCsv(invoice: InvoiceDetail): string {
  const rows: (string | number)[][] = invoice.lines.map((line) => [
    invoice.number,
    safeText(line.description),
    line.quantity,
    decimalAmount(line.unitPriceCents),
    decimalAmount(line.amountCents),
    invoice.currency,
  ]);
  rows.push([invoice.number, 'Total', '', '', decimalAmount(invoice.totalCents), invoice.currency]);
  return toCsv(['invoice', 'description', 'quantity', 'unit_price', 'amount', 'currency'], rows);
}
