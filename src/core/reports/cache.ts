import type { Tx } from '../db/client.js';
import { reportCacheLookups } from '../observe/metrics.js';
import { findById as findTenant } from '../tenants/data.js';
import { parseInput } from '../validation.js';
import type { ReportCaller } from './caller.js';
import {
  currentGenerations,
  findFreshEntry,
  findSettings,
  storeEntry,
  type CacheEntry,
} from './data.js';
import type { ReportColumn, ReportDefinition, ReportRow, ReportScope } from './types.js';

/** DOMAIN.md §1.1: a tenant without a timezone setting lives in Chicago time. */
export const DEFAULT_TIMEZONE = 'America/Chicago';

export interface LoadedReport {
  filters: Record<string, unknown>;
  entry: CacheEntry;
  /** The columns the caller may see (personal ones left out for aggregate-only callers). */
  columns: readonly ReportColumn[];
  /** Whether this call computed it (a cache miss). */
  computed: boolean;
}

const sortedObject = (value: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => a.localeCompare(b)),
  );

/** Normalized filters plus the caller's data scope: one cache entry per distinct view. */
export function cacheKeyOf(filters: Record<string, unknown>, scope: ReportScope): string {
  const limits = Object.entries(scope)
    .filter(([, ids]) => ids !== undefined)
    .map(([kind, ids]) => `${kind}:${[...(ids as string[])].sort().join(',')}`)
    .sort();
  return `${JSON.stringify(sortedObject(filters))}|${limits.join(';') || 'all'}`;
}

export const visibleColumns = (columns: readonly ReportColumn[], caller: ReportCaller) =>
  caller.aggregatesOnly ? columns.filter((column) => !column.personal) : columns;

/** A row without the columns the caller may not see. */
export function redactRow(row: ReportRow, hidden: ReadonlySet<string>): ReportRow {
  if (hidden.size === 0) return row;
  return Object.fromEntries(Object.entries(row).filter(([key]) => !hidden.has(key)));
}

export const hiddenKeys = (
  definition: ReportDefinition,
  filters: Record<string, unknown>,
  caller: ReportCaller,
) =>
  new Set(
    caller.aggregatesOnly
      ? definition
          .columns(filters)
          .filter((column) => column.personal)
          .map((column) => column.key)
      : [],
  );

/**
 * The report for these raw filters: from the cache when an entry computed under the current
 * generations exists, else computed now (in this transaction, under the tenant's RLS) and stored.
 */
export async function loadReport(
  q: Tx,
  definition: ReportDefinition,
  caller: ReportCaller,
  rawFilters: unknown,
): Promise<LoadedReport> {
  const parsed = parseInput(definition.filters, rawFilters);
  const tenant = await findTenant(q, caller.tenantId);
  const timezone = tenant?.settings.timezone ?? DEFAULT_TIMEZONE;
  const now = new Date();
  const filters = definition.resolveFilters?.(parsed, { timezone, now }) ?? parsed;
  const columns = visibleColumns(definition.columns(filters), caller);
  const cacheKey = cacheKeyOf(filters, caller.scope);
  const hit = await findFreshEntry(q, caller.tenantId, definition.name, cacheKey);
  reportCacheLookups.inc({ result: hit ? 'hit' : 'miss' });
  if (hit) return { filters, entry: hit, columns, computed: false };

  const generations = await currentGenerations(q, caller.tenantId, definition.name);
  const stored = await findSettings(q, caller.tenantId, definition.name);
  const settings = definition.settings && stored ? definition.settings.parse(stored) : undefined;
  const result = await definition.compute(q, filters, {
    tenantId: caller.tenantId,
    timezone,
    scope: caller.scope,
    settings,
    now,
  });
  const entry = await storeEntry(q, {
    tenantId: caller.tenantId,
    report: definition.name,
    cacheKey,
    filters,
    summary: result.summary as Record<string, unknown>,
    rows: result.rows,
    generations,
  });
  return { filters, entry, columns, computed: true };
}
