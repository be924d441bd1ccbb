import type { AuditContext } from '../audit/service.js';
import type { Db, Queryable } from '../db/client.js';
import type { EmailSender } from '../email/sender.js';
import { NotFoundError } from '../errors.js';
import { DEFAULT_TIMEZONE } from '../reports/cache.js';
import { findById as findTenant, type TenantRow } from '../tenants/data.js';
import { dayIn } from './dates.js';
import type { PaymentProviders } from './providers.js';
import type { RegisteredUsageSource } from './usage-source.js';

/** What the billing services need; built once by the composition root. */
export interface BillingDeps {
  db: Db;
  emailSender: EmailSender;
  /** Public address, for links in notices. */
  baseUrl: string;
  usageSources: readonly RegisteredUsageSource[];
  providers: PaymentProviders;
}

/** Counts what one unit of billing work queued, for the run's summary. */
export interface Tally {
  emails: number;
}

/** The audit context of work the billing run does on its own. */
export const systemActor = (tenantId: string): AuditContext => ({
  tenantId,
  actor: { type: 'system' },
});

export async function loadTenant(q: Queryable, tenantId: string): Promise<TenantRow> {
  const tenant = await findTenant(q, tenantId);
  if (!tenant) throw new NotFoundError('Tenant');
  return tenant;
}

/** Today in the tenant's timezone (DOMAIN.md §1.1: Chicago unless set). */
export const todayOf = (tenant: TenantRow, now = new Date()): string =>
  dayIn(tenant.settings.timezone ?? DEFAULT_TIMEZONE, now);
