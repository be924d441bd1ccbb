import ExcelJS from 'exceljs';
import { ImportStepError, type RowsSpec, type SourceRow } from '../types.js';
import { checkHeader, rowValues } from './header.js';

type WorksheetReader = ExcelJS.stream.xlsx.WorksheetReader & { name: string };
type WorkbookReader = ExcelJS.stream.xlsx.WorkbookReader & {
  model?: { sheets?: { name: string }[] };
};

const pad = (n: number) => String(n).padStart(2, '0');

/** A date cell as the CSV export writes it: `YYYY-MM-DD`, or ISO-8601 when it has a time. */
function formatDate(date: Date): string {
  const day = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  const midnight = date.getUTCHours() + date.getUTCMinutes() + date.getUTCSeconds() === 0;
  return midnight ? day : date.toISOString();
}

/** The text of a cell value of any ExcelJS kind (rich text, formula, hyperlink, date…). */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return formatDate(value);
  if (typeof value !== 'object') return String(value);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
  if ('text' in value) return cellText(value.text as ExcelJS.CellValue);
  if ('error' in value) return '';
  return '';
}

/** Cells of a row, 0-based (ExcelJS rows are 1-based and sparse). */
function cells(row: ExcelJS.Row): string[] {
  const values = row.values as ExcelJS.CellValue[];
  return Array.from({ length: Math.max(values.length - 1, 0) }, (_, i) => cellText(values[i + 1]));
}

const openWorkbook = (filePath: string) =>
  new ExcelJS.stream.xlsx.WorkbookReader(filePath, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
  }) as WorkbookReader;

/** The names of a workbook's sheets (read from its index, without reading the sheets' rows). */
export async function xlsxSheetNames(filePath: string): Promise<string[]> {
  const workbook = openWorkbook(filePath);
  for await (const sheet of workbook as AsyncIterable<WorksheetReader>) {
    return workbook.model?.sheets?.map((s) => s.name) ?? [sheet.name];
  }
  return [];
}

/**
 * Streams the rows of one sheet of an XLSX workbook with ExcelJS's streaming reader: the sheet
 * named after the object when there is one, else the first sheet. Row numbers are the sheet's.
 */
export async function* xlsxFileRows(
  filePath: string,
  file: string,
  object: string,
  spec: RowsSpec,
): AsyncGenerator<SourceRow> {
  const workbook = openWorkbook(filePath);
  let first = true;
  for await (const sheet of workbook as AsyncIterable<WorksheetReader>) {
    const named = workbook.model?.sheets?.some((s) => s.name === object) ?? false;
    const wanted = named ? sheet.name === object : first;
    first = false;
    if (!wanted) continue;
    let header: string[] | undefined;
    for await (const row of sheet) {
      const values = cells(row);
      if (!header) {
        header = values.map((c) => c.trim());
        checkHeader(file, header, spec);
        continue;
      }
      if (values.every((v) => v === '')) continue;
      yield { file, row: row.number, values: rowValues(header, values, spec) };
    }
    if (!header)
      throw new ImportStepError(`${file} has an empty sheet: no header row`, 'missing_columns');
    return;
  }
  throw new ImportStepError(`${file} has no worksheet`, 'missing_file');
}
