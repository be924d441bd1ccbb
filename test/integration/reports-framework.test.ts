import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Role } from '../../src/core/db/schema.js';
import { defineModule } from '../../src/core/modules/define-module.js';
import { notifyImportSucceeded } from '../../src/core/imports/listeners.js';
import {
  invalidateReports,
  invalidateReportsAfterImports,
  invalidateReportsNow,
} from '../../src/core/reports/invalidate.js';
import { defineReport, type ReportRow } from '../../src/core/reports/types.js';
import { tx } from '../../src/core/db/tx.js';
import { createTenant } from '../../src/core/tenants/service.js';
import { createUser } from '../../src/core/users/service.js';
import { createTestApp, TEST_BASE_URL, type TestApp } from '../support/app.js';
import { testDatabaseKinds } from '../support/databases.js';
import { PASSWORD, rows as sqlRows, signIn } from '../support/identity.js';

/** A module that exists only here: two reports over rows the test controls. */
function fakeReports() {
  const state = { computes: 0, people: [] as ReportRow[] };
  const columns = [
    { key: 'name', header: 'Name', type: 'text', personal: true },
    { key: 'day', header: 'First day', type: 'date' },
    { key: 'events', header: 'Events', type: 'integer' },
    { key: 'hours', header: 'Hours', type: 'hours' },
  ] as const;
  const totals = defineReport({
    name: 'fake-totals',
    title: 'Fake totals',
    aggregate: true,
    filters: z.object({
      year: z
        .string()
        .regex(/^\d{4}$/)
        .optional(),
      minEvents: z.coerce.number().int().optional(),
    }),
    resolveFilters: (filters) => ({ ...filters, year: filters.year ?? '2025' }),
    columns: () => columns,
    sheets: () => [
      {
        name: 'Summary',
        source: 'summary',
        columns: [
          { key: 'measure', header: 'Measure', type: 'text' },
          { key: 'value', header: 'Value', type: 'number' },
        ],
        rows: (summary: { people: number; hours: number }) => [
          { measure: 'People', value: summary.people },
          { measure: 'Hours', value: summary.hours },
        ],
      },
      { name: 'People', source: 'rows' },
    ],
    fileName: (filters) => `fake-totals-${filters.year ?? ''}`,
    settings: z.object({ link: z.url().optional() }),
    async compute(q, filters, ctx) {
      state.computes += 1;
      await q.execute(sql`select 1`);
      const people = state.people.filter((p) => Number(p.events) >= (filters.minEvents ?? 0));
      return {
        summary: {
          people: people.length,
          hours: people.reduce((sum, p) => sum + Number(p.hours), 0),
          scope: ctx.scope,
          timezone: ctx.timezone,
          link: ctx.settings?.link ?? null,
        },
        rows: people,
      };
    },
  });
  const personal = defineReport({
    name: 'fake-people',
    title: 'Fake people',
    aggregate: false,
    filters: z.object({}),
    columns: () => columns,
    sheets: () => [{ name: 'People', source: 'rows' }],
    compute: async () => ({ summary: {}, rows: state.people }),
  });
  return {
    state,
    module: defineModule({ name: 'fake', label: 'Fake', reports: [totals, personal] }),
  };
}

const people = (n: number): ReportRow[] =>
  Array.from({ length: n }, (_, i) => ({
    name: `Person ${String(i).padStart(5, '0')}`,
    day: `2025-0${(i % 9) + 1}-1${i % 10}`,
    events: i % 7,
    hours: (i % 13) / 3,
  }));

