/**
 * The CEI import at size (issue 7): a generated workbook of 50,000 rows (1,000 courses, 5,000
 * sections, 10 CLOs each): validate-only, then the full import, on PostgreSQL when DATABASE_URL
 * is set (the targets' database), else PGlite in memory; the process's peak memory.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { openDatabase, type Database } from '../src/core/db/client.js';
import { migrate } from '../src/core/db/migrate.js';
import { createLogger } from '../src/core/observe/logger.js';
import { createTenant } from '../src/core/tenants/service.js';
import { importOutcomes } from '../src/modules/outcomes/imports/service.js';
import { createPostgresDatabase } from '../test/support/databases.js';
import type { BenchResult } from './result.js';

const COURSES = 1_000;
const SECTIONS_PER_COURSE = 5;
const CLOS_PER_COURSE = 10;
const INSTRUCTORS = 800;
const TARGETS = { validateSeconds: 10, importSeconds: 30, memoryMb: 400 };

const courseNumber = (i: number) =>
  `${['ACC', 'BIO', 'CHM', 'ENG', 'MAT', 'NUR', 'PHY', 'WLD'][i % 8] ?? 'GEN'}-${String(100 + Math.floor(i / 8)).padStart(3, '0')}${i % 7 === 0 ? 'L' : ''}`;

/** Streams the workbook to disk, one row per (section × CLO). */
export async function writeWorkbook(file: string): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet('feed');
  sheet
    .addRow([
      'course',
      'combo',
      'cllo_text',
      'Enrolled Students',
      "Total W's",
      'Faculty Name',
      'effterm_c',
      'Term',
    ])
    .commit();
  let rows = 0;
  for (let c = 0; c < COURSES; c++) {
    const course = courseNumber(c);
    for (let s = 0; s < SECTIONS_PER_COURSE; s++) {
      const faculty = `Instructor ${String((c * SECTIONS_PER_COURSE + s) % INSTRUCTORS)}`;
      for (let o = 1; o <= CLOS_PER_COURSE; o++) {
        sheet
          .addRow([
            course,
            `${course}:${faculty}#${String(s)}`,
            `${course}.${String(o)}: Outcome ${String(o)} of ${course}`,
            20 + s,
            s % 3,
            faculty,
            '2023FA',
            '2024FA',
          ])
          .commit();
        rows += 1;
      }
    }
  }
  await workbook.commit();
  return rows;
}

async function openBenchDatabase(): Promise<{
  database: Database;
  kind: string;
  drop(): Promise<void>;
}> {
  if (process.env.DATABASE_URL?.startsWith('postgres')) {
    const created = await createPostgresDatabase();
    const database = await openDatabase({ kind: 'postgres', url: created.url });
    return {
      database,
      kind: 'PostgreSQL',
      drop: async () => {
        await database.close();
        await created.drop();
      },
    };
  }
  const database = await openDatabase({ kind: 'pglite-memory' });
  return { database, kind: 'PGlite', drop: () => database.close() };
}

export async function outcomesImportBench(): Promise<BenchResult[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'edl-bench-cei-'));
  const { database, kind, drop } = await openBenchDatabase();
  let peak = 0;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  try {
    await migrate(database);
    const file = path.join(dir, 'feed.xlsx');
    const rows = await writeWorkbook(file);
    const tenant = await createTenant(
      database.db,
      { slug: 'bench-college', name: 'Bench College', modules: ['outcomes'] },
      ['outcomes'],
    );
    const run = async (validateOnly: boolean) => {
      const started = performance.now();
      const result = await importOutcomes(
        { db: database.db, logger: createLogger('warn') },
        {
          tenantId: tenant.id,
          filePath: file,
          fileName: 'feed.xlsx',
          format: 'cei',
          validateOnly,
          triggeredBy: { type: 'system' },
          audit: { actor: { type: 'system' } },
          actor: { id: null, label: 'bench' },
        },
      );
      if (result.status !== 'succeeded' || result.counts.sectionOutcomes.created !== rows) {
        throw new Error(
          `the bench import did not import every row: ${JSON.stringify(result.counts)}`,
        );
      }
      return (performance.now() - started) / 1000;
    };
    global.gc?.();
    peak = process.memoryUsage().rss;
    const validate = await run(true);
    const full = await run(false);
    const label = `CEI import of ${rows.toLocaleString()} rows on ${kind}`;
    return [
      {
        name: `${label}, validate-only`,
        value: validate,
        unit: 's',
        target: TARGETS.validateSeconds,
        higherIsBetter: false,
      },
      {
        name: `${label}, full import`,
        value: full,
        unit: 's',
        target: TARGETS.importSeconds,
        higherIsBetter: false,
      },
      {
        name: `${label}, peak memory`,
        value: peak / 1024 / 1024,
        unit: 'MB',
        target: TARGETS.memoryMb,
        higherIsBetter: false,
      },
    ];
  } finally {
    clearInterval(timer);
    await drop();
    rmSync(dir, { recursive: true, force: true });
  }
}
