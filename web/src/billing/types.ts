export const SUBSCRIPTION_STATUSES = [
  'trialing',
  'active',
  'past_due',
  'read_only',
  'cancelled',
] as const;
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number];
export type InvoiceStatus = 'open' | 'paid' | 'void';

export interface Plan {
  code: string;
  name: string;
  description: string;
  basePriceCents: number;
  coursePriceCents: number;
  selfServe: boolean;
  sortOrder: number;
  updatedAt: string;
}

export interface UsageSnapshot {
  day: string;
  billableCourses: number;
  activeUsers: number;
  computedAt: string;
}

export interface Subscription {
  status: SubscriptionStatus;
  statusReason: string | null;
  statusChangedAt: string;
  plan: Plan;
  planChosen: boolean;
  currency: string;
  trialStartedOn: string | null;
  trialEndsOn: string | null;
  trialDaysLeft: number | null;
  nextPeriodStart: string | null;
  estimatedMonthlyCents: number;
  openInvoices: number;
  overdueInvoices: number;
  paymentMethod: { provider: string; label: string; recordsByHand: boolean };
}

/** `GET /api/billing`: the active tenant's billing. */
export interface BillingOverview {
  today: string;
  usage: (UsageSnapshot & { tenantId: string }) | null;
  plans: Plan[];
  subscription: Subscription | null;
}

export interface UsageHistory {
  from: string;
  to: string;
  items: UsageSnapshot[];
}

export interface Invoice {
  id: string;
  number: string;
  status: InvoiceStatus;
  planCode: string;
  currency: string;
  periodStart: string;
  periodEnd: string;
  issuedOn: string;
  dueOn: string;
  totalCents: number;
  paidCents: number;
  paidAt: string | null;
}

export interface InvoicePage {
  items: Invoice[];
  total: number;
  page: number;
  pageSize: number;
}

export type PaymentInstructions =
  { kind: 'instructions'; text: string } | { kind: 'redirect'; url: string };

export interface TenantInvoice extends Invoice {
  tenantId: string;
  tenantSlug: string;
  tenantName: string;
}

export interface PlatformSubscription {
  tenant: { id: string; slug: string; name: string; isActive: boolean };
  status: SubscriptionStatus;
  statusReason: string | null;
  statusChangedAt: string;
  planCode: string;
  planName: string;
  planChosen: boolean;
  currency: string;
  trialEndsOn: string | null;
  lastRunOn: string | null;
  billableCourses: number | null;
  activeUsers: number | null;
  monthlyCents: number;
  openCents: number;
}

/** `GET /api/admin/billing`: every subscription, MRR and the past-due list. */
export interface PlatformBilling {
  today: string;
  mrr: { currency: string; cents: number }[];
  subscriptions: PlatformSubscription[];
  pastDue: (TenantInvoice & { balanceCents: number; daysOverdue: number })[];
}