describe.each(testDatabaseKinds())('report framework on %s', (kind) => {
  let t: TestApp;
  const fake = fakeReports();
  const tenant: Record<string, string> = {};
  const cookie: Record<string, string> = {};
  const member = async (email: string, slug: string, role: Role, districts?: string[]) => {
    await createUser(t.testDb.database.db, {
      email,
      password: PASSWORD,
      membership: { tenantSlug: slug, role, scope: districts ? { districts } : {} },
    });
    cookie[email] = (await signIn(t.app, email)).cookie;
  };

  beforeAll(async () => {
    t = await createTestApp(kind, { modules: () => [fake.module] });
    const { db } = t.testDb.database;
    tenant.north = (
      await createTenant(db, { slug: 'north', name: 'North', modules: ['fake'] }, ['fake'])
    ).id;
    tenant.plain = (
      await createTenant(db, { slug: 'plain', name: 'Plain', modules: [] }, ['fake'])
    ).id;
    await member('admin@north.example.com', 'north', 'tenant_admin');
    await member('staff@north.example.com', 'north', 'staff');
    await member('viewer@north.example.com', 'north', 'district_viewer', ['d-2', 'd-1']);
    await member('pa@north.example.com', 'north', 'program_admin');
    await member('admin@plain.example.com', 'plain', 'tenant_admin');
    fake.state.people = people(5_000);
  });
  afterAll(() => t.dispose());

  const call = (method: 'GET' | 'POST' | 'PUT', who: string, url: string, payload?: object) =>
    t.app.inject({
      method,
      url,
      payload,
      headers: { cookie: cookie[who] ?? '', origin: TEST_BASE_URL },
    });
  const get = (who: string, url: string) => call('GET', who, url);

  it('computes on a miss, serves the cache on a hit, and keys it by normalized filters', async () => {
    const before = fake.state.computes;
    const first = await get('staff@north.example.com', '/api/reports/fake-totals?minEvents=3');
    expect(first.statusCode).toBe(200);
    const body = first.json();
    expect(body).toMatchObject({
      report: 'fake-totals',
      title: 'Fake totals',
      filters: { year: '2025', minEvents: 3 },
      total: body.summary.people,
      page: 1,
      pageSize: 25,
    });
    expect(body.summary.timezone).toBe('America/Chicago');
    expect(body.rows).toHaveLength(25);
    expect(fake.state.computes).toBe(before + 1);

    const again = await get(
      'staff@north.example.com',
      '/api/reports/fake-totals?year=2025&minEvents=3&page=2',
    );
    expect(again.json().computedAt).toBe(body.computedAt);
    const third = fake.state.people.filter((p) => Number(p.events) >= 3)[25];
    expect(again.json().rows[0]).toEqual(third);
    expect(fake.state.computes).toBe(before + 1);

    await get('staff@north.example.com', '/api/reports/fake-totals?minEvents=4');
    expect(fake.state.computes).toBe(before + 2);
  });

  it('sorts the cached rows on any column, numbers as numbers', async () => {
    const sorted = (
      await get(
        'staff@north.example.com',
        '/api/reports/fake-totals?sort=hours&order=desc&pageSize=100',
      )
    ).json();
    const hours = sorted.rows.map((r: ReportRow) => r.hours);
    expect(hours[0]).toBe(4);
    expect([...hours].sort((a, b) => b - a)).toEqual(hours);
    const byName = (
      await get('staff@north.example.com', '/api/reports/fake-totals?sort=name')
    ).json();
    expect(byName.rows[0].name).toBe('Person 00000');
    const bad = await get('staff@north.example.com', '/api/reports/fake-totals?sort=nope');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe('sort');
  });

  it('rejects bad filters with the field named', async () => {
    const response = await get('staff@north.example.com', '/api/reports/fake-totals?year=20x5');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].path).toBe('year');
  });

  it('recomputes after an invalidation, per report or for the whole tenant', async () => {
    const url = '/api/reports/fake-totals';
    await get('staff@north.example.com', url);
    const computed = fake.state.computes;
    await get('staff@north.example.com', url);
    expect(fake.state.computes).toBe(computed);

    await invalidateReportsNow(t.testDb.database.db, tenant.north ?? '', ['fake-people']);
    await get('staff@north.example.com', url);
    expect(fake.state.computes).toBe(computed);

    await tx(t.testDb.database.db, { tenantId: tenant.north }, (q) =>
      invalidateReports(q, tenant.north ?? '', ['fake-totals']),
    );
    await get('staff@north.example.com', url);
    expect(fake.state.computes).toBe(computed + 1);

    await invalidateReportsNow(t.testDb.database.db, tenant.north ?? '');
    await get('staff@north.example.com', url);
    expect(fake.state.computes).toBe(computed + 2);
  });

  it('recomputes the reports an import affects once the import has written data', async () => {
    const url = '/api/reports/fake-totals';
    const stop = invalidateReportsAfterImports(t.testDb.database.db);
    try {
      await get('staff@north.example.com', url);
      const computed = fake.state.computes;
      const event = {
        tenantId: tenant.north ?? '',
        pipeline: 'fake',
        runId: 'r1',
        status: 'succeeded',
      } as const;
      await notifyImportSucceeded({ ...event, affects: ['fake-people'] }, (error) => {
        throw error;
      });
      await get('staff@north.example.com', url);
      expect(fake.state.computes).toBe(computed);
      await notifyImportSucceeded({ ...event, affects: [] }, (error) => {
        throw error;
      });
      await get('staff@north.example.com', url);
      expect(fake.state.computes).toBe(computed + 1);
    } finally {
      stop();
    }
  });

  it('never serves an entry computed before a concurrent invalidation committed', async () => {
    const { db } = t.testDb.database;
    const url = '/api/reports/fake-totals?minEvents=6';
    await get('staff@north.example.com', url);
    const computed = fake.state.computes;
    // An entry stored under an old generation (as a computation racing an import would store it).
    await tx(db, { tenantId: tenant.north }, async (q) => {
      await invalidateReports(q, tenant.north ?? '', ['fake-totals']);
      await q.execute(sql`update report_cache set report_generation = report_generation - 1`);
    });
    await get('staff@north.example.com', url);
    expect(fake.state.computes).toBe(computed + 1);
  });

  it('lets tenant admins refresh one report or all, audited; others may not', async () => {
    const computed = fake.state.computes;
    const refreshed = await call(
      'POST',
      'admin@north.example.com',
      '/api/reports/fake-totals/refresh',
    );
    expect(refreshed.statusCode).toBe(200);
    expect(fake.state.computes).toBe(computed + 1);
    const all = await call('POST', 'admin@north.example.com', '/api/reports/refresh');
    expect(all.statusCode).toBe(200);
    expect(all.json().dropped).toBeGreaterThanOrEqual(1);
    for (const who of ['staff@north.example.com', 'viewer@north.example.com']) {
      expect((await call('POST', who, '/api/reports/refresh')).statusCode).toBe(403);
      expect((await call('POST', who, '/api/reports/fake-totals/refresh')).statusCode).toBe(403);
    }
    const audit = await sqlRows<{ action: string }>(
      t.testDb.database,
      sql`select action from audit_log where action like 'core.report.refresh%' order by occurred_at`,
    );
    expect(audit.map((a) => a.action)).toEqual([
      'core.report.refreshed',
      'core.report.refreshed_all',
    ]);
  });

  it('limits district viewers to aggregate reports, their scope, and no personal columns', async () => {
    const viewer = 'viewer@north.example.com';
    const totals = (await get(viewer, '/api/reports/fake-totals')).json();
    expect(totals.summary.scope).toEqual({ districts: ['d-2', 'd-1'] });
    expect(totals.columns.map((c: { key: string }) => c.key)).toEqual(['day', 'events', 'hours']);
    expect(Object.keys(totals.rows[0]).sort()).toEqual(['day', 'events', 'hours']);
    const staff = (await get('staff@north.example.com', '/api/reports/fake-totals')).json();
    expect(staff.summary.scope).toEqual({});
    expect(staff.rows[0].name).toBeDefined();

    expect((await get(viewer, '/api/reports/fake-people')).statusCode).toBe(403);
    expect((await get(viewer, '/api/reports/fake-people/export')).statusCode).toBe(403);
    expect((await get('staff@north.example.com', '/api/reports/fake-people')).statusCode).toBe(200);

    const listed = (await get(viewer, '/api/reports')).json();
    expect(listed.reports.map((r: { name: string }) => r.name)).toEqual(['fake-totals']);
  });

  it('denies roles without reports and hides reports of modules the tenant lacks', async () => {
    expect((await get('pa@north.example.com', '/api/reports/fake-totals')).statusCode).toBe(403);
    expect((await get('admin@plain.example.com', '/api/reports/fake-totals')).statusCode).toBe(404);
    expect((await get('admin@plain.example.com', '/api/reports')).json().reports).toEqual([]);
    expect((await get('admin@north.example.com', '/api/reports/nope')).statusCode).toBe(404);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/reports/fake-totals' })).statusCode,
    ).toBe(401);
  });

  it('exports XLSX with typed cells, styled header and widths, one sheet per section', async () => {
    const response = await get(
      'staff@north.example.com',
      '/api/reports/fake-totals/export?format=xlsx&year=2025',
    );
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="fake-totals-2025.xlsx"',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Summary', 'People']);
    const summary = workbook.getWorksheet('Summary');
    expect(summary?.getRow(2).values).toEqual([undefined, 'People', 5_000]);
    const sheet = workbook.getWorksheet('People');
    expect(sheet?.rowCount).toBe(5_001);
    const header = sheet?.getRow(1);
    expect(header?.values).toEqual([undefined, 'Name', 'First day', 'Events', 'Hours']);
    expect(header?.getCell(1).font?.bold).toBe(true);
    expect(sheet?.getColumn(1).width).toBe(24);
    const first = fake.state.people[0] as ReportRow;
    const row = sheet?.getRow(2);
    expect(row?.getCell(1).value).toBe(first.name);
    expect(row?.getCell(2).value).toEqual(new Date(`${String(first.day)}T00:00:00.000Z`));
    expect(row?.getCell(2).numFmt).toBe('yyyy-mm-dd');
    expect(row?.getCell(3).value).toBe(first.events);
    expect(typeof sheet?.getRow(5_001).getCell(4).value).toBe('number');
    expect(sheet?.getRow(5).getCell(4).numFmt).toBe('#,##0.00');
  });

  it('exports CSV of the rows, hours rounded for display', async () => {
    const response = await get(
      'staff@north.example.com',
      '/api/reports/fake-totals/export?format=csv',
    );
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    const records = parse(response.body, { columns: true }) as Record<string, string>[];
    expect(records).toHaveLength(5_000);
    expect(records[1]).toEqual({
      Name: 'Person 00001',
      'First day': '2025-02-11',
      Events: '1',
      Hours: '0.33',
    });
  });

  it("leaves personal columns out of a district viewer's export", async () => {
    const response = await get(
      'viewer@north.example.com',
      '/api/reports/fake-totals/export?format=csv',
    );
    const records = parse(response.body, { columns: true }) as Record<string, string>[];
    expect(Object.keys(records[0] ?? {})).toEqual(['First day', 'Events', 'Hours']);
  });

  it('audits every export with its format and filters', async () => {
    const audit = await sqlRows<{ actor_email: string; meta: { format: string; filters: object } }>(
      t.testDb.database,
      sql`select actor_email, meta from audit_log where action = 'core.report.exported' order by occurred_at`,
    );
    expect(audit.map((a) => [a.actor_email, a.meta.format])).toEqual([
      ['staff@north.example.com', 'xlsx'],
      ['staff@north.example.com', 'csv'],
      ['viewer@north.example.com', 'csv'],
    ]);
    expect(audit[0]?.meta.filters).toEqual({ year: '2025' });
  });

  it('keeps report settings per tenant: admins change them (audited, invalidating)', async () => {
    expect(
      (await get('staff@north.example.com', '/api/reports/fake-totals/settings')).json(),
    ).toEqual({});
    const bad = await call('PUT', 'admin@north.example.com', '/api/reports/fake-totals/settings', {
      link: 'nope',
    });
    expect(bad.statusCode).toBe(400);
    const denied = await call(
      'PUT',
      'staff@north.example.com',
      '/api/reports/fake-totals/settings',
      {
        link: 'https://example.com/sheet',
      },
    );
    expect(denied.statusCode).toBe(403);
    const saved = await call(
      'PUT',
      'admin@north.example.com',
      '/api/reports/fake-totals/settings',
      {
        link: 'https://example.com/sheet',
      },
    );
    expect(saved.statusCode).toBe(200);
    const report = (await get('staff@north.example.com', '/api/reports/fake-totals')).json();
    expect(report.summary.link).toBe('https://example.com/sheet');
    expect(
      (await get('staff@north.example.com', '/api/reports/fake-people/settings')).statusCode,
    ).toBe(404);
  });
});
