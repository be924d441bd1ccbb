import { getTableColumns, getTableName, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Tx } from '../../../core/db/client.js';
import { queryRows } from '../../../core/db/query-rows.js';

export type UpsertOutcome = 'created' | 'updated' | 'unchanged' | 'skipped';

export interface UpsertedRow {
  /** The row's id; null when the row was `skipped`. */
  id: string | null;
  outcome: UpsertOutcome;
}

type Values<T extends PgTable> = Partial<T['$inferInsert']>;

export interface UpsertSpec {
  /** The unique key the rows are matched on, e.g. (tenant_id, external_id). */
  conflict: readonly PgColumn[];
  /** The column returned as the row's id. */
  id: PgColumn;
  /**
   * A column naming the source record (e.g. external_id) when `conflict` is another key (e.g. a
   * student-event pair): a row whose key belongs to another record is left alone, `skipped`.
   */
  owner?: PgColumn;
  /** Set to now() when a row changes. */
  touch?: PgColumn;
  /** Rows that must not be overwritten (e.g. an admin note protects the row). */
  keepWhen?: SQL;
}

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** One text[] parameter per column: a single statement whatever the batch size. */
function columnArray(column: PgColumn, rows: readonly Record<string, unknown>[], key: string) {
  return sql.param(
    rows.map((row) => {
      const value = row[key];
      if (value === null || value === undefined) return null;
      const driverValue: unknown = column.mapToDriverValue(value);
      return typeof driverValue === 'string' ? driverValue : JSON.stringify(driverValue);
    }),
  );
}

/*
 * Every lookup of a batch against a big table is a LATERAL probe of a unique index, so the plan
 * does not depend on table statistics (PGlite never analyzes; during a long import PostgreSQL's
 * statistics lag behind): a hash join over a sequential scan per batch would make an import
 * quadratic. The `limit 1` keeps the planner from pulling the LATERAL subquery up into a join.
 * Probe keys must arrive typed (the arrays are cast, not their elements): under row-level
 * security only leakproof conditions may use an index, and a text-to-uuid cast is not leakproof,
 * so `id = key::uuid` would read the whole table for every key.
 */

/**
 * Inserts or updates many rows in one statement, matching on `conflict`. Each row is first
 * compared with the stored one (one index probe): unchanged rows are not written at all (not
 * even locked), so a rerun of unchanged data is a read and reports every row `unchanged`.
 * Returns each row's id (null when `skipped`) and outcome, in input order. The rows must have
 * the same keys and no two may share a conflict key.
 */
