import { sql } from 'drizzle-orm';
import { pgPolicy, pgRole, uuid } from 'drizzle-orm/pg-core';

/** The non-owner, non-superuser role every application query runs under, so RLS applies. */
export const APP_ROLE = 'eduledger_app';
export const appRole = pgRole(APP_ROLE).existing();

const currentTenant = sql`nullif(current_setting('app.tenant_id', true), '')::uuid`;

/** The tenant_id column of a tenant-owned table. */
export const tenantIdColumn = () => uuid('tenant_id').notNull();

/**
 * Row-level security of a tenant-owned table: rows are visible and writable only in their
 * tenant's transaction; a site admin's platform transaction (`allTenants`) may read them all.
 */
export const tenantIsolation = () => [
  pgPolicy('tenant_isolation', {
    as: 'permissive',
    for: 'all',
    to: appRole,
    using: sql`tenant_id = ${currentTenant}`,
    withCheck: sql`tenant_id = ${currentTenant}`,
  }),
  pgPolicy('platform_read', {
    as: 'permissive',
    for: 'select',
    to: appRole,
    using: sql`current_setting('app.all_tenants', true) = 'on'`,
  }),
];
