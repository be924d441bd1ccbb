import { and, asc, eq, sql } from 'drizzle-orm';
import { users } from '../../auth/schema.js';
import type { Queryable } from '../../db/client.js';
import { memberships, tenants } from '../../db/schema.js';
import { billingSubscriptions, type SubscriptionStatus } from '../schema.js';

export type SubscriptionRow = typeof billingSubscriptions.$inferSelect;
export type SubscriptionValues = Partial<Omit<SubscriptionRow, 'id' | 'tenantId' | 'createdAt'>>;

/** The tenant's subscription (RLS: only in its tenant's transaction, or a platform read). */
export const findByTenant = async (
  q: Queryable,
  tenantId: string,
): Promise<SubscriptionRow | undefined> =>
  (
    await q.select().from(billingSubscriptions).where(eq(billingSubscriptions.tenantId, tenantId))
  )[0];

/** The same, locked until the transaction ends: billing work on one tenant never interleaves. */
export const lockByTenant = async (
  q: Queryable,
  tenantId: string,
): Promise<SubscriptionRow | undefined> =>
  (
    await q
      .select()
      .from(billingSubscriptions)
      .where(eq(billingSubscriptions.tenantId, tenantId))
      .for('update')
  )[0];

/** Only the status, for the read-only check on every write request. */
export const statusOf = async (q: Queryable, tenantId: string) =>
  (
    await q
      .select({
        status: billingSubscriptions.status,
        statusReason: billingSubscriptions.statusReason,
      })
      .from(billingSubscriptions)
      .where(eq(billingSubscriptions.tenantId, tenantId))
  )[0];

export const insertSubscription = async (
  q: Queryable,
  values: typeof billingSubscriptions.$inferInsert,
): Promise<SubscriptionRow> => {
  const [row] = await q.insert(billingSubscriptions).values(values).returning();
  if (!row) throw new Error('could not create the subscription');
  return row;
};

export const updateSubscription = async (
  q: Queryable,
  id: string,
  values: SubscriptionValues,
): Promise<SubscriptionRow> => {
  const [row] = await q
    .update(billingSubscriptions)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(billingSubscriptions.id, id))
    .returning();
  if (!row) throw new Error('the subscription disappeared');
  return row;
};

/** Takes the next invoice number of the subscription (row-locked, so numbers have no gaps). */
export const takeInvoiceSeq = async (q: Queryable, id: string): Promise<number> => {
  const [row] = await q
    .update(billingSubscriptions)
    .set({ nextInvoiceSeq: sql`${billingSubscriptions.nextInvoiceSeq} + 1` })
    .where(eq(billingSubscriptions.id, id))
    .returning({ taken: sql<number>`${billingSubscriptions.nextInvoiceSeq} - 1` });
  if (!row) throw new Error('the subscription disappeared');
  return row.taken;
};

/** Every subscribed tenant with its timezone and last billing run (a platform read). */
export const listForRun = (q: Queryable) =>
  q
    .select({
      tenantId: billingSubscriptions.tenantId,
      slug: tenants.slug,
      timezone: sql<string | null>`${tenants.settings}->>'timezone'`,
      lastRunOn: billingSubscriptions.lastRunOn,
    })
    .from(billingSubscriptions)
    .innerJoin(tenants, eq(tenants.id, billingSubscriptions.tenantId))
    .orderBy(asc(tenants.slug));

/** Every subscription with its tenant (site admins: a platform read). */
export const listAll = (q: Queryable) =>
  q
    .select({
      subscription: billingSubscriptions,
      tenant: {
        id: tenants.id,
        slug: tenants.slug,
        name: tenants.name,
        isActive: tenants.isActive,
      },
    })
    .from(billingSubscriptions)
    .innerJoin(tenants, eq(tenants.id, billingSubscriptions.tenantId))
    .orderBy(asc(tenants.name));

/** Emails of the tenant's active administrators: who billing notices go to. */
export const billingContacts = async (q: Queryable, tenantId: string): Promise<string[]> =>
  (
    await q
      .select({ email: users.email })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(
        and(
          eq(memberships.tenantId, tenantId),
          eq(memberships.role, 'tenant_admin'),
          eq(memberships.status, 'active'),
          eq(users.status, 'active'),
        ),
      )
      .orderBy(asc(users.email))
  ).map((r) => r.email);

export const RESTRICTED_STATUSES: readonly SubscriptionStatus[] = ['read_only', 'cancelled'];
