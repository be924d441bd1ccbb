import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../auth/schema.js';
import { tenantIdColumn, tenantIsolation } from '../db/app-role.js';
import { tenants } from '../db/schema.js';

/*
 * Billing (DOMAIN.md §1.7). Amounts are integer minor units (cents) of the tenant's currency;
 * days are calendar days (`YYYY-MM-DD`) in the tenant's timezone.
 */

export const SUBSCRIPTION_STATUSES = [
  'trialing',
  'active',
  'past_due',
  'read_only',
  'cancelled',
] as const;
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number];

export const INVOICE_STATUSES = ['open', 'paid', 'void'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

export const INVOICE_LINE_KINDS = ['base', 'courses'] as const;
export type InvoiceLineKind = (typeof INVOICE_LINE_KINDS)[number];

const tenantId = () => tenantIdColumn().references(() => tenants.id, { onDelete: 'cascade' });
const day = (name: string) => date(name, { mode: 'string' });
const moment = (name: string) => timestamp(name, { withTimezone: true });
const cents = (name: string) => integer(name);

/**
 * The plans on offer (seeded: free, program, institution). A platform catalog, not tenant-owned:
 * everyone reads it, only site admins change it (through the billing service).
 */
export const billingPlans = pgTable(
  'billing_plans',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    /** Monthly base price. */
    basePriceCents: cents('base_price_cents').notNull(),
    /** Monthly price per billable course. */
    coursePriceCents: cents('course_price_cents').notNull(),
    /** Whether a tenant admin may choose it; other plans are assigned by a site admin. */
    selfServe: boolean('self_serve').notNull().default(true),
    sortOrder: integer('sort_order').notNull().default(0),
    updatedAt: moment('updated_at').notNull().defaultNow(),
  },
  () => [check('billing_plans_prices_ck', sql`base_price_cents >= 0 and course_price_cents >= 0`)],
);

/** A tenant's subscription (one per tenant) and where it is in the lifecycle of §1.7. */
export const billingSubscriptions = pgTable(
  'billing_subscriptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantId(),
    planCode: text('plan_code')
      .notNull()
      .references(() => billingPlans.code),
    status: text('status', { enum: SUBSCRIPTION_STATUSES }).notNull(),
    /** Why the last transition happened (e.g. `trial_ended`, `invoice_overdue`). */
    statusReason: text('status_reason'),
    statusChangedAt: moment('status_changed_at').notNull().defaultNow(),
    /** ISO 4217 code; invoices are issued in it. */
    currency: text('currency').notNull().default('USD'),
    trialStartedOn: day('trial_started_on'),
    /** The first day after the trial. */
    trialEndsOn: day('trial_ends_on'),
    /** When the tenant confirmed its plan; a trial without one ends read-only. */
    planChosenAt: moment('plan_chosen_at'),
    /** Day of the month periods start on (clamped to short months). */
    anchorDay: integer('anchor_day'),
    /** The first day of the next period to invoice; null while nothing is billed. */
    nextPeriodStart: day('next_period_start'),
    /** The payment provider that collects this tenant's invoices (`manual` built in). */
    paymentProvider: text('payment_provider').notNull().default('manual'),
    /** The tenant's customer id at that provider (e.g. a Stripe customer). */
    providerCustomerRef: text('provider_customer_ref'),
    /** The number of the next invoice, per tenant (gapless: taken in the invoicing transaction). */
    nextInvoiceSeq: integer('next_invoice_seq').notNull().default(1),
    /** The latest day the billing run has processed for this tenant. */
    lastRunOn: day('last_run_on'),
    createdAt: moment('created_at').notNull().defaultNow(),
    updatedAt: moment('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('billing_subscriptions_tenant_uq').on(t.tenantId),
    check('billing_subscriptions_currency_ck', sql`currency ~ '^[A-Z]{3}$'`),
    ...tenantIsolation(),
  ],
).enableRLS();

