import { sql } from 'drizzle-orm';
import type { Queryable } from '../db/client.js';
import { queryRows } from '../db/query-rows.js';

/** A part of a tenant's pipeline, e.g. (tenant, `engagement`, `volunteers`). */
export interface PartRef {
  tenantId: string;
  pipeline: string;
  part: string;
}

/**
 * Drops the part's row groups of other fingerprints (imported before a part they reference
 * changed: never matched again) and tells whether any group is left.
 */
export async function pruneRowGroups(
  q: Queryable,
  ref: PartRef,
  fingerprint: string,
): Promise<boolean> {
  await q.execute(sql`
    delete from import_row_groups
    where tenant_id = ${ref.tenantId} and pipeline = ${ref.pipeline} and part = ${ref.part}
      and fingerprint <> ${fingerprint}`);
  const [row] = await queryRows<{ found: boolean }>(
    q,
    sql`
    select exists (
      select 1 from import_row_groups
      where tenant_id = ${ref.tenantId} and pipeline = ${ref.pipeline} and part = ${ref.part}
    ) as found`,
  );
  return row?.found ?? false;
}

/**
 * Which of the group `hashes` the part imported before. Each hash is a probe of the primary key,
 * so the plan does not depend on table statistics (see engagement's bulk upsert).
 */
export async function knownRowGroups(
  q: Queryable,
  ref: PartRef,
  hashes: readonly string[],
): Promise<Set<string>> {
  if (!hashes.length) return new Set();
  const found = await queryRows<{ hash: string }>(
    q,
    sql`
    select w.hash
    from unnest(${sql.param(hashes)}::text[]) as w(hash)
    cross join lateral (
      select 1 from import_row_groups g
      where g.tenant_id = ${ref.tenantId} and g.pipeline = ${ref.pipeline}
        and g.part = ${ref.part} and g.hash = w.hash
      limit 1
    ) g`,
  );
  return new Set(found.map((r) => r.hash));
}

/** Saves the groups just imported (distinct hashes). */
export async function saveRowGroups(
  q: Queryable,
  ref: PartRef,
  fingerprint: string,
  hashes: readonly string[],
): Promise<void> {
  if (!hashes.length) return;
  await q.execute(sql`
    insert into import_row_groups (tenant_id, pipeline, part, hash, fingerprint)
    select ${ref.tenantId}, ${ref.pipeline}, ${ref.part}, h, ${fingerprint}
    from unnest(${sql.param(hashes)}::text[]) as h
    on conflict do nothing`);
}

/** The generation of each of `parts` (0 for a part never changed). */
export async function partGenerations(
  q: Queryable,
  ref: Omit<PartRef, 'part'>,
  parts: readonly string[],
): Promise<Map<string, number>> {
  const generations = new Map(parts.map((part) => [part, 0]));
  if (!parts.length) return generations;
  const rows = await queryRows<{ part: string; generation: string | number }>(
    q,
    sql`
    select part, generation from import_part_generations
    where tenant_id = ${ref.tenantId} and pipeline = ${ref.pipeline}
      and part = any(${sql.param(parts)}::text[])`,
  );
  for (const row of rows) {
    generations.set(row.part, Number(row.generation));
  }
  return generations;
}

/** Marks a part as changed: rows that reference it are imported again. */
export async function bumpPartGeneration(q: Queryable, ref: PartRef): Promise<void> {
  await q.execute(sql`
    insert into import_part_generations (tenant_id, pipeline, part, generation)
    values (${ref.tenantId}, ${ref.pipeline}, ${ref.part}, 1)
    on conflict (tenant_id, pipeline, part)
    do update set generation = import_part_generations.generation + 1`);
}

/** A pseudo-part every tracked part references: changes made in the application. */
export const LOCAL_CHANGES = 'local-changes';

/**
 * Forgets what a tenant's pipeline imported, so its next run reads every row again (e.g. after
 * records were edited or deleted in the application): one update, whatever the number of rows.
 */
export const forgetImportedRows = (q: Queryable, ref: Omit<PartRef, 'part'>): Promise<void> =>
  bumpPartGeneration(q, { ...ref, part: LOCAL_CHANGES });
