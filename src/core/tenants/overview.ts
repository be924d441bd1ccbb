import type { Db, Queryable } from '../db/client.js';
import { tx } from '../db/tx.js';
import * as tenantsData from './data.js';

/** One count a module shows per tenant on the site admins' overview (e.g. programs). */
export interface TenantMetric {
  key: string;
  label: string;
}

/** What a module adds to the overview of tenants: its counts, read across every tenant. */
export interface TenantMetrics {
  metrics: readonly TenantMetric[];
  /** Each tenant's counts by metric key; a tenant without a row counts 0 (read across tenants). */
  count: (q: Queryable) => Promise<readonly ({ tenantId: string } & Record<string, unknown>)[]>;
}

/** A module's metrics, named by the module (its counts apply to tenants that have it on). */
export interface ModuleTenantMetrics extends TenantMetrics {
  module: string;
}

/**
 * Every tenant with its members and the counts of the modules it uses (null for a module it does
 * not use), for site admins.
 */
export const tenantsOverview = (db: Db, sources: readonly ModuleTenantMetrics[]) =>
  tx(db, { allTenants: true }, async (q) => {
    const tenants = await tenantsData.listWithCounts(q);
    const counted = new Map<string, Map<string, Record<string, unknown>>>();
    for (const source of sources) {
      const rows = await source.count(q);
      counted.set(source.module, new Map(rows.map((row) => [row.tenantId, row])));
    }
    const numberOf = (value: unknown) => (typeof value === 'number' ? value : Number(value ?? 0));
    return {
      metrics: sources.flatMap((source) =>
        source.metrics.map((metric) => ({ ...metric, module: source.module })),
      ),
      items: tenants.map(({ members, ...tenant }) => ({
        ...tenant,
        users: members,
        counts: Object.fromEntries(
          sources.flatMap((source) =>
            source.metrics.map(({ key }): [string, number | null] => [
              key,
              tenant.modules.includes(source.module)
                ? numberOf(counted.get(source.module)?.get(tenant.id)?.[key])
                : null,
            ]),
          ),
        ),
      })),
    };
  });
