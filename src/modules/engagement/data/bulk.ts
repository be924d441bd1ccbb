import { getTableColumns, getTableName, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Tx } from '../../../core/db/client.js';

export type UpsertOutcome = 'created' | 'updated' | 'unchanged';

export interface UpsertedRow {
  id: string;
  outcome: UpsertOutcome;
}

type Values<T extends PgTable> = Partial<T['$inferInsert']>;

export interface UpsertSpec<T extends PgTable> {
  /** The unique key the rows are matched on, e.g. (tenant_id, external_id). */
  conflict: readonly PgColumn[];
  /** The column returned as the row's id. */
  id: PgColumn;
  /** Set to now() when a row changes. */
  touch?: PgColumn;
  /** Rows that must not be overwritten (e.g. an admin note protects the row). */
  keepWhen?: SQL;
  /** Columns that are written on insert only, never updated. */
  insertOnly?: readonly (keyof T['$inferInsert'])[];
}

/** Runs a raw query; both drivers (PGlite, node-postgres) answer with `{ rows }`. */
export async function queryRows<R>(tx: Tx, query: SQL): Promise<R[]> {
  const result = (await tx.execute(query)) as unknown as { rows: R[] };
  return result.rows;
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

/**
 * Inserts or updates many rows in one statement, matching on `conflict`. A row is only updated
 * when one of its written columns differs (`is distinct from`), so a rerun of unchanged data
 * reports every row `unchanged`. Returns each row's id and outcome, in input order. The rows must
 * have the same keys and no two may share a conflict key.
 */
export async function bulkUpsert<T extends PgTable>(
  tx: Tx,
  table: T,
  rows: readonly Values<T>[],
  spec: UpsertSpec<T>,
): Promise<UpsertedRow[]> {
  const first = rows[0];
  if (!first) return [];
  const tableName = q(getTableName(table));
  const all = getTableColumns(table) as Record<string, PgColumn>;
  const keys = Object.keys(first).filter((key) => all[key]);
  const columns = keys.map((key) => all[key] as PgColumn);
  const conflictNames = new Set(spec.conflict.map((c) => c.name));
  const insertOnly = new Set<string>(spec.insertOnly as string[] | undefined);
  const updated = columns.filter((c, i) => !conflictNames.has(c.name) && !insertOnly.has(keys[i] ?? ''));
  const names = columns.map((c) => q(c.name)).join(', ');
  const arrays = sql.join(
    columns.map((column, i) => sql`${columnArray(column, rows as Record<string, unknown>[], keys[i] ?? '')}::text[]`),
    sql`, `,
  );
  const typed = columns.map((c) => `${q(c.name)}::${c.getSQLType()} as ${q(c.name)}`).join(', ');
  const assignments = [
    ...updated.map((c) => `${q(c.name)} = excluded.${q(c.name)}`),
    ...(spec.touch ? [`${q(spec.touch.name)} = now()`] : []),
  ].join(', ');
  const changed = `(${updated.map((c) => `${tableName}.${q(c.name)}`).join(', ')})
    is distinct from (${updated.map((c) => `excluded.${q(c.name)}`).join(', ')})`;
  const where = spec.keepWhen
    ? sql`${sql.raw(changed)} and not (${spec.keepWhen})`
    : sql.raw(changed);
  const action = updated.length
    ? sql`do update set ${sql.raw(assignments)} where ${where}`
    : sql`do nothing`;
  const conflictList = spec.conflict.map((c) => q(c.name)).join(', ');
  const joinOn = (alias: string) =>
    spec.conflict.map((c) => `${alias}.${q(c.name)} = input.${q(c.name)}`).join(' and ');
  const id = q(spec.id.name);
  const upserted = await queryRows<{ id: string; outcome: UpsertOutcome }>(
    tx,
    sql`
    with input as (
      select ${sql.raw(typed)}, ord
      from unnest(${arrays}) with ordinality as u(${sql.raw(names)}, ord)
    ), up as (
      insert into ${sql.raw(tableName)} (${sql.raw(names)})
      select ${sql.raw(names)} from input order by ord
      on conflict (${sql.raw(conflictList)}) ${action}
      returning ${sql.raw(id)} as id, ${sql.raw(conflictList)}, (xmax = 0) as inserted
    )
    select coalesce(up.id, existing.${sql.raw(id)}) as id,
           case when up.id is null then 'unchanged' when up.inserted then 'created' else 'updated' end as outcome
    from input
    left join up on ${sql.raw(joinOn('up'))}
    left join ${sql.raw(tableName)} existing on ${sql.raw(joinOn('existing'))}
    order by input.ord`,
  );
  return upserted.map((row) => ({ id: String(row.id), outcome: row.outcome }));
}

/** Ids of the rows with the given keys (e.g. Salesforce ids → ids), in one query. */
export async function idsByKey(
  tx: Tx,
  table: PgTable,
  tenantId: string,
  keyColumn: PgColumn,
  idColumn: PgColumn,
  keys: Iterable<string>,
): Promise<Map<string, string>> {
  const distinct = [...new Set(keys)];
  if (!distinct.length) return new Map();
  const tenant = (getTableColumns(table) as Record<string, PgColumn>).tenantId;
  if (!tenant) throw new Error(`${getTableName(table)} is not tenant-owned`);
  const found = await queryRows<{ key: string; id: string }>(
    tx,
    sql`
    select ${keyColumn} as key, ${idColumn} as id from ${table}
    where ${tenant} = ${tenantId} and ${keyColumn} = any(${sql.param(distinct)}::text[])`,
  );
  return new Map(found.map((row) => [row.key, String(row.id)]));
}
