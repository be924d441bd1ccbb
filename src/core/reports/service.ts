import { recordAudit } from '../audit/service.js';
import type { Db } from '../db/client.js';
import { tx } from '../db/tx.js';
import { NotFoundError, ValidationError } from '../errors.js';
import { parseInput } from '../validation.js';
import { hiddenKeys, loadReport, redactRow, type LoadedReport } from './cache.js';
import type { ReportCaller } from './caller.js';
import { findSettings, invalidate, readRowRange, readRows, saveSettings } from './data.js';
import { findReport, type ReportRegistry } from './registry.js';
import type { ReportColumn, ReportDefinition, ReportRow } from './types.js';

/** What the report functions need: the database and the modules' reports. */
export interface ReportDeps {
  db: Db;
  registry: ReportRegistry;
}

/** One report for some filters, seen through one page of its rows. */
export interface ReportQuery {
  name: string;
  /** Raw filters, checked by the report's own schema. */
  filters: unknown;
  view: ReportView;
}

export interface ReportView {
  page: number;
  pageSize: number;
  /** A column key; the report's own order without one. */
  sort?: string;
  order: 'asc' | 'desc';
}

export interface ReportPage {
  report: string;
  title: string;
  filters: Record<string, unknown>;
  computedAt: Date;
  summary: Record<string, unknown>;
  columns: readonly ReportColumn[];
  rows: ReportRow[];
  total: number;
  page: number;
  pageSize: number;
}

/** The report's JSON for the command line (DOMAIN.md §4): every row. */
export interface ReportDocument {
  report: string;
  filters: Record<string, unknown>;
  computedAt: string;
  summary: Record<string, unknown>;
  rows: ReportRow[];
}

const scopeOf = (caller: ReportCaller) => ({ tenantId: caller.tenantId, userId: caller.userId });

function sortColumn(loaded: LoadedReport, sort: string | undefined) {
  if (sort === undefined) return undefined;
  const column = loaded.columns.find((candidate) => candidate.key === sort);
  if (!column) {
    throw new ValidationError('The report cannot be sorted by this column', [
      { path: 'sort', message: `must be one of: ${loaded.columns.map((c) => c.key).join(', ')}` },
    ]);
  }
  return column;
}

/** One page of a report's rows with its summary, computed or from the cache. */
export async function getReport(
  { db, registry }: ReportDeps,
  caller: ReportCaller,
  { name, filters, view }: ReportQuery,
): Promise<ReportPage> {
  const definition = findReport(registry, caller, name, 'read');
  return tx(db, scopeOf(caller), async (q) => {
    const loaded = await loadReport(q, definition, caller, filters);
    const column = sortColumn(loaded, view.sort);
    const rows = await readRows(q, loaded.entry.id, {
      limit: view.pageSize,
      offset: (view.page - 1) * view.pageSize,
      sort: column && { key: column.key, type: column.type, order: view.order },
    });
    const hidden = hiddenKeys(definition, loaded.filters, caller);
    return {
      report: definition.name,
      title: definition.title,
      filters: loaded.filters,
      computedAt: loaded.entry.computedAt,
      summary: loaded.entry.summary,
      columns: loaded.columns,
      rows: rows.map((row) => redactRow(row, hidden)),
      total: loaded.entry.rowCount,
      page: view.page,
      pageSize: view.pageSize,
    };
  });
}

const BATCH = 2_000;

/**
 * An entry's rows in batches, each read in its own short transaction (a long download never
 * holds one open). Fails if the entry is dropped meanwhile rather than send a partial file.
 */
export async function* cachedRows(
  db: Db,
  caller: ReportCaller,
  loaded: LoadedReport,
  hidden: ReadonlySet<string>,
): AsyncGenerator<ReportRow[]> {
  const { id, rowCount } = loaded.entry;
  for (let from = 0; from < rowCount; from += BATCH) {
    const batch = await tx(db, scopeOf(caller), (q) => readRowRange(q, id, from, from + BATCH));
    if (batch.length !== Math.min(BATCH, rowCount - from)) {
      throw new Error('The report was recomputed during the export; export it again');
    }
    yield batch.map((row) => redactRow(row, hidden));
  }
}

