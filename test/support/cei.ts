import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';

export const SAMPLES = path.resolve(import.meta.dirname, '../../samples/outcomes');

export const CEI_HEADER = [
  'course',
  'combo',
  'cllo_text',
  'Enrolled Students',
  "Total W's",
  'Faculty Name',
  'effterm_c',
  'Term',
];

/** A CEI row of the header above: course, combo (faculty), CLO, enrollment, withdrawals. */
export const ceiRow = (
  course: string,
  faculty: string,
  clo: number,
  enrolled: number | string = 20,
  withdrawals: number | string = 1,
  text = `Outcome ${String(clo)} of ${course}`,
) => [
  course,
  `${course}:${faculty}`,
  `${course}.${String(clo)}: ${text}`,
  enrolled,
  withdrawals,
  faculty,
  '2023FA',
  '2024FA',
];

const dir = () => mkdtempSync(path.join(tmpdir(), 'edl-cei-'));

/** Writes a one-sheet workbook (rows after the header) and returns its path. */
export async function writeWorkbook(
  rows: readonly (readonly (string | number | Date | null)[])[],
  header: readonly string[] = CEI_HEADER,
  name = 'feed.xlsx',
): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('feed');
  if (header.length > 0) sheet.addRow([...header]);
  for (const row of rows) sheet.addRow([...row]);
  const file = path.join(dir(), name);
  await workbook.xlsx.writeFile(file);
  return file;
}

/** A file named .xlsx that is not a workbook. */
export function writeNotAWorkbook(): string {
  const file = path.join(dir(), 'feed.xlsx');
  writeFileSync(file, 'course,combo\nACC-201,ACC-201:A. Stau\n');
  return file;
}

/**
 * The same workbook with its parts reordered so that xl/workbook.xml comes after the sheet and
 * after the shared strings and relationships: ExcelJS's streaming reader then meets the sheet
 * before the workbook and fails (as it does when it misses a small file's last entry).
 */
export function reorderWorkbook(file: string): string {
  const parts = dir();
  execFileSync('unzip', ['-q', file, '-d', parts]);
  const out = path.join(dir(), path.basename(file));
  const order = [
    '[Content_Types].xml',
    '_rels/.rels',
    'xl/_rels/workbook.xml.rels',
    'xl/sharedStrings.xml',
    'xl/styles.xml',
    'xl/theme/theme1.xml',
    'xl/worksheets/sheet1.xml',
    'docProps/app.xml',
    'docProps/core.xml',
    'xl/workbook.xml',
  ];
  execFileSync('zip', ['-q', '-X', out, ...order], { cwd: parts });
  return out;
}
