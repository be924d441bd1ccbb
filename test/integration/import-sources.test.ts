import { createWriteStream, existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import ExcelJS from 'exceljs';
import yazl from 'yazl';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/core/errors.js';
import { folderSource, xlsxSource } from '../../src/core/imports/sources/folder.js';
import { extractZip } from '../../src/core/imports/sources/zip.js';
import type { ImportSource, RowsSpec, SourceRow } from '../../src/core/imports/types.js';
import { csvFolder } from '../support/fake-pipeline.js';

const spec: RowsSpec = { fields: ['Id', 'Name'], required: ['Id', 'Name'] };

async function collect(source: ImportSource, object: string, rowsSpec = spec) {
  const out: SourceRow[] = [];
  for await (const row of source.rows(object, rowsSpec)) out.push(row);
  return out;
}

describe('CSV folder source', () => {
  it('streams rows with their line numbers, tolerating a BOM and quoted line breaks', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'edl-csv-'));
    writeFileSync(
      path.join(dir, 'Account.csv'),
      '\uFEFF"Id","Name","Extra"\r\n"a1","Line one\r\nline two"\r\n"a2","Comma, and ""quote""","x"\r\n',
    );
    const source = folderSource(dir);
    expect(await source.has('Account')).toBe(true);
    expect(await source.has('Contact')).toBe(false);
    expect(await collect(source, 'Account')).toEqual([
      {
        file: 'Account.csv',
        row: 2,
        values: { Id: 'a1', Name: 'Line one\r\nline two', Extra: '' },
      },
      { file: 'Account.csv', row: 4, values: { Id: 'a2', Name: 'Comma, and "quote"', Extra: 'x' } },
    ]);
  });

  it('names a missing file', async () => {
    const source = folderSource(csvFolder({}));
    await expect(collect(source, 'Contact')).rejects.toThrow(
      'Contact.csv is missing from the source folder',
    );
  });

  it('lists every missing required column before yielding any row', async () => {
    const source = folderSource(csvFolder({ 'Contact.csv': ['Email', 'a@example.com'] }));
    const seen: SourceRow[] = [];
    await expect(
      (async () => {
        for await (const row of source.rows('Contact', spec)) seen.push(row);
      })(),
    ).rejects.toThrow('Contact.csv is missing required columns: Id, Name');
    expect(seen).toEqual([]);
  });

  it('fails a malformed file with the line where the broken record starts', async () => {
    const source = folderSource(
      csvFolder({
        'Contact.csv': ['Id,Name', 'c1,"Multi', 'line"', 'c2,Fine', 'c3,"Never closed', 'c4,x'],
      }),
    );
    await expect(collect(source, 'Contact')).rejects.toThrow(
      'Contact.csv is malformed at line 5: a quoted field is never closed (unbalanced quote)',
    );
  });

  it('streams a large file without holding it in memory', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'edl-large-'));
    const file = createWriteStream(path.join(dir, 'Contact.csv'));
    const rows = 200_000;
    file.write('Id,Name,Notes\r\n');
    for (let i = 0; i < rows; i += 1) {
      if (!file.write(`c${i},Name ${i},"${'x'.repeat(60)}"\r\n`)) await once(file, 'drain');
    }
    file.end();
    await once(file, 'finish');
    let count = 0;
    let last: SourceRow | undefined;
    for await (const row of folderSource(dir).rows('Contact', spec)) {
      count += 1;
      last = row;
    }
    expect(count).toBe(rows);
    expect(last?.row).toBe(rows + 1);
  });
});

describe('XLSX source', () => {
  it('reads the sheet named after the object, else the first sheet, with dates as text', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'edl-xlsx-'));
    const workbook = new ExcelJS.Workbook();
    const first = workbook.addWorksheet('Report');
    first.addRow(['Session ID', 'Date', 'Count']);
    first.addRow(['s1', new Date(Date.UTC(2025, 2, 5)), 12]);
    const named = workbook.addWorksheet('Contact');
    named.addRow(['Id', 'Name']);
    named.addRow(['c1', { richText: [{ text: 'Ada ' }, { text: 'Lovelace' }] }]);
    const filePath = path.join(dir, 'book.xlsx');
    await workbook.xlsx.writeFile(filePath);

    const source = xlsxSource(filePath);
    expect(await source.has('Contact')).toBe(true);
    expect(await source.has('Task')).toBe(false);
    expect(await collect(source, 'Contact')).toEqual([
      { file: 'book.xlsx', row: 2, values: { Id: 'c1', Name: 'Ada Lovelace' } },
    ]);
    expect(
      await collect(source, 'Sessions', {
        fields: ['Session ID'],
        required: ['Session ID', 'Date'],
      }),
    ).toEqual([
      {
        file: 'book.xlsx',
        row: 2,
        values: { 'Session ID': 's1', Date: '2025-03-05', Count: '12' },
      },
    ]);
    await expect(collect(source, 'Sessions', { fields: [], required: ['Title'] })).rejects.toThrow(
      'book.xlsx is missing required column: Title',
    );
  });

  it('reads <Object>.xlsx in a folder', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'edl-xlsx-'));
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Sheet1');
    sheet.addRow(['Id', 'Name']);
    sheet.addRow(['t1', 'Task one']);
    await workbook.xlsx.writeFile(path.join(dir, 'Task.xlsx'));
    expect(await collect(folderSource(dir), 'Task')).toEqual([
      { file: 'Task.xlsx', row: 2, values: { Id: 't1', Name: 'Task one' } },
    ]);
  });
});

