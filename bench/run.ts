/**
 * Benchmarks with targets. Run: npm run bench [-- server csv engagement reports outcomes].
 * Exits 1 when a target is missed.
 * Kept out of the test suite so timing never makes a test flaky.
 */
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../src/core/config/config.js';
import { tx } from '../src/core/db/tx.js';
import { memberships, users } from '../src/core/db/schema.js';
import { createTenant } from '../src/core/tenants/service.js';
import { startServer } from '../src/server.js';
import { csvStreamBench } from './csv-stream.js';
import { engagementImportBench } from './engagement-import.js';
import { outcomesImportBench } from './outcomes-import.js';
import { reportsBench } from './reports.js';
import type { BenchResult } from './result.js';

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? Number.NaN;

/** 20 concurrent clients, 250 sequential requests each. */
async function httpLoad(
  url: string,
  name: string,
  minRate: number,
  maxP95: number,
): Promise<BenchResult[]> {
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: 20 }, async () => {
      for (let i = 0; i < 250; i++) {
        const t0 = performance.now();
        const response = await fetch(url);
        await response.arrayBuffer();
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return [
    {
      name: `${name} throughput`,
      value: latencies.length / seconds,
      unit: 'req/s',
      target: minRate,
      higherIsBetter: true,
    },
    {
      name: `${name} p95 latency`,
      value: percentile(latencies, 0.95),
      unit: 'ms',
      target: maxP95,
      higherIsBetter: false,
    },
  ];
}

/** The HTTP server and tenant-scoped writes. */
async function serverBench(): Promise<BenchResult[]> {
  const server = await startServer(
    loadConfig({
      DATABASE_URL: process.env.DATABASE_URL ?? 'memory://',
      PORT: '0',
      LOG_LEVEL: 'warn',
      APP_ENV: 'test',
      RATE_LIMIT_PER_MINUTE: '1000000',
    }),
  );
  const results: BenchResult[] = [];
  try {
    results.push(...(await httpLoad(`${server.url}/api/health`, 'GET /api/health', 1_500, 50)));
    results.push(
      ...(await httpLoad(`${server.url}/api/ready`, 'GET /api/ready (one query)', 500, 100)),
    );

    const { db } = server.runtime.database;
    const tenant = await createTenant(db, { slug: 'bench', name: 'Bench' }, []);
    const rows = 5_000;
    const batch = 1_000;
    const t0 = performance.now();
    for (let offset = 0; offset < rows; offset += batch) {
      await tx(db, { tenantId: tenant.id }, async (q) => {
        const created = await q
          .insert(users)
          .values(
            Array.from({ length: batch }, (_, i) => ({
              email: `u${offset + i}@bench.example.com`,
            })),
          )
          .returning({ id: users.id });
        await q
          .insert(memberships)
          .values(
            created.map((u) => ({ tenantId: tenant.id, userId: u.id, role: 'staff' as const })),
          );
      });
    }
    results.push({
      name: 'tenant-scoped batched inserts (user + membership)',
      value: rows / ((performance.now() - t0) / 1000),
      unit: 'rows/s',
      target: 2_000,
      higherIsBetter: true,
    });
  } finally {
    await server.close();
  }
  return results;
}

/** Every bench by name: `npm run bench -- reports outcomes` runs just those. */
const benches: Record<string, () => Promise<BenchResult[]>> = {
  server: serverBench,
  csv: csvStreamBench,
  engagement: engagementImportBench,
  reports: reportsBench,
  outcomes: outcomesImportBench,
};

async function main() {
  const chosen = process.argv.slice(2);
  const unknown = chosen.filter((name) => !(name in benches));
  if (unknown.length > 0) {
    console.error(
      `Unknown bench: ${unknown.join(', ')}. Choose from: ${Object.keys(benches).join(', ')}`,
    );
    process.exitCode = 2;
    return;
  }
  const results: BenchResult[] = [];
  for (const [name, bench] of Object.entries(benches)) {
    if (chosen.length > 0 && !chosen.includes(name)) continue;
    console.log(`Running the ${name} bench…`);
    results.push(...(await bench()));
  }

  let missed = 0;
  for (const r of results) {
    const ok = r.higherIsBetter ? r.value >= r.target : r.value <= r.target;
    if (!ok) missed++;
    const sign = r.higherIsBetter ? '≥' : '≤';
    console.log(
      `${ok ? 'PASS' : 'MISS'}  ${r.name}: ${r.value.toFixed(1)} ${r.unit} (target ${sign} ${r.target})`,
    );
  }
  process.exitCode = missed ? 1 : 0;
}

await main();