export async function bulkUpsert<T extends PgTable>(
  tx: Tx,
  table: T,
  rows: readonly Values<T>[],
  spec: UpsertSpec,
): Promise<UpsertedRow[]> {
  const first = rows[0];
  if (!first) return [];
  const tableName = q(getTableName(table));
  const all = getTableColumns(table) as Record<string, PgColumn>;
  const keys = Object.keys(first).filter((key) => all[key]);
  const columns = keys.map((key) => all[key] as PgColumn);
  const conflictNames = new Set(spec.conflict.map((c) => c.name));
  const updated = columns.filter((c) => !conflictNames.has(c.name));
  const names = columns.map((c) => q(c.name)).join(', ');
  const arrays = sql.join(
    columns.map(
      (column, i) =>
        sql`${columnArray(column, rows as Record<string, unknown>[], keys[i] ?? '')}::text[]::${sql.raw(column.getSQLType())}[]`,
    ),
    sql`, `,
  );
  const list = (alias: string) => updated.map((c) => `${alias}.${q(c.name)}`).join(', ');
  const assignments = [
    ...updated.map((c) => `${q(c.name)} = excluded.${q(c.name)}`),
    ...(spec.touch ? [`${q(spec.touch.name)} = now()`] : []),
  ].join(', ');
  const owner = spec.owner ? q(spec.owner.name) : undefined;
  const keep = spec.keepWhen ?? sql`false`;
  const guards = [
    sql.raw(`(${list(tableName)}) is distinct from (${list('excluded')})`),
    ...(owner ? [sql.raw(`${tableName}.${owner} = excluded.${owner}`)] : []),
    sql`not (${keep})`,
  ];
  const action = updated.length
    ? sql`do update set ${sql.raw(assignments)} where ${sql.join(guards, sql` and `)}`
    : sql`do nothing`;
  const conflictList = spec.conflict.map((c) => q(c.name)).join(', ');
  const joinOn = (alias: string, other: string) =>
    spec.conflict.map((c) => `${alias}.${q(c.name)} = ${other}.${q(c.name)}`).join(' and ');
  const id = q(spec.id.name);
  const same = updated.length
    ? `(${list(tableName)}) is not distinct from (${list('input')})`
    : 'true';
  const upserted = await queryRows<{ id: string | null; outcome: UpsertOutcome }>(
    tx,
    sql`
    with input as (
      select ${sql.raw(names)}, ord
      from unnest(${arrays}) with ordinality as u(${sql.raw(names)}, ord)
    ), probe as (
      select input.*, stored.id as stored_id, stored.same, stored.kept, stored.owner as stored_owner
      from input
      left join lateral (
        select ${sql.raw(tableName)}.${sql.raw(id)} as id, ${sql.raw(same)} as same, (${keep}) as kept,
               ${sql.raw(owner ? `${tableName}.${owner}` : 'null::text')} as owner
        from ${sql.raw(tableName)}
        where ${sql.raw(joinOn(tableName, 'input'))}
        limit 1
      ) stored on true
    ), up as (
      insert into ${sql.raw(tableName)} (${sql.raw(names)})
      select ${sql.raw(names)} from probe
      where stored_id is null
         or (not same and not kept ${sql.raw(owner ? `and stored_owner = probe.${owner}` : '')})
      order by ord
      on conflict (${sql.raw(conflictList)}) ${action}
      returning ${sql.raw(id)} as id, ${sql.raw(conflictList)}, (xmax = 0) as inserted
    )
    select case when up.id is not null then up.id
                when ${sql.raw(owner ? `probe.stored_owner is distinct from probe.${owner}` : 'false')} then null
                else probe.stored_id end as id,
           case when up.id is not null then (case when up.inserted then 'created' else 'updated' end)
                when ${sql.raw(owner ? `probe.stored_owner is distinct from probe.${owner}` : 'false')} then 'skipped'
                else 'unchanged' end as outcome
    from probe
    left join up on ${sql.raw(joinOn('up', 'probe'))}
    order by probe.ord`,
  );
  return upserted.map((row) => ({
    id: row.id === null ? null : String(row.id),
    outcome: row.outcome,
  }));
}

/** The rows of an upsert that cannot be skipped (no `owner`), with their ids. */
export function withIds(rows: readonly UpsertedRow[]): { id: string; outcome: UpsertOutcome }[] {
  return rows.map(({ id, outcome }) => {
    if (id === null) throw new Error('The upsert did not return every id');
    return { id, outcome };
  });
}

/** One lookup of `idsByKeys`: rows of `table` by `key`; `where` narrows them (alias `t`). */
export interface Lookup {
  table: PgTable;
  key: PgColumn;
  id: PgColumn;
  keys: Iterable<string | null | undefined>;
  where?: SQL;
}

/**
 * Several key → id lookups (e.g. a batch's sessions and contacts) in one query. `where` is
 * checked on the probed row, not in the probe: as a probe condition (e.g. `kind = 'student'`)
 * it can lead the planner, without statistics, to an index on (tenant, kind, …) that reads
 * every row of that kind for each key.
 */
export async function idsByKeys<K extends string>(
  tx: Tx,
  tenantId: string,
  lookups: Record<K, Lookup>,
): Promise<Record<K, Map<string, string>>> {
  const names = Object.keys(lookups) as K[];
  const result = Object.fromEntries(names.map((n) => [n, new Map<string, string>()])) as Record<
    K,
    Map<string, string>
  >;
  const parts = names.flatMap((name) => {
    const { table, key, id, keys, where = sql`true` } = lookups[name];
    const distinct = [...new Set([...keys].filter((k): k is string => !!k))];
    if (!distinct.length) return [];
    const tenant = (getTableColumns(table) as Record<string, PgColumn>).tenantId;
    if (!tenant) throw new Error(`${getTableName(table)} is not tenant-owned`);
    return [
      sql`select ${name}::text as lookup, w.key, t.id::text as id
          from unnest(${sql.param(distinct)}::text[]) as w(key)
          cross join lateral (
            select t.${sql.raw(q(id.name))} as id, (${where}) as wanted
            from ${sql.raw(q(getTableName(table)))} t
            where t.${sql.raw(q(tenant.name))} = ${tenantId} and t.${sql.raw(q(key.name))} = w.key
            limit 1
          ) t
          where t.wanted`,
    ];
  });
  if (!parts.length) return result;
  const found = await queryRows<{ lookup: K; key: string; id: string }>(
    tx,
    sql.join(parts, sql` union all `),
  );
  for (const row of found) result[row.lookup].set(row.key, row.id);
  return result;
}
