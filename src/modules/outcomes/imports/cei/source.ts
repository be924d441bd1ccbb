import { createReadStream, existsSync } from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { cellText } from '../../../../core/imports/sources/xlsx-file.js';
import {
  ImportStepError,
  type ImportSource,
  type SourceRow,
} from '../../../../core/imports/types.js';
import { CEI_COLUMNS, checkCeiHeader, mapHeader, type CeiField } from './columns.js';

/** The one object of a CEI workbook: its first sheet. */
export const CEI_OBJECT = 'cei';

type WorksheetReader = ExcelJS.stream.xlsx.WorksheetReader;

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** An .xlsx file is a zip archive; anything else gets a clear message, not a parser's. */
async function assertWorkbook(filePath: string, file: string) {
  const handle = await open(filePath, 'r');
  try {
    const head = Buffer.alloc(4);
    const { bytesRead } = await handle.read(head, 0, 4, 0);
    if (bytesRead < 4 || !head.equals(ZIP_MAGIC)) {
      throw new ImportStepError(
        `${file} is not an Excel workbook (.xlsx files are zip archives); save it as .xlsx and try again`,
        'invalid_file',
      );
    }
  } finally {
    await handle.close();
  }
}

/**
 * The rows with values of the first sheet, streamed; `found.sheet` tells whether there was one.
 * ExcelJS's streaming reader now and then misses the last zip entry of a small file (for the
 * files ExcelJS writes, xl/workbook.xml) and then fails before any row; the whole-file reader
 * reads such a file, so it takes over when that happens.
 */
async function* firstSheetRows(
  filePath: string,
  found: { sheet: boolean },
): AsyncGenerator<ExcelJS.Row> {
  let started = false;
  try {
    const workbook = new ExcelJS.stream.xlsx.WorkbookReader(createReadStream(filePath), {
      sharedStrings: 'cache',
      hyperlinks: 'ignore',
      styles: 'cache',
      worksheets: 'emit',
    });
    for await (const sheet of workbook as AsyncIterable<WorksheetReader>) {
      found.sheet = true;
      for await (const row of sheet) {
        started = true;
        yield row;
      }
      return;
    }
    return;
  } catch (error) {
    if (started) throw error;
  }
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(filePath);
  const sheet = workbook.worksheets[0];
  found.sheet = sheet !== undefined;
  for (const row of sheet?.getRows(1, sheet.rowCount) ?? []) if (row.hasValues) yield row;
}

/**
 * The rows of the first sheet, header on row 1, with values keyed by the CEI field names of
 * §3.4 (header matching ignores case and spaces). Missing required columns fail before any row;
 * blank rows are skipped. Streamed with ExcelJS's reader: the file is never loaded whole.
 */
async function* ceiRows(filePath: string, file: string): AsyncGenerator<SourceRow> {
  await assertWorkbook(filePath, file);
  const found = { sheet: false };
  let map: ReturnType<typeof mapHeader> | undefined;
  try {
    for await (const row of firstSheetRows(filePath, found)) {
      const cells = (row.values as ExcelJS.CellValue[]).slice(1).map(cellText);
      if (!map) {
        map = mapHeader(cells.map((c) => c.trim()));
        checkCeiHeader(file, map);
        continue;
      }
      if (cells.every((c) => c.trim() === '')) continue;
      const values: Record<string, string> = {};
      for (const [field, index] of Object.entries(map) as [CeiField, number][]) {
        values[CEI_COLUMNS[field]] = (cells[index] ?? '').trim();
      }
      yield { file, row: row.number, values };
    }
  } catch (error) {
    if (error instanceof ImportStepError) throw error;
    throw new ImportStepError(
      `${file} could not be read as an Excel workbook: ${(error as Error).message}`,
      'invalid_file',
    );
  }
  if (!found.sheet) throw new ImportStepError(`${file} has no worksheet`, 'empty_file');
  if (!map) {
    throw new ImportStepError(`The first sheet of ${file} is empty: no header row`, 'empty_file');
  }
}

/** A CEI workbook as an import source (DOMAIN.md §3.4). */
export function ceiWorkbookSource(
  filePath: string,
  fileName = path.basename(filePath),
): ImportSource {
  if (!existsSync(filePath)) {
    throw new ImportStepError(`The file ${fileName} does not exist`, 'missing_file');
  }
  return {
    kind: 'xlsx',
    describe: () => `CEI workbook ${fileName}`,
    has: async (object) => object === CEI_OBJECT,
    rows: () => ceiRows(filePath, fileName),
  };
}
