import { sql } from 'drizzle-orm';
import { APP_ROLE } from './app-role.js';
import type { Db, Tx } from './client.js';

export interface TxScope {
  /** The tenant whose rows this unit of work may see; omit for platform-level work. */
  tenantId?: string;
  /** The signed-in user: policies let a user see their own rows (e.g. their memberships). */
  userId?: string;
  /** Site-admin reads across tenants (only where a policy allows it, e.g. the audit log). */
  allTenants?: boolean;
}

/**
 * Runs a unit of work in one transaction, as the application role, with the tenant set for
 * row-level security. Every application query goes through here.
 */
export async function tx<T>(db: Db, scope: TxScope, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (t) => {
    // set_config('role', …, true) is SET LOCAL ROLE: one round trip for the whole scope.
    await t.execute(
      sql`select set_config('app.tenant_id', ${scope.tenantId ?? ''}, true),
                 set_config('app.user_id', ${scope.userId ?? ''}, true),
                 set_config('app.all_tenants', ${scope.allTenants ? 'on' : 'off'}, true),
                 set_config('role', ${APP_ROLE}, true)`,
    );
    return work(t);
  });
}

/** Moves an open transaction into a tenant, e.g. right after creating that tenant. */
export async function enterTenant(t: Tx, tenantId: string): Promise<void> {
  await t.execute(sql`select set_config('app.tenant_id', ${tenantId}, true)`);
}