async function makeZip(entries: { name: string; content: string | Buffer; compress?: boolean }[]) {
  const dir = mkdtempSync(path.join(tmpdir(), 'edl-zip-'));
  const zipPath = path.join(dir, 'upload.zip');
  const zip = new yazl.ZipFile();
  for (const entry of entries) {
    zip.addBuffer(Buffer.from(entry.content), entry.name, { compress: entry.compress ?? true });
  }
  zip.end();
  const out = createWriteStream(zipPath);
  zip.outputStream.pipe(out);
  await once(out, 'finish');
  return { zipPath, dest: path.join(dir, 'files') };
}

describe('zip uploads', () => {
  it('extracts the data files flat, skipping other entries', async () => {
    const { zipPath, dest } = await makeZip([
      { name: 'export/Account.csv', content: 'Id,Name\r\na1,A\r\n' },
      { name: 'export/Contact.csv', content: 'Id,Name\r\n' },
      { name: 'export/README.txt', content: 'hello' },
      { name: '__MACOSX/export/._Account.csv', content: 'junk' },
    ]);
    expect((await extractZip(zipPath, dest)).sort()).toEqual(['Account.csv', 'Contact.csv']);
    expect(readdirSync(dest).sort()).toEqual(['Account.csv', 'Contact.csv']);
    expect(await collect(folderSource(dest), 'Account')).toHaveLength(1);
  });

  it('refuses entries that would escape the folder (zip-slip)', async () => {
    const { zipPath, dest } = await makeZip([{ name: 'ok.csv', content: 'Id\r\n' }]);
    // yazl refuses to write "../" names, so rename the entry in the archive's bytes.
    const { readFileSync } = await import('node:fs');
    const bytes = readFileSync(zipPath);
    const patched = Buffer.from(
      bytes.toString('latin1').replaceAll('ok.csv', '../x.csv'),
      'latin1',
    );
    writeFileSync(zipPath, patched);
    await expect(extractZip(zipPath, dest)).rejects.toThrow(ValidationError);
    expect(existsSync(path.join(path.dirname(dest), 'x.csv'))).toBe(false);
  });

  it('refuses zip bombs and oversized content', async () => {
    const bomb = await makeZip([{ name: 'Contact.csv', content: Buffer.alloc(5_000_000, 'a') }]);
    await expect(extractZip(bomb.zipPath, bomb.dest)).rejects.toThrow(/zip bomb/);
    expect(existsSync(bomb.dest)).toBe(false);

    const big = await makeZip([
      { name: 'A.csv', content: Buffer.alloc(3000, 'a'), compress: false },
      { name: 'B.csv', content: Buffer.alloc(3000, 'b'), compress: false },
    ]);
    const limits = { maxEntries: 10, maxFileBytes: 4000, maxTotalBytes: 5000, maxRatio: 100 };
    await expect(extractZip(big.zipPath, big.dest, limits)).rejects.toThrow(
      'The zip expands to more than 5000 bytes',
    );
    await expect(
      extractZip(big.zipPath, big.dest, { ...limits, maxFileBytes: 2000, maxTotalBytes: 10_000 }),
    ).rejects.toThrow('A.csv is larger than 2000 bytes');
    await expect(extractZip(big.zipPath, big.dest, { ...limits, maxEntries: 1 })).rejects.toThrow(
      'The zip holds 2 entries; at most 1 are accepted',
    );
  });

  it('refuses a file that is not a zip, and a zip without data files', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'edl-zip-'));
    writeFileSync(path.join(dir, 'fake.zip'), 'not a zip');
    await expect(extractZip(path.join(dir, 'fake.zip'), path.join(dir, 'out'))).rejects.toThrow(
      /not a readable zip/,
    );
    const empty = await makeZip([{ name: 'notes.txt', content: 'x' }]);
    await expect(extractZip(empty.zipPath, empty.dest)).rejects.toThrow(
      'The zip holds no .csv or .xlsx file',
    );
  });
});