/** Loads (or computes) the report in its own transaction, for exports and the command line. */
export async function loadForExport(
  db: Db,
  definition: ReportDefinition,
  caller: ReportCaller,
  rawFilters: unknown,
  audit?: { format: string },
): Promise<LoadedReport> {
  return tx(db, scopeOf(caller), async (q) => {
    const loaded = await loadReport(q, definition, caller, rawFilters);
    if (audit) {
      await recordAudit(q, caller.audit, {
        action: 'core.report.exported',
        target: { type: 'report', id: definition.name, label: definition.title },
        meta: { format: audit.format, filters: loaded.filters, rows: loaded.entry.rowCount },
      });
    }
    return loaded;
  });
}

export async function reportDocument(
  { db, registry }: ReportDeps,
  caller: ReportCaller,
  name: string,
  rawFilters: unknown,
): Promise<ReportDocument> {
  const definition = findReport(registry, caller, name, 'read');
  const loaded = await loadForExport(db, definition, caller, rawFilters);
  const rows: ReportRow[] = [];
  for await (const batch of cachedRows(
    db,
    caller,
    loaded,
    hiddenKeys(definition, loaded.filters, caller),
  )) {
    rows.push(...batch);
  }
  return {
    report: definition.name,
    filters: loaded.filters,
    computedAt: loaded.entry.computedAt.toISOString(),
    summary: loaded.entry.summary,
    rows,
  };
}

/** Tenant admins: drops every cached entry of one report, then computes this view afresh. */
export async function refreshReport(
  deps: ReportDeps,
  caller: ReportCaller,
  query: ReportQuery,
): Promise<ReportPage> {
  const definition = findReport(deps.registry, caller, query.name, 'update');
  await tx(deps.db, scopeOf(caller), async (q) => {
    const dropped = await invalidate(q, caller.tenantId, [definition.name]);
    await recordAudit(q, caller.audit, {
      action: 'core.report.refreshed',
      target: { type: 'report', id: definition.name, label: definition.title },
      meta: { entries: dropped },
    });
  });
  return getReport(deps, caller, query);
}

/** Tenant admins: "Refresh all caches" — every report of the tenant is computed again on next view. */
export async function refreshAllReports(
  { db }: ReportDeps,
  caller: ReportCaller,
): Promise<{ dropped: number }> {
  return tx(db, scopeOf(caller), async (q) => {
    const dropped = await invalidate(q, caller.tenantId);
    await recordAudit(q, caller.audit, {
      action: 'core.report.refreshed_all',
      target: { type: 'report' },
      meta: { entries: dropped },
    });
    return { dropped };
  });
}

function settingsSchemaOf(definition: ReportDefinition) {
  if (!definition.settings) throw new NotFoundError('Report settings');
  return definition.settings;
}

export async function getReportSettings(
  { db, registry }: ReportDeps,
  caller: ReportCaller,
  name: string,
): Promise<unknown> {
  const definition = findReport(registry, caller, name, 'read');
  const schema = settingsSchemaOf(definition);
  const stored = await tx(db, scopeOf(caller), (q) => findSettings(q, caller.tenantId, name));
  return schema.parse(stored ?? {});
}

/** Tenant admins: saves a report's settings (audited) and drops its cached entries. */
export async function updateReportSettings(
  { db, registry }: ReportDeps,
  caller: ReportCaller,
  name: string,
  input: unknown,
): Promise<unknown> {
  const definition = findReport(registry, caller, name, 'update');
  const settings = parseInput(settingsSchemaOf(definition), input) as Record<string, unknown>;
  return tx(db, scopeOf(caller), async (q) => {
    const before = await findSettings(q, caller.tenantId, name);
    await saveSettings(q, caller.tenantId, name, settings);
    await invalidate(q, caller.tenantId, [name]);
    await recordAudit(q, caller.audit, {
      action: 'core.report.settings_changed',
      target: { type: 'report', id: definition.name, label: definition.title },
      changes: { settings: [before ?? null, settings] },
    });
    return settings;
  });
}
