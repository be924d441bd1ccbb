import { sql } from 'drizzle-orm';
import type { Tx } from '../../../core/db/client.js';
import type { FlagEntityType, FlagIssue } from '../enums.js';
import { queryRows } from '../../../core/db/query-rows.js';

export interface FlagItem {
  externalId: string;
  entityId?: string | null;
  details?: string;
}

const ids = (items: readonly FlagItem[]) => sql.param(items.map((i) => i.externalId));
const entityIds = (items: readonly FlagItem[]) => sql.param(items.map((i) => i.entityId ?? null));

/**
 * Opens one flag per record (idempotent: an open flag is refreshed, a resolved one reopens, a
 * dismissed one stays dismissed).
 */
export async function openFlags(
  tx: Tx,
  tenantId: string,
  entityType: FlagEntityType,
  issue: FlagIssue,
  items: readonly FlagItem[],
): Promise<void> {
  if (!items.length) return;
  const distinct = [...new Map(items.map((i) => [i.externalId, i])).values()];
  await tx.execute(sql`
    insert into data_quality_flags (tenant_id, entity_type, entity_id, entity_external_id, issue, details)
    select ${tenantId}, ${entityType}, u.entity_id::uuid, u.external_id, ${issue}, u.details
    from unnest(${ids(distinct)}::text[], ${entityIds(distinct)}::text[], ${sql.param(
      distinct.map((i) => i.details ?? ''),
    )}::text[]) as u(external_id, entity_id, details)
    on conflict (tenant_id, entity_type, entity_external_id, issue) do update
      set status = 'open', details = excluded.details, resolved_at = null, updated_at = now(),
          entity_id = coalesce(excluded.entity_id, data_quality_flags.entity_id)
      where data_quality_flags.status = 'resolved'
         or (data_quality_flags.status = 'open'
             and (data_quality_flags.details, data_quality_flags.entity_id)
                 is distinct from (excluded.details, coalesce(excluded.entity_id, data_quality_flags.entity_id)))`);
}

/** Resolves the open flags of these records (a later import fixed them); returns how many. */
export async function resolveFlags(
  tx: Tx,
  tenantId: string,
  entityType: FlagEntityType,
  issue: FlagIssue,
  items: readonly FlagItem[],
): Promise<number> {
  if (!items.length) return 0;
  const resolved = await queryRows<{ id: string }>(
    tx,
    sql`
    update data_quality_flags f
    set status = 'resolved', resolved_at = now(), updated_at = now(),
        entity_id = coalesce(u.entity_id::uuid, f.entity_id)
    from unnest(${ids(items)}::text[], ${entityIds(items)}::text[]) as u(external_id, entity_id)
    where f.tenant_id = ${tenantId} and f.entity_type = ${entityType} and f.issue = ${issue}
      and f.entity_external_id = u.external_id and f.status = 'open'
    returning f.id`,
  );
  return resolved.length;
}
