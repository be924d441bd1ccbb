import { and, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../db/client.js';
import { reportCache, reportCacheRows, reportGenerations, reportSettings } from './schema.js';
import type { CellType, ReportRow } from './types.js';

/** The tenant-wide invalidation counter's report name. */
const ALL_REPORTS = '';
const ROW_CHUNK = 5_000;

export interface Generations {
  tenant: number;
  report: number;
}

export interface CacheEntry {
  id: string;
  filters: Record<string, unknown>;
  summary: Record<string, unknown>;
  rowCount: number;
  computedAt: Date;
}

const entryColumns = {
  id: reportCache.id,
  filters: reportCache.filters,
  summary: reportCache.summary,
  rowCount: reportCache.rowCount,
  computedAt: reportCache.computedAt,
};

export async function currentGenerations(
  q: Queryable,
  tenantId: string,
  report: string,
): Promise<Generations> {
  const [row] = await q
    .select({
      tenant: sql<number>`coalesce(max(${reportGenerations.generation}) filter (where ${reportGenerations.report} = ${ALL_REPORTS}), 0)::int`,
      report: sql<number>`coalesce(max(${reportGenerations.generation}) filter (where ${reportGenerations.report} = ${report}), 0)::int`,
    })
    .from(reportGenerations)
    .where(
      and(
        eq(reportGenerations.tenantId, tenantId),
        inArray(reportGenerations.report, [ALL_REPORTS, report]),
      ),
    );
  return row ?? { tenant: 0, report: 0 };
}

/** The entry for this key, if it was computed under the current generations. */
export async function findFreshEntry(
  q: Queryable,
  tenantId: string,
  report: string,
  cacheKey: string,
): Promise<CacheEntry | undefined> {
  const generation = (name: string) =>
    sql`coalesce((select g.generation from report_generations g where g.tenant_id = ${tenantId} and g.report = ${name}), 0)`;
  const [entry] = await q
    .select(entryColumns)
    .from(reportCache)
    .where(
      and(
        eq(reportCache.tenantId, tenantId),
        eq(reportCache.report, report),
        eq(reportCache.cacheKey, cacheKey),
        sql`${reportCache.tenantGeneration} = ${generation(ALL_REPORTS)}`,
        sql`${reportCache.reportGeneration} = ${generation(report)}`,
      ),
    );
  return entry;
}

export interface NewEntry {
  tenantId: string;
  report: string;
  cacheKey: string;
  filters: Record<string, unknown>;
  summary: Record<string, unknown>;
  rows: readonly ReportRow[];
  generations: Generations;
}

/**
 * Replaces the entry of this key. When a concurrent computation stored the same key first, its
 * entry (as good as this one) is returned instead.
 */
export async function storeEntry(q: Queryable, entry: NewEntry): Promise<CacheEntry> {
  const { tenantId, report, cacheKey } = entry;
  const sameKey = and(
    eq(reportCache.tenantId, tenantId),
    eq(reportCache.report, report),
    eq(reportCache.cacheKey, cacheKey),
  );
  await q.delete(reportCache).where(sameKey);
  const [stored] = await q
    .insert(reportCache)
    .values({
      tenantId,
      report,
      cacheKey,
      filters: entry.filters,
      summary: entry.summary,
      rowCount: entry.rows.length,
      tenantGeneration: entry.generations.tenant,
      reportGeneration: entry.generations.report,
    })
    .onConflictDoNothing()
    .returning(entryColumns);
  if (!stored) {
    const [existing] = await q.select(entryColumns).from(reportCache).where(sameKey);
    if (!existing) throw new Error(`The cache entry of ${report} vanished while being stored`);
    return existing;
  }
  for (let offset = 0; offset < entry.rows.length; offset += ROW_CHUNK) {
    const chunk = JSON.stringify(entry.rows.slice(offset, offset + ROW_CHUNK));
    await q.execute(sql`
      insert into report_cache_rows (tenant_id, cache_id, ord, data)
      select ${tenantId}, ${stored.id}, ${offset} + r.ord - 1, r.value
      from jsonb_array_elements(${chunk}::jsonb) with ordinality as r(value, ord)`);
  }
  return stored;
}

export interface RowOrder {
  key: string;
  type: CellType;
  order: 'asc' | 'desc';
}

const NUMERIC_TYPES: readonly CellType[] = ['integer', 'number', 'hours', 'percent'];

function orderBy({ key, type, order }: RowOrder): SQL {
  const value = sql`${reportCacheRows.data} ->> ${key}`;
  const typed = NUMERIC_TYPES.includes(type)
    ? sql`(${value})::numeric`
    : type === 'date'
      ? value
      : sql`lower(${value})`;
  return order === 'asc' ? sql`${typed} asc nulls last` : sql`${typed} desc nulls last`;
}

/** A page of an entry's rows, in the report's order or sorted by one column. */
export async function readRows(
  q: Queryable,
  cacheId: string,
  page: { limit: number; offset: number; sort?: RowOrder },
): Promise<ReportRow[]> {
  const rows = await q
    .select({ data: reportCacheRows.data })
    .from(reportCacheRows)
    .where(eq(reportCacheRows.cacheId, cacheId))
    .orderBy(...(page.sort ? [orderBy(page.sort)] : []), reportCacheRows.ord)
    .limit(page.limit)
    .offset(page.offset);
  return rows.map((row) => row.data as ReportRow);
}

/** Rows `from` ≤ ord < `to` of an entry, in the report's order (export batches). */
export async function readRowRange(
  q: Queryable,
  cacheId: string,
  from: number,
  to: number,
): Promise<ReportRow[]> {
  const rows = await q
    .select({ data: reportCacheRows.data })
    .from(reportCacheRows)
    .where(
      and(
        eq(reportCacheRows.cacheId, cacheId),
        gte(reportCacheRows.ord, from),
        lt(reportCacheRows.ord, to),
      ),
    )
    .orderBy(reportCacheRows.ord);
  return rows.map((row) => row.data as ReportRow);
}

/**
 * Invalidates the tenant's cached reports (the named ones, or all): bumps their generations and
 * drops their entries. Returns how many entries were dropped.
 */
export async function invalidate(
  q: Queryable,
  tenantId: string,
  reports?: readonly string[],
): Promise<number> {
  const names = reports ?? [ALL_REPORTS];
  if (names.length === 0) return 0;
  await q
    .insert(reportGenerations)
    .values(names.map((report) => ({ tenantId, report, generation: 1 })))
    .onConflictDoUpdate({
      target: [reportGenerations.tenantId, reportGenerations.report],
      set: { generation: sql`${reportGenerations.generation} + 1` },
    });
  const dropped = await q
    .delete(reportCache)
    .where(
      and(
        eq(reportCache.tenantId, tenantId),
        reports ? inArray(reportCache.report, [...reports]) : undefined,
      ),
    )
    .returning({ id: reportCache.id });
  return dropped.length;
}

export async function findSettings(
  q: Queryable,
  tenantId: string,
  report: string,
): Promise<Record<string, unknown> | undefined> {
  const [row] = await q
    .select({ settings: reportSettings.settings })
    .from(reportSettings)
    .where(and(eq(reportSettings.tenantId, tenantId), eq(reportSettings.report, report)));
  return row?.settings;
}

export async function saveSettings(
  q: Queryable,
  tenantId: string,
  report: string,
  settings: Record<string, unknown>,
): Promise<void> {
  await q
    .insert(reportSettings)
    .values({ tenantId, report, settings })
    .onConflictDoUpdate({
      target: [reportSettings.tenantId, reportSettings.report],
      set: { settings, updatedAt: sql`now()` },
    });
}