/** Usage of one tenant on one day (§1.7): billable courses and active users. */
export const billingUsageSnapshots = pgTable(
  'billing_usage_snapshots',
  {
    tenantId: tenantId(),
    day: day('day').notNull(),
    billableCourses: integer('billable_courses').notNull(),
    activeUsers: integer('active_users').notNull(),
    computedAt: moment('computed_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.day] }), ...tenantIsolation()],
).enableRLS();

/** A monthly invoice of a subscription, billed in advance for [periodStart, periodEnd). */
export const billingInvoices = pgTable(
  'billing_invoices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantId(),
    subscriptionId: uuid('subscription_id')
      .notNull()
      .references(() => billingSubscriptions.id, { onDelete: 'cascade' }),
    /** `SLUG-0001`: unique, numbered per tenant without gaps. */
    number: text('number').notNull(),
    status: text('status', { enum: INVOICE_STATUSES }).notNull().default('open'),
    planCode: text('plan_code').notNull(),
    currency: text('currency').notNull(),
    periodStart: day('period_start').notNull(),
    /** Exclusive. */
    periodEnd: day('period_end').notNull(),
    issuedOn: day('issued_on').notNull(),
    dueOn: day('due_on').notNull(),
    totalCents: cents('total_cents').notNull(),
    paidAt: moment('paid_at'),
    voidedAt: moment('voided_at'),
    createdAt: moment('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('billing_invoices_number_uq').on(t.number),
    // One live invoice per period: what makes the billing run idempotent.
    uniqueIndex('billing_invoices_period_uq')
      .on(t.subscriptionId, t.periodStart)
      .where(sql`status <> 'void'`),
    index('billing_invoices_tenant_issued_idx').on(t.tenantId, t.issuedOn),
    index('billing_invoices_issued_idx').on(t.issuedOn),
    check('billing_invoices_total_ck', sql`total_cents >= 0`),
    ...tenantIsolation(),
  ],
).enableRLS();

/** The lines of an invoice: the base price, and billable courses × the course price. */
export const billingInvoiceLines = pgTable(
  'billing_invoice_lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantId(),
    invoiceId: uuid('invoice_id')
      .notNull()
      .references(() => billingInvoices.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    kind: text('kind', { enum: INVOICE_LINE_KINDS }).notNull(),
    description: text('description').notNull(),
    quantity: integer('quantity').notNull(),
    unitPriceCents: cents('unit_price_cents').notNull(),
    amountCents: cents('amount_cents').notNull(),
  },
  (t) => [
    uniqueIndex('billing_invoice_lines_position_uq').on(t.invoiceId, t.position),
    check('billing_invoice_lines_amount_ck', sql`amount_cents = quantity * unit_price_cents`),
    ...tenantIsolation(),
  ],
).enableRLS();

/** A payment received for an invoice, recorded by a payment provider (or an admin: `manual`). */
export const billingPayments = pgTable(
  'billing_payments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantId(),
    invoiceId: uuid('invoice_id')
      .notNull()
      .references(() => billingInvoices.id, { onDelete: 'cascade' }),
    amountCents: cents('amount_cents').notNull(),
    currency: text('currency').notNull(),
    provider: text('provider').notNull(),
    /** The provider's id of the payment (a webhook delivered twice records it once). */
    providerRef: text('provider_ref'),
    receivedOn: day('received_on').notNull(),
    recordedById: uuid('recorded_by_id').references(() => users.id, { onDelete: 'set null' }),
    note: text('note'),
    createdAt: moment('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('billing_payments_provider_ref_uq')
      .on(t.provider, t.providerRef)
      .where(sql`provider_ref is not null`),
    index('billing_payments_tenant_received_idx').on(t.tenantId, t.receivedOn),
    index('billing_payments_received_idx').on(t.receivedOn),
    index('billing_payments_invoice_idx').on(t.invoiceId),
    check('billing_payments_amount_ck', sql`amount_cents > 0`),
    ...tenantIsolation(),
  ],
).enableRLS();

/** Billing emails already queued (trial days 14/21/28, read-only, payment due): each once. */
export const billingNotices = pgTable(
  'billing_notices',
  {
    tenantId: tenantId(),
    subscriptionId: uuid('subscription_id')
      .notNull()
      .references(() => billingSubscriptions.id, { onDelete: 'cascade' }),
    /** e.g. `trial-day-14:2025-03-01` (the trial's start), `read-only:<transition time>`. */
    key: text('key').notNull(),
    /** false: the notice was due but a later one superseded it (the run missed its day). */
    sent: boolean('sent').notNull().default(true),
    createdAt: moment('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.subscriptionId, t.key] }), ...tenantIsolation()],
).enableRLS();
