import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImport } from '../../../src/core/imports/engine.js';
import { folderSource } from '../../../src/core/imports/sources/folder.js';
import { systemCaller } from '../../../src/core/reports/caller.js';
import { reportRegistry } from '../../../src/core/reports/registry.js';
import { reportDocument } from '../../../src/core/reports/service.js';
import type { ReportRow } from '../../../src/core/reports/types.js';
import { createLogger } from '../../../src/core/observe/logger.js';
import { engagementModule } from '../../../src/modules/engagement/index.js';
import { engagementPipeline } from '../../../src/modules/engagement/imports/pipeline.js';
import type { TestApp } from '../../support/app.js';
import { testDatabaseKinds } from '../../support/databases.js';
import { createEngagementApp, seedEngagementTenant, seedMember } from '../../support/engagement.js';
import { rows as sqlRows, signIn } from '../../support/identity.js';
import { sql } from 'drizzle-orm';
import { expectedReports } from './report-expectations.js';

const SAMPLES = path.resolve(import.meta.dirname, '../../../samples/engagement');
const YEAR = '2024-2025';

/** Numbers compared to the cent, names case-insensitively (the import title-cases ALL-CAPS names). */
const near = (value: unknown) => Math.round(Number(value) * 1e6) / 1e6;
const sortBy = <T>(items: T[], key: (item: T) => string) =>
  [...items].sort((a, b) => key(a).localeCompare(key(b)));

describe.each(testDatabaseKinds())('reports of the sample export on %s', (kind) => {
  let t: TestApp;
  let tenant: { id: string; modules: string[] };
  const expected = expectedReports(SAMPLES, YEAR);
  const registry = reportRegistry([engagementModule]);
  const report = async (name: string, filters: Record<string, string> = {}) =>
    reportDocument({ db: t.testDb.database.db, registry }, systemCaller(tenant), name, {
      schoolYear: YEAR,
      ...filters,
    });

  beforeAll(async () => {
    t = await createEngagementApp(kind);
    tenant = await seedEngagementTenant(t.testDb.database, 'samples');
    await runImport(
      { db: t.testDb.database.db, logger: createLogger('silent') },
      {
        tenantId: tenant.id,
        pipeline: engagementPipeline,
        source: folderSource(SAMPLES),
        triggeredBy: { type: 'system' },
      },
    );
  }, 300_000);
  afterAll(() => t.dispose());

  it('district-year-end: every district and the totals match the files', async () => {
    const body = await report('district-year-end');
    expect(body.report).toBe('district-year-end');
    expect(body.filters).toMatchObject({ schoolYear: YEAR });
    expect(Date.parse(body.computedAt)).not.toBeNaN();
    const project = (row: Record<string, unknown>) => ({
      events: row.events,
      inPersonEvents: row.inPersonEvents,
      virtualEvents: row.virtualEvents,
      studentParticipations: row.studentParticipations,
      uniqueStudents: row.uniqueStudents,
      volunteerEngagements: row.volunteerEngagements,
      uniqueVolunteers: row.uniqueVolunteers,
      volunteerHours: near(row.volunteerHours),
      organizations: row.organizations,
      schools: row.schools,
    });
    expect(body.rows.map((row) => ({ district: row.district, ...project(row) }))).toEqual(
      expected.districtYearEnd.rows.map((row) => ({ district: row.district, ...project(row) })),
    );
    expect(project(body.summary)).toEqual(project({ ...expected.districtYearEnd.totals }));
    expect(body.rows.length).toBeGreaterThan(1);
  });

  it('district-year-end-detail: the events of a district', async () => {
    const district = expected.districtNames[0] ?? '';
    const body = await report('district-year-end-detail', { district });
    const project = (row: Record<string, unknown>) =>
      [String(row.event), row.date, row.students, row.volunteers, near(row.volunteerHours)].join(
        '|',
      );
    expect(body.rows.map(project).sort()).toEqual(expected.detail(district).map(project).sort());
  });

  it('first-time-volunteers: the volunteers, their first day, events, hours and event list', async () => {
    const body = await report('first-time-volunteers');
    const project = (row: Record<string, unknown>) =>
      [
        String(row.name).toLowerCase(),
        row.firstVolunteerDate,
        row.events,
        near(row.hours),
        row.eventList,
      ].join('|');
    expect(body.rows.map(project).sort()).toEqual(expected.firstTime.map(project).sort());
    expect(body.summary).toMatchObject({ count: expected.firstTime.length });
    expect(near(body.summary.hours)).toBe(
      near(expected.firstTime.reduce((sum, v) => sum + v.hours, 0)),
    );
    expect(expected.firstTime.length).toBeGreaterThan(0);
  });

  it('volunteer-hours: every volunteer, ranked by hours then events', async () => {
    const body = await report('volunteer-hours');
    const project = (row: Record<string, unknown>) =>
      [String(row.name).toLowerCase(), row.events, near(row.hours)].join('|');
    expect(body.rows.map(project).sort()).toEqual(expected.volunteerHours.map(project).sort());
    const ranked = body.rows.map((row: ReportRow) => [Number(row.hours), Number(row.events)]);
    expect(ranked).toEqual(
      [...ranked].sort((a, b) => (b[0] ?? 0) - (a[0] ?? 0) || (b[1] ?? 0) - (a[1] ?? 0)),
    );
  });

  it('organizations: sessions, hours and volunteers credited to each, Independent included', async () => {
    const body = await report('organizations');
    const project = (row: Record<string, unknown>) =>
      [
        String(row.organization).toLowerCase(),
        row.uniqueSessions,
        near(row.hours),
        row.uniqueVolunteers,
      ].join('|');
    expect(sortBy(body.rows.map(project), (r) => r)).toEqual(
      sortBy(expected.organizations.map(project), (r) => r),
    );
  });

  it('virtual-usage: completed virtual sessions, presenters and their organizations', async () => {
    const body = await report('virtual-usage');
    expect(body.summary).toMatchObject(expected.virtualUsage);
    expect(body.summary).toMatchObject({ teachers: 0, experiences: 0, estimatedStudents: 0 });
  });

  it('shows a district viewer only their district', async () => {
    const [first, second] = expected.districtYearEnd.rows;
    const [district] = await sqlRows<{ id: string }>(
      t.testDb.database,
      sql`select id from districts where tenant_id = ${tenant.id} and name = ${first?.district ?? ''}`,
    );
    await seedMember(
      t.testDb.database,
      'viewer@samples.example.com',
      'samples',
      'district_viewer',
      [district?.id ?? ''],
    );
    const { cookie } = await signIn(t.app, 'viewer@samples.example.com');
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/reports/district-year-end?schoolYear=${YEAR}&pageSize=100`,
      headers: { cookie },
    });
    const body = response.json();
    expect(body.rows.map((row: ReportRow) => row.district)).toEqual([first?.district]);
    expect(body.summary.events).toBe(first?.events);
    const other = await t.app.inject({
      method: 'GET',
      url: `/api/reports/district-year-end-detail?schoolYear=${YEAR}&district=${encodeURIComponent(second?.district ?? '')}`,
      headers: { cookie },
    });
    expect(other.statusCode).toBe(404);
  });
});
