import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import type { ReportColumn, ReportRow } from '../types.js';
import { columnWidth, csvCell, NUMBER_FORMATS, xlsxCell } from './cells.js';

export interface ExportSheet {
  name: string;
  columns: readonly ReportColumn[];
  /** The sheet's rows in batches, in order. */
  rows: AsyncIterable<readonly ReportRow[]>;
}

const HEADER_FILL = 'FF1F3A5F';
const HEADER_FONT = 'FFFFFFFF';

/** Waits while the consumer is behind, so a slow download never buffers the whole file. */
async function drained(output: Writable) {
  if (output.writableNeedDrain) await once(output, 'drain');
}

/**
 * Streams an XLSX workbook, one sheet per entry: a styled, frozen header row, column widths,
 * numbers as numbers and days as dates.
 */
export async function writeXlsx(output: Writable, sheets: readonly ExportSheet[]): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: true,
    useSharedStrings: false,
  });
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name, {
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    worksheet.columns = sheet.columns.map((column) => ({
      key: column.key,
      width: columnWidth(column),
      style: NUMBER_FORMATS[column.type] ? { numFmt: NUMBER_FORMATS[column.type] } : {},
    }));
    const header = worksheet.addRow(sheet.columns.map((column) => column.header));
    header.eachCell((cell) => {
      cell.font = { bold: true, color: { argb: HEADER_FONT } };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
      cell.alignment = { vertical: 'middle' };
    });
    header.commit();
    for await (const batch of sheet.rows) {
      for (const row of batch) {
        worksheet.addRow(sheet.columns.map((column) => xlsxCell(column, row[column.key]))).commit();
      }
      await drained(output);
    }
    worksheet.commit();
  }
  await workbook.commit();
}

/** Streams one sheet as CSV (RFC 4180, header row of the column headers). */
export async function writeCsv(output: Writable, sheet: ExportSheet): Promise<void> {
  const csv = stringify({ header: true, columns: sheet.columns.map((column) => column.header) });
  csv.pipe(output);
  for await (const batch of sheet.rows) {
    for (const row of batch) {
      if (!csv.write(sheet.columns.map((column) => csvCell(column, row[column.key])))) {
        await once(csv, 'drain');
      }
    }
  }
  csv.end();
  await once(csv, 'end');
}
