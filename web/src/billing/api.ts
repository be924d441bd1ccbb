import { apiFetch } from '../api/client';
import type {
  BillingOverview,
  Invoice,
  InvoicePage,
  PaymentInstructions,
  Plan,
  PlatformBilling,
  SubscriptionStatus,
  TenantInvoice,
  UsageHistory,
  UsageSnapshot,
} from './types';

export const BILLING_KEY = ['billing'] as const;
export const PLATFORM_BILLING_KEY = ['admin', 'billing'] as const;

export const getBilling = (signal?: AbortSignal) =>
  apiFetch<BillingOverview>('/api/billing', { signal });

export const choosePlan = (plan: string) =>
  apiFetch<BillingOverview>('/api/billing/plan', { method: 'PUT', json: { plan } });

export const getUsage = (days: number, signal?: AbortSignal) =>
  apiFetch<UsageHistory>(`/api/billing/usage?days=${String(days)}`, { signal });

export const refreshUsage = () =>
  apiFetch<UsageSnapshot>('/api/billing/usage/refresh', { method: 'POST' });

export const listInvoices = (page: number, pageSize: number, signal?: AbortSignal) =>
  apiFetch<InvoicePage>(`/api/billing/invoices?page=${String(page)}&pageSize=${String(pageSize)}`, {
    signal,
  });

export const howToPay = (invoiceId: string) =>
  apiFetch<PaymentInstructions>(`/api/billing/invoices/${encodeURIComponent(invoiceId)}/pay`, {
    method: 'POST',
  });

/** The printable invoice (HTML) and its CSV: plain links, the session cookie authorizes them. */
export const invoicePrintUrl = (id: string) =>
  `/api/billing/invoices/${encodeURIComponent(id)}/print`;
export const invoiceCsvUrl = (id: string) => `/api/billing/invoices/${encodeURIComponent(id)}/csv`;

export const getPlatformBilling = (signal?: AbortSignal) =>
  apiFetch<PlatformBilling>('/api/admin/billing', { signal });

export const listOpenInvoices = (signal?: AbortSignal) =>
  apiFetch<{ items: TenantInvoice[] }>('/api/admin/billing/invoices', { signal });

export const markPaid = (invoiceId: string, note: string) =>
  apiFetch<{ invoice?: Invoice; subscriptionStatus: SubscriptionStatus | null }>(
    `/api/admin/billing/invoices/${encodeURIComponent(invoiceId)}/mark-paid`,
    { method: 'POST', json: note ? { note } : {} },
  );

export const startTrial = (tenantId: string, input: { plan: string; currency: string }) =>
  apiFetch<{ status: SubscriptionStatus; trialEndsOn: string }>(
    `/api/admin/billing/tenants/${encodeURIComponent(tenantId)}/trial`,
    { method: 'POST', json: input },
  );

export const cancelSubscription = (tenantId: string) =>
  apiFetch<{ status: SubscriptionStatus }>(
    `/api/admin/billing/tenants/${encodeURIComponent(tenantId)}/cancel`,
    { method: 'POST' },
  );

export const listPlans = (signal?: AbortSignal) =>
  apiFetch<{ items: Plan[] }>('/api/admin/billing/plans', { signal });

export const updatePlan = (
  code: string,
  change: Partial<Pick<Plan, 'basePriceCents' | 'coursePriceCents' | 'selfServe'>>,
) =>
  apiFetch<Plan>(`/api/admin/billing/plans/${encodeURIComponent(code)}`, {
    method: 'PATCH',
    json: change,
  });

export type FinanceFile = 'export.json' | 'export/invoices.csv' | 'export/payments.csv';

export const financeExportUrl = (file: FinanceFile, from: string, to: string) =>
  `/api/admin/billing/${file}?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
