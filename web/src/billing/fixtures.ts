import type {
  BillingOverview,
  Invoice,
  Plan,
  PlatformBilling,
  PlatformSubscription,
  Subscription,
  TenantInvoice,
} from './types';

export const plans: Plan[] = [
  {
    code: 'program',
    name: 'Program',
    description: 'One program.',
    basePriceCents: 4900,
    coursePriceCents: 300,
    selfServe: true,
    sortOrder: 2,
    updatedAt: '2025-01-01T00:00:00.000Z',
  },
  {
    code: 'institution',
    name: 'Institution',
    description: 'Many programs.',
    basePriceCents: 19900,
    coursePriceCents: 200,
    selfServe: true,
    sortOrder: 3,
    updatedAt: '2025-01-01T00:00:00.000Z',
  },
];

export const freePlan: Plan = {
  code: 'free',
  name: 'Free',
  description: 'For instructors.',
  basePriceCents: 0,
  coursePriceCents: 0,
  selfServe: false,
  sortOrder: 1,
  updatedAt: '2025-01-01T00:00:00.000Z',
};

export function subscriptionFixture(overrides: Partial<Subscription> = {}): Subscription {
  return {
    status: 'trialing',
    statusReason: 'trial_started',
    statusChangedAt: '2025-03-01T15:00:00.000Z',
    plan: plans[1] as Plan,
    planChosen: false,
    currency: 'USD',
    trialStartedOn: '2025-03-01',
    trialEndsOn: '2025-03-31',
    trialDaysLeft: 12,
    nextPeriodStart: null,
    estimatedMonthlyCents: 20500,
    openInvoices: 0,
    overdueInvoices: 0,
    paymentMethod: {
      provider: 'manual',
      label: 'Invoice, paid by bank transfer or check',
      recordsByHand: true,
    },
    ...overrides,
  };
}

export function overviewFixture(subscription: Subscription | null = subscriptionFixture()) {
  return {
    today: '2025-03-19',
    usage: {
      tenantId: 't-1',
      day: '2025-03-19',
      billableCourses: 3,
      activeUsers: 7,
      computedAt: '2025-03-19T06:00:00.000Z',
    },
    plans,
    subscription,
  } satisfies BillingOverview;
}

export function invoiceFixture(overrides: Partial<Invoice> = {}): Invoice {
  return {
    id: 'inv-1',
    number: 'NORTH-0001',
    status: 'open',
    planCode: 'program',
    currency: 'USD',
    periodStart: '2025-03-01',
    periodEnd: '2025-04-01',
    issuedOn: '2025-03-01',
    dueOn: '2025-03-15',
    totalCents: 5800,
    paidCents: 0,
    paidAt: null,
    ...overrides,
  };
}

export const usageFixture = {
  from: '2024-12-20',
  to: '2025-03-19',
  items: [
    { day: '2025-03-17', billableCourses: 2, activeUsers: 5, computedAt: '2025-03-17T06:00:00Z' },
    { day: '2025-03-18', billableCourses: 3, activeUsers: 6, computedAt: '2025-03-18T06:00:00Z' },
    { day: '2025-03-19', billableCourses: 3, activeUsers: 7, computedAt: '2025-03-19T06:00:00Z' },
  ],
};

export function tenantInvoiceFixture(overrides: Partial<TenantInvoice> = {}): TenantInvoice {
  return {
    ...invoiceFixture(),
    tenantId: 't-north',
    tenantSlug: 'north',
    tenantName: 'North College',
    ...overrides,
  };
}

export function platformSubscriptionFixture(
  overrides: Partial<PlatformSubscription> = {},
): PlatformSubscription {
  return {
    tenant: { id: 't-north', slug: 'north', name: 'North College', isActive: true },
    status: 'past_due',
    statusReason: 'invoice_overdue',
    statusChangedAt: '2025-03-16T06:00:00.000Z',
    planCode: 'program',
    planName: 'Program',
    planChosen: true,
    currency: 'USD',
    trialEndsOn: '2025-02-01',
    lastRunOn: '2025-03-19',
    billableCourses: 3,
    activeUsers: 7,
    monthlyCents: 5800,
    openCents: 5800,
    ...overrides,
  };
}

export function platformFixture(overrides: Partial<PlatformBilling> = {}): PlatformBilling {
  return {
    today: '2025-03-19',
    mrr: [
      { currency: 'EUR', cents: 19900 },
      { currency: 'USD', cents: 5800 },
    ],
    subscriptions: [
      platformSubscriptionFixture(),
      platformSubscriptionFixture({
        tenant: { id: 't-west', slug: 'west', name: 'West Academy', isActive: true },
        status: 'trialing',
        statusReason: 'trial_started',
        planCode: 'institution',
        planName: 'Institution',
        planChosen: false,
        trialEndsOn: '2025-04-02',
        currency: 'EUR',
        monthlyCents: 19900,
        openCents: 0,
      }),
    ],
    pastDue: [{ ...tenantInvoiceFixture(), balanceCents: 5800, daysOverdue: 4 }],
    ...overrides,
  };
}
