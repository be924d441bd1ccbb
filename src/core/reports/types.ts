import type { z } from 'zod';
import type { Tx } from '../db/client.js';

/** How a column's values are typed in exports (and sorted on the server). */
export type CellType = 'text' | 'integer' | 'number' | 'hours' | 'percent' | 'date';

/** One value of a report row: JSON-safe, dates as `YYYY-MM-DD`, percentages as 0–100. */
export type CellValue = string | number | null;
export type ReportRow = Record<string, CellValue>;

export interface ReportColumn {
  key: string;
  header: string;
  type: CellType;
  /** In characters; a default per type otherwise. */
  width?: number;
  /** Names a person (name, email): left out for callers who see aggregates only. */
  personal?: boolean;
}

/**
 * One sheet of the XLSX export: the report's rows (streamed from the cache, with the report's
 * columns), or a small table derived from the summary.
 */
export type ReportSheet<S> =
  | { name: string; source: 'rows' }
  | {
      name: string;
      source: 'summary';
      columns: readonly ReportColumn[];
      rows(summary: S): readonly ReportRow[];
    };

/** Whose data a caller may see; an absent list means no limit. */
export interface ReportScope {
  districts?: readonly string[];
  programs?: readonly string[];
}

export interface ReportContext<Settings = unknown> {
  tenantId: string;
  /** The tenant's IANA timezone (DOMAIN.md §1.1, default America/Chicago). */
  timezone: string;
  scope: ReportScope;
  /** The report's tenant settings (its `settings` schema's output), or undefined when unset. */
  settings: Settings | undefined;
  now: Date;
}

export interface ReportResult<S> {
  summary: S;
  rows: ReportRow[];
}

/**
 * A named report a module contributes (DOMAIN.md §1.5): a function of (tenant, filters, scope)
 * computed inside the tenant's transaction, cached, exported. Methods (not function properties)
 * keep definitions with different filter types assignable to the registry's type.
 */
export interface ReportDefinition<
  F extends z.ZodObject = z.ZodObject,
  S extends object = object,
  Settings = unknown,
> {
  /** URL and CLI name, e.g. `district-year-end`. */
  name: string;
  title: string;
  /** Safe for aggregate-only callers (district viewers): no person-level rows. */
  aggregate: boolean;
  /** The filters, parsed from query strings (values arrive as strings). */
  filters: F;
  /** Fills in defaults that depend on the tenant (e.g. the current school year). */
  resolveFilters?(filters: z.output<F>, ctx: { timezone: string; now: Date }): z.output<F>;
  columns(filters: z.output<F>): readonly ReportColumn[];
  /** The XLSX sheets, in order (the CSV export has the rows only). */
  sheets(filters: z.output<F>): readonly ReportSheet<S>[];
  /** The export's file name, without extension. */
  fileName?(filters: z.output<F>): string;
  /** Per-tenant settings that tenant admins edit (changing them invalidates the report). */
  settings?: z.ZodType<Settings>;
  compute(q: Tx, filters: z.output<F>, ctx: ReportContext<Settings>): Promise<ReportResult<S>>;
}

/** Infers a report's types from its parts. */
export const defineReport = <F extends z.ZodObject, S extends object, Settings = unknown>(
  definition: ReportDefinition<F, S, Settings>,
): ReportDefinition<F, S, Settings> => definition;
