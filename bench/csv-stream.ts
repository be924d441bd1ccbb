/**
 * The CSV source on a 200 MB file: rows/s and the process's peak memory while streaming it, which
 * must stay far below the file's size (the source never loads a whole file).
 */
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { folderSource } from '../src/core/imports/sources/folder.js';

const TARGET_BYTES = 200 * 1024 * 1024;

async function writeLargeContactFile(dir: string): Promise<number> {
  const file = createWriteStream(path.join(dir, 'Contact.csv'));
  file.write('"Id","FirstName","LastName","Email","Description"\r\n');
  let bytes = 0;
  let rows = 0;
  while (bytes < TARGET_BYTES) {
    const line = `"003${String(rows).padStart(15, '0')}","Ada","Lovelace ${rows}","ada${rows}@example.org","Notes, with ""quotes"" and a comma ${'x'.repeat(80)}"\r\n`;
    bytes += line.length;
    rows += 1;
    if (!file.write(line)) await once(file, 'drain');
  }
  file.end();
  await once(file, 'finish');
  return rows;
}

export async function csvStreamBench() {
  const dir = mkdtempSync(path.join(tmpdir(), 'edl-bench-csv-'));
  try {
    const expected = await writeLargeContactFile(dir);
    global.gc?.();
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 50);
    const t0 = performance.now();
    let rows = 0;
    const spec = { fields: ['Id', 'Email'], required: ['Id', 'LastName'] };
    for await (const row of folderSource(dir).rows('Contact', spec)) {
      if (row.values.Id) rows += 1;
    }
    const seconds = (performance.now() - t0) / 1000;
    clearInterval(sampler);
    if (rows !== expected) throw new Error(`read ${rows} rows of ${expected}`);
    return [
      {
        name: `CSV source, 200 MB file (${rows.toLocaleString()} rows)`,
        value: rows / seconds,
        unit: 'rows/s',
        target: 30_000,
        higherIsBetter: true,
      },
      {
        name: 'CSV source, extra memory while streaming 200 MB',
        value: (peak - baseline) / 1024 / 1024,
        unit: 'MB',
        target: 100,
        higherIsBetter: false,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
