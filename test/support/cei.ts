import { createWriteStream, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import yauzl from 'yauzl';
import yazl from 'yazl';

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
 * The same workbook with its parts reordered so that xl/workbook.xml comes last, after the sheet,
 * the shared strings and the relationships: ExcelJS's streaming reader then meets the sheet
 * before the workbook and fails (as it does when it misses a small file's last entry).
 */
export async function reorderWorkbook(file: string): Promise<string> {
  const source = await yauzl.openPromise(file);
  const parts = new Map<string, Buffer>();
  for await (const entry of source.eachEntry()) {
    if (entry.fileName.endsWith('/')) continue;
    const chunks: Buffer[] = [];
    for await (const chunk of await source.openReadStreamPromise(entry)) {
      chunks.push(chunk as Buffer);
    }
    parts.set(entry.fileName, Buffer.concat(chunks));
  }
  source.close();
  const last = 'xl/workbook.xml';
  const first = [
    '[Content_Types].xml',
    '_rels/.rels',
    'xl/_rels/workbook.xml.rels',
    'xl/sharedStrings.xml',
  ];
  const order = [
    ...first,
    ...[...parts.keys()].filter((name) => name !== last && !first.includes(name)),
    last,
  ];
  const out = path.join(dir(), path.basename(file));
  const zip = new yazl.ZipFile();
  for (const name of order) {
    const data = parts.get(name);
    if (data) zip.addBuffer(data, name);
  }
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(out));
  return out;
}
