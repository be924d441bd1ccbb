import { formatMoney } from './money.js';

/** What a payer is shown to pay an open invoice. */
export type PaymentInstructions =
  { kind: 'instructions'; text: string } | { kind: 'redirect'; url: string };

export interface PayableInvoice {
  id: string;
  number: string;
  currency: string;
  /** What is left to pay. */
  balanceCents: number;
}

/**
 * A way of collecting payments. A provider only moves money and reports it: it never changes a
 * subscription. Whatever it learns (an admin's click, a card provider's webhook) ends in
 * `recordPayment`, where the billing rules (invoice paid, reactivation, audit) live.
 */
export interface PaymentProvider {
  /** Stored on subscriptions and payments, e.g. `manual`, `stripe`. */
  readonly name: string;
  readonly label: string;
  /** Whether administrators record this provider's payments by hand (the built-in `manual`). */
  readonly recordsByHand: boolean;
  /** How to pay an invoice: instructions, or a hosted checkout page to send the payer to. */
  howToPay(
    invoice: PayableInvoice,
    tenant: { slug: string; name: string },
  ): Promise<PaymentInstructions>;
}

/** The built-in provider: invoices are paid outside EduLedger and an administrator marks them paid. */
export const manualProvider: PaymentProvider = {
  name: 'manual',
  label: 'Invoice, paid by bank transfer or check',
  recordsByHand: true,
  howToPay: async (invoice, tenant) => ({
    kind: 'instructions',
    text:
      `Pay ${formatMoney(invoice.balanceCents, invoice.currency)} by bank transfer or check, ` +
      `quoting invoice ${invoice.number} and "${tenant.name}". Once an EduLedger administrator ` +
      'records the payment, the invoice shows as paid and full access returns at once.',
  }),
};

export type PaymentProviders = Readonly<Record<string, PaymentProvider>>;

/** The providers this installation offers, by name. */
export const defaultPaymentProviders: PaymentProviders = { [manualProvider.name]: manualProvider };

export function providerNamed(providers: PaymentProviders, name: string): PaymentProvider {
  const provider = providers[name];
  if (!provider) throw new Error(`unknown payment provider "${name}"`);
  return provider;
}
