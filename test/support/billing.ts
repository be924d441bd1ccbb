import { and, eq, sql } from 'drizzle-orm';
import { billingDeps } from '../../src/core/billing/system.js';
import type { BillingDeps } from '../../src/core/billing/context.js';
import { addDays, dayIn } from '../../src/core/billing/dates.js';
import type { Database } from '../../src/core/db/client.js';
import { users } from '../../src/core/db/schema.js';
import { outboxEmailSender } from '../../src/core/email/sender.js';
import {
  courses,
  instructors,
  offerings,
  sections,
  terms,
} from '../../src/modules/outcomes/schema.js';
import { modules } from '../../src/modules/registry.js';
import { TEST_BASE_URL } from './app.js';
import { rows } from './identity.js';

/** The first row of a result, which must be there. */
export function first<T>(list: readonly T[]): T {
  const [row] = list;
  if (row === undefined) throw new Error('expected a row');
  return row;
}

/** Today in the default tenant timezone: the day services use for a tenant without a setting. */
export const today = () => dayIn('America/Chicago');
export const inDays = (n: number) => addDays(today(), n);

/** Billing's dependencies on a test database, with the shipped modules' usage counters. */
export const testBillingDeps = (database: Database): BillingDeps =>
  billingDeps({
    db: database.db,
    emailSender: outboxEmailSender(),
    baseUrl: TEST_BASE_URL,
    modules,
  });

/**
 * Outcomes data written as the database owner (fast fixtures): a term, a course and a section
 * taught by an account. Returns the ids.
 */
export function outcomesFixture(database: Database, tenantId: string) {
  const { db } = database;
  return {
    async term(code: string, startDate: string, endDate: string) {
      return first(
        await db
          .insert(terms)
          .values({ tenantId, code, name: code, startDate, endDate })
          .returning(),
      ).id;
    },
    async course(number: string) {
      return first(await db.insert(courses).values({ tenantId, number }).returning()).id;
    },
    async instructor(email: string | null, name = email ?? 'No Email') {
      const user = email
        ? (await db.select({ id: users.id }).from(users).where(eq(users.email, email)))[0]
        : undefined;
      return first(
        await db
          .insert(instructors)
          .values({ tenantId, name, email, userId: user?.id ?? null })
          .returning(),
      ).id;
    },
    /** A section of `courseId` in `termId` (the offering made on first use). */
    async section(courseId: string, termId: string, instructorId: string | null = null) {
      const existing = await db
        .select({ id: offerings.id })
        .from(offerings)
        .where(and(eq(offerings.courseId, courseId), eq(offerings.termId, termId)));
      const offering =
        existing[0] ??
        first(await db.insert(offerings).values({ tenantId, courseId, termId }).returning());
      const { n } = first(
        await rows<{ n: number }>(
          database,
          sql`select count(*)::int as n from sections where offering_id = ${offering.id}`,
        ),
      );
      return first(
        await db
          .insert(sections)
          .values({
            tenantId,
            offeringId: offering.id,
            number: String(n + 1).padStart(3, '0'),
            instructorId,
          })
          .returning(),
      ).id;
    },
  };
}

/** Counts of billing rows and billing emails, to compare before and after a rerun. */
export async function billingCounts(database: Database) {
  const counts = await rows<Record<string, number>>(
    database,
    sql`select
      (select count(*)::int from billing_usage_snapshots) as snapshots,
      (select count(*)::int from billing_invoices) as invoices,
      (select count(*)::int from billing_invoice_lines) as lines,
      (select count(*)::int from billing_payments) as payments,
      (select count(*)::int from billing_notices) as notices,
      (select count(*)::int from email_outbox where template like 'billing-%') as emails,
      (select count(*)::int from audit_log where action like 'core.%' and
        (action like 'core.subscription.%' or action like 'core.invoice.%' or action like 'core.payment.%')) as audits`,
  );
  return first(counts);
}

/** Billing emails in the outbox: template and recipient, in order. */
export const billingEmails = (database: Database, tenantId?: string) =>
  rows<{ template: string; to: string; subject: string; text: string }>(
    database,
    sql`select template, "to", subject, text from email_outbox
        where template like 'billing-%' ${tenantId ? sql`and tenant_id = ${tenantId}` : sql``}
        order by created_at, id`,
  );

/** Audit records of billing actions, oldest first. */
export const billingAudit = (database: Database, tenantId: string) =>
  rows<{
    action: string;
    changes: Record<string, [unknown, unknown]> | null;
    meta: Record<string, unknown> | null;
    actor_type: string;
  }>(
    database,
    sql`select action, changes, meta, actor_type from audit_log
        where tenant_id = ${tenantId} and (action like 'core.subscription.%'
          or action like 'core.invoice.%' or action like 'core.payment.%')
        order by occurred_at, id`,
  );
