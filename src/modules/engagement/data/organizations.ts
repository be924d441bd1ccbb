import { sql } from 'drizzle-orm';
import type { Tx } from '../../../core/db/client.js';
import { queryRows } from './bulk.js';

/** Organizations by Salesforce id: their id and name (a volunteer's primary organization). */
export async function queryOrganizationNames(
  tx: Tx,
  tenantId: string,
  externalIds: readonly string[],
): Promise<Map<string, { id: string; name: string }>> {
  if (!externalIds.length) return new Map();
  const found = await queryRows<{ external_id: string; id: string; name: string }>(
    tx,
    sql`select external_id, id, name from organizations
        where tenant_id = ${tenantId} and external_id = any(${sql.param(externalIds)}::text[])`,
  );
  return new Map(found.map((r) => [r.external_id, { id: String(r.id), name: r.name }]));
}
