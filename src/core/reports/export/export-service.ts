import { PassThrough, type Readable } from 'node:stream';
import type { Db } from '../../db/client.js';
import { hiddenKeys, visibleColumns, type LoadedReport } from '../cache.js';
import type { ReportCaller } from '../caller.js';
import { findReport } from '../registry.js';
import { cachedRows, loadForExport, type ReportDeps } from '../service.js';
import type { ReportDefinition, ReportRow } from '../types.js';
import { writeCsv, writeXlsx, type ExportSheet } from './writers.js';

export const EXPORT_FORMATS = ['xlsx', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const CONTENT_TYPES: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

export interface ReportExport {
  stream: Readable;
  fileName: string;
  contentType: string;
}

async function* once(rows: readonly ReportRow[]) {
  yield rows;
}

/** The sheets of the XLSX file, in the order the report names them. */
function sheetsOf(
  db: Db,
  definition: ReportDefinition,
  caller: ReportCaller,
  loaded: LoadedReport,
): ExportSheet[] {
  const hidden = hiddenKeys(definition, loaded.filters, caller);
  return definition.sheets(loaded.filters).map((sheet) =>
    sheet.source === 'rows'
      ? { name: sheet.name, columns: loaded.columns, rows: cachedRows(db, caller, loaded, hidden) }
      : {
          name: sheet.name,
          columns: visibleColumns(sheet.columns, caller),
          rows: once(sheet.rows(loaded.entry.summary)),
        },
  );
}

/**
 * Streams the report as XLSX (one sheet per section of its spec) or CSV (its rows), in the
 * caller's scope and with their redaction; the export is audited before the first byte.
 */
export async function exportReport(
  { db, registry }: ReportDeps,
  caller: ReportCaller,
  name: string,
  rawFilters: unknown,
  format: ExportFormat,
): Promise<ReportExport> {
  const definition = findReport(registry, caller, name, 'export');
  const loaded = await loadForExport(db, definition, caller, rawFilters, { format });
  const output = new PassThrough();
  const writing =
    format === 'xlsx'
      ? writeXlsx(output, sheetsOf(db, definition, caller, loaded))
      : writeCsv(output, {
          name: definition.title,
          columns: loaded.columns,
          rows: cachedRows(db, caller, loaded, hiddenKeys(definition, loaded.filters, caller)),
        });
  writing.catch((error: unknown) => output.destroy(error as Error));
  const base = definition.fileName?.(loaded.filters) ?? definition.name;
  return { stream: output, fileName: `${base}.${format}`, contentType: CONTENT_TYPES[format] };
}
