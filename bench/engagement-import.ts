/**
 * The engagement import at size (issue 5): 100k volunteer + 300k student participations from a
 * generated export, a full import then a rerun of the unchanged folder, on PGlite (a data folder,
 * as the CLI uses) and on PostgreSQL when DATABASE_URL is set; peak memory of the process.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase, type Database } from '../src/core/db/client.js';
import { migrate } from '../src/core/db/migrate.js';
import { runImport } from '../src/core/imports/engine.js';
import { liveProgress } from '../src/core/imports/progress.js';
import { folderSource } from '../src/core/imports/sources/folder.js';
import type { RunSummary } from '../src/core/imports/types.js';
import { createLogger } from '../src/core/observe/logger.js';
import { createTenant } from '../src/core/tenants/service.js';
import { engagementPipeline } from '../src/modules/engagement/imports/pipeline.js';
import { createPostgresDatabase } from '../test/support/databases.js';
import { writeEngagementExport } from './engagement-data.js';
import type { BenchResult } from './result.js';

/** BENCH_SCALE (e.g. 0.1) runs a smaller set for profiling; the targets apply at 1. */
const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const SIZE = {
  volunteerParticipations: Math.round(100_000 * SCALE),
  studentParticipations: Math.round(300_000 * SCALE),
};
const TARGETS = { pglite: 120, postgres: 60, rerun: 20, memoryMb: 500 };

/** Samples the resident set size; `peak()` is the largest seen since `reset()`. */
function memoryWatch() {
  let peak = 0;
  const sample = () => {
    peak = Math.max(peak, process.memoryUsage().rss);
  };
  const timer = setInterval(sample, 50);
  return {
    reset: () => {
      peak = 0;
      sample();
    },
    peak: () => {
      sample();
      return peak / 1024 / 1024;
    },
    stop: () => clearInterval(timer),
  };
}

/** Prints each step as it finishes, so a slow step shows while the run still works. */
function watchSteps(runId: string) {
  const reported = new Set<string>();
  let current = '';
  const timer = setInterval(() => {
    for (const step of liveProgress.get(runId)?.steps ?? []) {
      if (step.status === 'running' && current !== step.name) {
        current = step.name;
        console.log(`  … ${step.name} running`);
      }
      if (step.status === 'pending' || step.status === 'running' || reported.has(step.name))
        continue;
      reported.add(step.name);
      const seconds = step.startedAt ? (Date.now() - step.startedAt) / 1000 : 0;
      console.log(`  ✓ ${step.name}: ${step.read} rows, ≤ ${seconds.toFixed(1)} s`);
    }
  }, 250);
  return () => clearInterval(timer);
}

async function timedImport(database: Database, tenantId: string, dir: string) {
  const started = performance.now();
  const cpu = process.cpuUsage();
  let stopWatching: (() => void) | undefined;
  const summary: RunSummary = await runImport(
    { db: database.db, logger: createLogger('warn') },
    {
      tenantId,
      pipeline: engagementPipeline,
      source: folderSource(dir),
      triggeredBy: { type: 'system' },
      onStarted: (runId) => {
        stopWatching = watchSteps(runId);
      },
    },
  ).finally(() => {
    stopWatching?.();
  });
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  const rows = summary.steps.reduce((n, s) => n + s.read, 0);
  const changed = summary.steps.reduce((n, s) => n + s.created + s.updated, 0);
  if (summary.status === 'failed')
    throw new Error(`import failed: ${JSON.stringify(summary.errors[0])}`);
  return { seconds, cpuSeconds, rows, changed, summary };
}

async function benchOn(
  kind: 'pglite' | 'postgres',
  dir: string,
  memory: ReturnType<typeof memoryWatch>,
): Promise<BenchResult[]> {
  const dataDir = kind === 'pglite' ? mkdtempSync(path.join(tmpdir(), 'edl-bench-')) : '';
  const created = kind === 'postgres' ? await createPostgresDatabase() : undefined;
  const database = await openDatabase(
    created ? { kind: 'postgres', url: created.url } : { kind: 'pglite', dataDir },
  );
  try {
    await migrate(database);
    const tenant = await createTenant(database.db, { slug: 'bench', name: 'Bench' }, []);
    memory.reset();
    const baseline = memory.peak();
    const full = await timedImport(database, tenant.id, dir);
    const fullPeak = memory.peak();
    const rerun = await timedImport(database, tenant.id, dir);
    const label = kind === 'pglite' ? 'PGlite' : 'PostgreSQL';
    console.log(
      `${label}: ${full.rows} rows in ${full.seconds.toFixed(1)} s (CPU ${full.cpuSeconds.toFixed(1)} s); ` +
        `rerun ${rerun.seconds.toFixed(1)} s (CPU ${rerun.cpuSeconds.toFixed(1)} s), ${rerun.changed} created/updated; ` +
        `RSS ${baseline.toFixed(0)} MB before, peak ${fullPeak.toFixed(0)} MB`,
    );
    for (const s of [...full.summary.steps, ...rerun.summary.steps]) {
      const seconds = `${((s.durationMs ?? 0) / 1000).toFixed(1)} s`;
      console.log(
        `  ${s.name.padEnd(26)} ${String(s.read).padStart(7)} rows ${seconds.padStart(8)}  ` +
          `created ${s.created} skipped ${s.skipped} failed ${s.failed}`,
      );
    }
    // PGlite runs inside this process: its own memory (hundreds of MB before any import) is
    // part of the RSS, so for PGlite the import's share is what it adds to that baseline.
    const memoryResult =
      kind === 'pglite'
        ? {
            name: `engagement import, ${label}: memory above the embedded database`,
            value: memory.peak() - baseline,
          }
        : { name: `engagement import, ${label}: peak memory`, value: memory.peak() };
    return [
      {
        name: `engagement import, ${label}: full import`,
        value: full.seconds,
        unit: 's',
        target: TARGETS[kind],
        higherIsBetter: false,
      },
      {
        name: `engagement import, ${label}: rows/s`,
        value: full.rows / full.seconds,
        unit: 'rows/s',
        target: full.rows / TARGETS[kind],
        higherIsBetter: true,
      },
      {
        name: `engagement import, ${label}: rerun of unchanged data`,
        value: rerun.seconds,
        unit: 's',
        target: TARGETS.rerun,
        higherIsBetter: false,
      },
      {
        name: `engagement import, ${label}: rerun created/updated`,
        value: rerun.changed,
        unit: 'rows',
        target: 0,
        higherIsBetter: false,
      },
      { ...memoryResult, unit: 'MB', target: TARGETS.memoryMb, higherIsBetter: false },
    ];
  } finally {
    await database.close();
    await created?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function engagementImportBench(): Promise<BenchResult[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'edl-export-'));
  const memory = memoryWatch();
  try {
    const counts = await writeEngagementExport(dir, SIZE);
    console.log(`generated export: ${JSON.stringify(counts)}`);
    // PostgreSQL first: PGlite's memory is not returned to the system when it closes, so a
    // PostgreSQL run after it would count it.
    const results = process.env.DATABASE_URL?.startsWith('postgres')
      ? await benchOn('postgres', dir, memory)
      : [];
    results.push(...(await benchOn('pglite', dir, memory)));
    return results;
  } finally {
    memory.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
