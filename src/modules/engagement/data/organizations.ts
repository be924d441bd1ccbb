import { sql } from 'drizzle-orm';
import type { Tx } from '../../../core/db/client.js';
import { queryRows } from '../../../core/db/query-rows.js';

/** Organizations by Salesforce id: their id and name (a volunteer's primary organization). */
export async function queryOrganizationNames(
  tx: Tx,
  tenantId: string,
  externalIds: readonly string[],
): Promise<Map<string, { id: string; name: string }>> {
  if (!externalIds.length) return new Map();
  const found = await queryRows<{ external_id: string; id: string; name: string }>(
    tx,
    sql`select o.external_id, o.id, o.name
        from unnest(${sql.param(externalIds)}::text[]) as w(external_id)
        cross join lateral (
          select * from organizations t where t.tenant_id = ${tenantId} and t.external_id = w.external_id
          limit 1
        ) o`,
  );
  return new Map(found.map((r) => [r.external_id, { id: String(r.id), name: r.name }]));
}
