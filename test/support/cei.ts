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
