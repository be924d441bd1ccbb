/**
 * The engagement reports at size (issue 6), on the import benchmark's data set (100k volunteer +
 * 300k student participations, imported with the real pipeline): each report cold (cache dropped,
 * computed and stored) and cached (server time of one page), with the ratio of the cold time to
 * one hand-written SQL aggregate of the same kind; and a 100k-row XLSX export streamed to a sink,
 * with the extra memory it took. PGlite always, PostgreSQL too when DATABASE_URL is set.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { openDatabase, type Database } from '../src/core/db/client.js';
import { migrate } from '../src/core/db/migrate.js';
import { tx } from '../src/core/db/tx.js';
import { runImport } from '../src/core/imports/engine.js';
import { folderSource } from '../src/core/imports/sources/folder.js';
import { defineModule } from '../src/core/modules/define-module.js';
import { createLogger } from '../src/core/observe/logger.js';
import { systemCaller } from '../src/core/reports/caller.js';
import { exportReport } from '../src/core/reports/export/export-service.js';
import { invalidateReportsNow } from '../src/core/reports/invalidate.js';
import { reportRegistry } from '../src/core/reports/registry.js';
import { getReport } from '../src/core/reports/service.js';
import { defineReport, type ReportRow } from '../src/core/reports/types.js';
import { createTenant } from '../src/core/tenants/service.js';
import { engagementModule } from '../src/modules/engagement/index.js';
import { engagementPipeline } from '../src/modules/engagement/imports/pipeline.js';
import { createPostgresDatabase } from '../test/support/databases.js';
import { writeEngagementExport } from './engagement-data.js';
import type { BenchResult } from './result.js';

const SIZE = { volunteerParticipations: 100_000, studentParticipations: 300_000 };
const YEAR = '2024-2025';
const EXPORT_ROWS = 100_000;
const TARGETS = {
  coldMs: { pglite: 5_000, postgres: 2_000 },
  cachedMs: 50,
  exportS: 10,
  exportMb: 300,
};
/** The reports' planner settings (see loadFacts), for a like-for-like hand-written query. */
const PLANNER_SETTINGS = sql`select set_config('enable_nestloop', 'off', true), set_config('jit', 'off', true)`;
const COMPLETED = sql`e.status in ('Completed', 'Simulcast')`;
const ATTENDED = sql`lower(btrim(p.status)) in ('attended', 'completed', 'successfully completed')`;
const IN_YEAR = sql`e.start_at >= '2024-08-01 05:00+00' and e.start_at < '2025-08-01 05:00+00'`;

/** A report of `EXPORT_ROWS` generated rows, for the export measurement. */
const exportModule = defineModule({
  name: 'bench',
  label: 'Bench',
  reports: [
    defineReport({
      name: 'bench-rows',
      title: 'Bench rows',
      aggregate: false,
      filters: z.object({}),
      columns: () => [
        { key: 'name', header: 'Name', type: 'text' },
        { key: 'day', header: 'Day', type: 'date' },
        { key: 'events', header: 'Events', type: 'integer' },
        { key: 'hours', header: 'Hours', type: 'hours' },
      ],
      sheets: () => [{ name: 'Rows', source: 'rows' }],
      async compute(q) {
        const result = await q.execute(sql`
          select 'Volunteer ' || n as name, to_char(date '2024-08-01' + (n % 365), 'YYYY-MM-DD') as day,
            n % 17 as events, (n % 53) / 4.0 as hours
          from generate_series(1, ${EXPORT_ROWS}) as n`);
        return { summary: {}, rows: (result as unknown as { rows: ReportRow[] }).rows };
      },
    }),
  ],
});

/** Each report's view, and one hand-written SQL aggregate of the same kind to compare with. */
const REPORTS: { name: string; filters: Record<string, string>; equivalent: SQL }[] = [
  {
    name: 'district-year-end',
    filters: { schoolYear: YEAR },
    equivalent: sql`select s.district_id, count(distinct e.id), count(distinct p.contact_id), sum(p.delivery_hours)
      from events e left join schools s on s.id = e.school_id
      left join volunteer_participations p on p.event_id = e.id and ${ATTENDED}
      where ${COMPLETED} and ${IN_YEAR} group by s.district_id`,
  },
  {
    name: 'district-year-end-detail',
    filters: { schoolYear: YEAR, district: 'District 0' },
    equivalent: sql`select e.id, count(sp.contact_id) from events e
      join schools s on s.id = e.school_id join districts d on d.id = s.district_id and d.name = 'District 0'
      left join student_participations sp on sp.event_id = e.id and sp.status = 'Attended'
      where ${COMPLETED} and ${IN_YEAR} group by e.id`,
  },
  {
    name: 'virtual-usage',
    filters: { schoolYear: YEAR },
    equivalent: sql`select count(distinct e.id), count(distinct p.contact_id) from events e
      left join volunteer_participations p on p.event_id = e.id and ${ATTENDED}
      where e.format = 'virtual' and ${COMPLETED} and ${IN_YEAR}`,
  },
  {
    name: 'first-time-volunteers',
    filters: { schoolYear: YEAR },
    equivalent: sql`select p.contact_id, min(e.start_at) from volunteer_participations p
      join events e on e.id = p.event_id where ${ATTENDED} and ${COMPLETED}
      group by p.contact_id having min(e.start_at) >= '2024-08-01 05:00+00'`,
  },
  {
    name: 'organizations',
    filters: { schoolYear: YEAR },
    equivalent: sql`select a.organization_id, count(distinct p.event_id), count(distinct p.contact_id)
      from volunteer_participations p join events e on e.id = p.event_id
      join affiliations a on a.contact_id = p.contact_id
      where ${ATTENDED} and ${COMPLETED} and ${IN_YEAR} group by a.organization_id`,
  },
  {
    name: 'volunteer-hours',
    filters: { schoolYear: YEAR },
    equivalent: sql`select p.contact_id, count(*), sum(coalesce(p.delivery_hours, e.duration_minutes / 60.0))
      from volunteer_participations p join events e on e.id = p.event_id
      where ${ATTENDED} and ${COMPLETED} and ${IN_YEAR} group by p.contact_id order by 3 desc`,
  },
];

