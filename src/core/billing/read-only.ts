import type { FastifyRequest } from 'fastify';
import type { Db, Queryable } from '../db/client.js';
import { tx } from '../db/tx.js';
import { AppError } from '../errors.js';
import { statusOf } from './data/subscriptions.js';
import { isRestricted } from './lifecycle.js';
import { BILLING_PAGE_PATH } from './policy.js';
import type { SubscriptionStatus } from './schema.js';

/** Methods that only read: always allowed. */
const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The write routes a read-only tenant keeps (`METHOD url` as registered): switching tenant or
 * narrowing to a program, signing out a session, and the billing routes that restore access (choose a plan, pay).
 * Sign-in and sign-out themselves are public routes, outside any tenant. Platform
 * administration (`manage Platform`) is not a tenant's write and is never blocked.
 */
export const WRITES_ALLOWED_WHEN_READ_ONLY: ReadonlySet<string> = new Set([
  'PUT /api/me/active-tenant',
  'PUT /api/outcomes/active-program',
  'DELETE /api/me/sessions/:id',
  'PUT /api/billing/plan',
  'POST /api/billing/invoices/:id/pay',
]);

const WHY: Record<string, string> = {
  trial_ended: 'its trial has ended',
  invoice_unpaid: 'an invoice is unpaid',
  cancelled: 'its subscription is cancelled',
};

/** 402: the tenant is read-only; the message says why and where to fix it. */
export class TenantReadOnlyError extends AppError {
  constructor(tenantName: string, status: SubscriptionStatus, reason: string | null) {
    const why = WHY[reason ?? ''] ?? (status === 'cancelled' ? WHY.cancelled : 'of its billing');
    super(
      402,
      'tenant_read_only',
      `${tenantName} is read-only because ${why}: everything stays readable and exportable, ` +
        `but nothing can be changed until a plan is chosen and paid on the Billing page (${BILLING_PAGE_PATH}).`,
      [{ path: 'billing', message: BILLING_PAGE_PATH }],
    );
  }
}

/** Whether a request is a write that a read-only tenant refuses (before looking at the tenant). */
export function isGuardedWrite(request: FastifyRequest): boolean {
  if (READS.has(request.method)) return false;
  const permission = request.routeOptions.config.permission;
  if (permission === undefined || permission === 'public') return false;
  if (Array.isArray(permission) && permission[1] === 'Platform') return false;
  return !WRITES_ALLOWED_WHEN_READ_ONLY.has(`${request.method} ${request.routeOptions.url}`);
}

/** Whether the tenant's data may change (no subscription: not billed, so yes). */
export async function tenantIsWritable(q: Queryable, tenantId: string): Promise<boolean> {
  const subscription = await statusOf(q, tenantId);
  return !subscription || !isRestricted(subscription.status);
}

/**
 * The one read-only check (DOMAIN.md §1.7), run by the route guard after the caller is
 * authorized: a write in a tenant whose subscription is read-only or cancelled answers 402.
 * (Work that starts without a request — scheduled imports — asks `tenantIsWritable`.)
 */
export async function assertTenantWritable(db: Db, request: FastifyRequest): Promise<void> {
  const tenant = request.ctx.tenant;
  if (!tenant || !isGuardedWrite(request)) return;
  const subscription = await tx(db, { tenantId: tenant.id }, (q) => statusOf(q, tenant.id));
  if (subscription && isRestricted(subscription.status)) {
    throw new TenantReadOnlyError(tenant.name, subscription.status, subscription.statusReason);
  }
}