const since = (started: number) => performance.now() - started;

async function timed<T>(work: () => Promise<T>): Promise<number> {
  const started = performance.now();
  await work();
  return since(started);
}

/** The median of `runs` timings of `work`. */
async function median(runs: number, work: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await timed(work));
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? Number.NaN;
}

async function benchOn(kind: 'pglite' | 'postgres', dir: string): Promise<BenchResult[]> {
  const dataDir = kind === 'pglite' ? mkdtempSync(path.join(tmpdir(), 'edl-reports-')) : '';
  const created = kind === 'postgres' ? await createPostgresDatabase() : undefined;
  const database: Database = await openDatabase(
    created ? { kind: 'postgres', url: created.url } : { kind: 'pglite', dataDir },
  );
  const label = kind === 'pglite' ? 'PGlite' : 'PostgreSQL';
  try {
    await migrate(database);
    const { db } = database;
    const modules = [engagementModule.name, exportModule.name];
    const tenant = await createTenant(db, { slug: 'bench', name: 'Bench', modules }, modules);
    const imported = await timed(() =>
      runImport(
        { db, logger: createLogger('warn') },
        {
          tenantId: tenant.id,
          pipeline: engagementPipeline,
          source: folderSource(dir),
          triggeredBy: { type: 'system' },
        },
      ),
    );
    console.log(`${label}: imported the data set in ${(imported / 1000).toFixed(1)} s`);
    const registry = reportRegistry([engagementModule, exportModule]);
    const caller = systemCaller(tenant);
    const deps = { db, registry };
    const view = { page: 1, pageSize: 25, order: 'asc' as const };
    const results: BenchResult[] = [];
    for (const report of REPORTS) {
      const query = { name: report.name, filters: report.filters, view };
      await invalidateReportsNow(db, tenant.id, [report.name]);
      const cold = await timed(() => getReport(deps, caller, query));
      const cached = await median(5, () => getReport(deps, caller, query));
      const hand = await median(3, () =>
        tx(db, { tenantId: tenant.id }, async (q) => {
          await q.execute(PLANNER_SETTINGS);
          return q.execute(report.equivalent);
        }),
      );
      const { total } = await getReport(deps, caller, query);
      console.log(
        `  ${report.name.padEnd(26)} cold ${cold.toFixed(0).padStart(6)} ms  cached ${cached.toFixed(1).padStart(6)} ms  ` +
          `hand-written SQL ${hand.toFixed(0).padStart(5)} ms  ratio ${(cold / hand).toFixed(1).padStart(5)}  rows ${total}`,
      );
      results.push(
        {
          name: `report ${report.name}, ${label}: cold`,
          value: cold,
          unit: 'ms',
          target: TARGETS.coldMs[kind],
          higherIsBetter: false,
        },
        {
          name: `report ${report.name}, ${label}: cached`,
          value: cached,
          unit: 'ms',
          target: TARGETS.cachedMs,
          higherIsBetter: false,
        },
      );
    }

    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const timer = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 20);
    let bytes = 0;
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        bytes += chunk.length;
        done();
      },
    });
    const exported = await timed(async () => {
      const file = await exportReport(deps, caller, 'bench-rows', {}, 'xlsx');
      await pipeline(file.stream, sink);
    });
    clearInterval(timer);
    const extraMb = (peak - baseline) / 1024 / 1024;
    console.log(
      `  ${EXPORT_ROWS} rows to XLSX (computed, cached, streamed): ${(exported / 1000).toFixed(1)} s, ` +
        `${(bytes / 1024 / 1024).toFixed(1)} MB, +${extraMb.toFixed(0)} MB peak (RSS ${(peak / 1024 / 1024).toFixed(0)} MB)`,
    );
    results.push(
      {
        name: `XLSX export of ${EXPORT_ROWS} rows, ${label}`,
        value: exported / 1000,
        unit: 's',
        target: TARGETS.exportS,
        higherIsBetter: false,
      },
      {
        name: `XLSX export of ${EXPORT_ROWS} rows, ${label}: extra memory`,
        value: extraMb,
        unit: 'MB',
        target: TARGETS.exportMb,
        higherIsBetter: false,
      },
    );
    return results;
  } finally {
    await database.close();
    await created?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function reportsBench(): Promise<BenchResult[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'edl-report-export-'));
  try {
    await writeEngagementExport(dir, SIZE);
    const results = await benchOn('pglite', dir);
    if (process.env.DATABASE_URL?.startsWith('postgres'))
      results.push(...(await benchOn('postgres', dir)));
    return results;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
