import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tx } from '../../../../core/db/tx.js';
import { createTenant } from '../../../../core/tenants/service.js';
import {
  createTestDatabase,
  testDatabaseKinds,
  type TestDatabase,
} from '../../../../../test/support/databases.js';
import { reportData, type ReportData } from '../../../../../test/support/report-data.js';
import { districtYearMeasures } from './data/district-year.js';
import { splitMeasures } from './data/measures.js';
import { creditedEvents, organizationLines } from './data/organizations.js';
import { loadFacts, type OptionalFact } from './data/facts.js';
import { virtualLines, virtualSummary } from './data/virtual.js';
import { volunteerLines } from './data/volunteers.js';
import { currentSchoolYear, schoolYearDays, schoolYearSchema } from './school-year.js';
import { CANCELLED_STATUSES, type EventWindow } from './window.js';

describe('school years', () => {
  it('run from 1 August to 31 July in the tenant timezone', () => {
    const chicago = 'America/Chicago';
    expect(currentSchoolYear(chicago, new Date('2024-08-01T04:59:00Z'))).toBe('2023-2024');
    expect(currentSchoolYear(chicago, new Date('2024-08-01T05:00:00Z'))).toBe('2024-2025');
    expect(currentSchoolYear('Asia/Tokyo', new Date('2024-07-31T15:00:00Z'))).toBe('2024-2025');
    expect(currentSchoolYear(chicago, new Date('2025-01-15T12:00:00Z'))).toBe('2024-2025');
    expect(schoolYearDays('2024-2025')).toEqual({ from: '2024-08-01', to: '2025-08-01' });
  });

  it('are written YYYY-YYYY with consecutive years', () => {
    expect(schoolYearSchema.safeParse('2024-2025').success).toBe(true);
    expect(schoolYearSchema.safeParse('2024-2026').success).toBe(false);
    expect(schoolYearSchema.safeParse('2024').success).toBe(false);
  });
});

describe.each(testDatabaseKinds())('engagement metrics (DOMAIN.md §2.4) on %s', (kind) => {
  let testDb: TestDatabase;
  let tenants = 0;
  beforeAll(async () => {
    testDb = await createTestDatabase(kind);
  });
  afterAll(() => testDb.dispose());

  /** A fresh tenant (Chicago time) with its data writer and the 2024-2025 window. */
  async function fresh(): Promise<{ data: ReportData; w: EventWindow; run: RunInTenant }> {
    const tenant = await createTenant(
      testDb.database.db,
      { slug: `m${String(++tenants)}`, name: 'Metrics', modules: ['engagement'] },
      ['engagement'],
    );
    const w: EventWindow = {
      tenantId: tenant.id,
      timezone: 'America/Chicago',
      ...schoolYearDays('2024-2025'),
    };
    const run: RunInTenant = (work) => tx(testDb.database.db, { tenantId: tenant.id }, work);
    return { data: reportData(testDb.database, tenant.id), w, run };
  }
  type RunInTenant = <T>(work: Parameters<typeof tx<T>>[2]) => Promise<T>;
  const ALL_FACTS: readonly OptionalFact[] = ['sp', 'tp', 'cr'];
  const load = (q: Parameters<typeof loadFacts>[0], w: EventWindow) => loadFacts(q, w, ALL_FACTS);

  const totalOf = async (run: RunInTenant, w: EventWindow) =>
    splitMeasures(await run(async (q) => districtYearMeasures(q, await load(q, w))), 'district')
      .total;

  it('counts only completed (or simulcast) events of the school year, by local start', async () => {
    const { data, w, run } = await fresh();
    const counted: string[] = [];
    for (const status of ['Completed', 'Simulcast'] as const)
      counted.push(await data.event({ status }));
    for (const status of ['Cancelled', 'No Show', 'Requested', 'Confirmed', 'Published'] as const) {
      await data.event({ status });
    }
    // 31 July 23:30 in Chicago is still 2023-2024; 1 August 00:30 is 2024-2025.
    await data.event({ start: '2024-08-01T04:30:00Z' });
    counted.push(await data.event({ start: '2024-08-01T05:30:00Z' }));
    await data.event({ start: '2025-08-01T05:30:00Z' });
    await data.event({ start: null });
    const total = await totalOf(run, w);
    expect(total.events).toBe(counted.length);
  });

  it('counts attended volunteers case-insensitively and their hours with the fallbacks', async () => {
    const { data, w, run } = await fresh();
    const ada = await data.volunteer('Ada Lovelace');
    const withHours = await data.event({ minutes: 120 });
    await data.volunteerAt(withHours, ada, 'ATTENDED', 1.5);
    const byDuration = await data.event({ minutes: 90 });
    await data.volunteerAt(byDuration, ada, 'successfully completed');
    const byEnd = await data.event({ start: '2024-10-02T15:00:00Z', end: '2024-10-02T17:30:00Z' });
    await data.volunteerAt(byEnd, ada, 'Completed');
    const shortEnd = await data.event({
      start: '2024-10-03T15:00:00Z',
      end: '2024-10-03T15:20:00Z',
    });
    await data.volunteerAt(shortEnd, ada, 'attended');
    const nothing = await data.event();
    await data.volunteerAt(nothing, ada, 'Attended');
    for (const status of ['No-Show', 'Registered', 'Cancelled']) {
      await data.volunteerAt(await data.event({ minutes: 60 }), ada, status);
    }
    const total = await totalOf(run, w);
    expect(total.volunteerEngagements).toBe(5);
    expect(total.uniqueVolunteers).toBe(1);
    expect(total.volunteerHours).toBeCloseTo(1.5 + 1.5 + 2.5 + 1 + 0, 10);
  });

  it('attributes events to districts: school, then name or alias, then inferred, else Unknown', async () => {
    const { data, w, run } = await fresh();
    const north = await data.district('North Valley', ['Northside']);
    const south = await data.district('South Plains');
    const lincoln = await data.school('Lincoln High', north);
    const loose = await data.school('Loose School', null);
    await data.event({ schoolId: lincoln, districtName: 'South Plains' });
    await data.event({ districtName: 'NORTH VALLEY SCHOOL DISTRICT' });
    await data.event({ districtName: 'northside' });
    await data.event({ schoolId: loose, districtName: 'South Plains School District' });
    await data.event({ inferredDistrictId: south });
    await data.event({ districtName: 'Nowhere' });
    await data.event();
    const { total, groups } = splitMeasures(
      await run(async (q) => districtYearMeasures(q, await load(q, w))),
      'district',
    );
    const byDistrict = Object.fromEntries(groups.map((g) => [g.key ?? 'unknown', g.events]));
    expect(byDistrict).toEqual({ [north]: 3, [south]: 2, unknown: 2 });
    expect(total.events).toBe(7);

    const scoped = splitMeasures(
      await run(async (q) =>
        districtYearMeasures(q, await load(q, { ...w, districtIds: [south] })),
      ),
      'district',
    );
    expect(scoped.total.events).toBe(2);
    expect(scoped.groups.map((g) => g.key)).toEqual([south]);
  });

  it('counts each student once per event by student number, falling back to the contact', async () => {
    const { data, w, run } = await fresh();
    const first = await data.event();
    const second = await data.event();
    const sam = await data.student('Sam One', { number: 'S-1' });
    const samAgain = await data.student('Sam Duplicate', { number: 'S-1' });
    const noNumber = await data.student('Nia None');
    const absent = await data.student('Abe Absent', { number: 'S-2' });
    await data.studentAt(first, sam);
    await data.studentAt(first, samAgain);
    await data.studentAt(second, sam);
    await data.studentAt(first, noNumber);
    await data.studentAt(first, absent, 'Absent');
    await data.studentAt(second, absent, 'Registered');
    const total = await totalOf(run, w);
    expect(total.studentParticipations).toBe(3);
    expect(total.uniqueStudents).toBe(2);
  });

  it('leaves contacts flagged exclude-from-reports out of every count', async () => {
    const { data, w, run } = await fresh();
    const event = await data.event({ format: 'virtual', type: 'virtual_session' });
    await data.volunteerAt(
      event,
      await data.volunteer('Ex Cluded', { exclude: true }),
      'Attended',
      2,
    );
    await data.volunteerAt(event, await data.volunteer('In Cluded'), 'Attended', 1);
    await data.studentAt(event, await data.student('Ex Student', { number: 'X', exclude: true }));
    await data.teacherAt(event, await data.teacher('Ex Teacher', null, { exclude: true }));
    const total = await totalOf(run, w);
    expect(total).toMatchObject({
      uniqueVolunteers: 1,
      volunteerHours: 1,
      studentParticipations: 0,
      virtualStudentsEstimate: 0,
    });
    const people = await run(async (q) =>
      volunteerLines(q, await load(q, w), { firstTimeOnly: false }),
    );
    expect(people.map((p) => p.name)).toEqual(['In Cluded']);
  });

  it('credits organizations by dated affiliation, else the primary one, else Independent', async () => {
    const { data, w, run } = await fresh();
    const acme = await data.organization('Acme');
    const beta = await data.organization('Beta');
    const gamma = await data.organization('Gamma');
    const early = await data.event({ start: '2024-09-10T15:00:00Z', minutes: 60 });
    const late = await data.event({ start: '2025-03-10T15:00:00Z', minutes: 60 });
    // Dated windows (bounds inclusive, missing bounds open); Pending never counts.
    const ada = await data.volunteer('Ada Dated', { primaryOrganizationId: gamma });
    await data.affiliation(ada, acme, { end: '2024-09-10' });
    await data.affiliation(ada, beta, { status: 'Past', start: '2025-01-01' });
    await data.affiliation(ada, gamma, { status: 'Pending' });
    await data.volunteerAt(early, ada);
    await data.volunteerAt(late, ada);
    // No window holds the day: the primary affiliation's organization.
    const bo = await data.volunteer('Bo Primary');
    await data.affiliation(bo, acme, { start: '2025-06-01', primary: true });
    await data.volunteerAt(early, bo);
    // Nothing at all: Independent.
    await data.volunteerAt(early, await data.volunteer('Cy Alone'));

    const lines = await run(async (q) => organizationLines(q, await load(q, w)));
    expect(lines.map((l) => [l.name, l.uniqueSessions, l.uniqueVolunteers, l.hours])).toEqual([
      ['Acme', 1, 2, 2],
      ['Beta', 1, 1, 1],
      ['Independent', 1, 1, 1],
    ]);
    const total = await totalOf(run, w);
    expect(total.organizations).toBe(2);
  });

  it('finds first-time volunteers of a year, the 1 August boundary in the tenant timezone', async () => {
    const { data, w, run } = await fresh();
    const inYear = await data.event({
      title: 'Fall Fair',
      start: '2024-10-01T15:00:00Z',
      minutes: 60,
    });
    const lastJuly = await data.event({ start: '2024-08-01T04:00:00Z', minutes: 60 });
    const firstAugust = await data.event({
      title: 'Kickoff',
      start: '2024-08-01T06:00:00Z',
      minutes: 30,
    });
    const oldCancelled = await data.event({ start: '2023-10-01T15:00:00Z', status: 'Cancelled' });
    const veteran = await data.volunteer('Vera Veteran');
    await data.volunteerAt(lastJuly, veteran);
    await data.volunteerAt(inYear, veteran);
    const newcomer = await data.volunteer('Nell New', { title: 'Engineer' });
    await data.volunteerAt(firstAugust, newcomer);
    await data.volunteerAt(inYear, newcomer);
    const registeredBefore = await data.volunteer('Rex Registered');
    await data.volunteerAt(lastJuly, registeredBefore, 'No-Show');
    await data.volunteerAt(oldCancelled, registeredBefore, 'Attended');
    await data.volunteerAt(inYear, registeredBefore);

    const firsts = await run(async (q) =>
      volunteerLines(q, await load(q, w), { firstTimeOnly: true }),
    );
    expect(firsts.map((f) => [f.name, f.firstDay, f.events, f.hours, f.title])).toEqual([
      ['Nell New', '2024-08-01', 2, 1.5, 'Engineer'],
      ['Rex Registered', '2024-10-01', 1, 1, null],
    ]);
    expect(firsts[0]?.eventList).toBe('Kickoff (08/01/2024); Fall Fair (10/01/2024)');
    expect(firsts[0]?.organization).toBe('Independent');
  });

  it('ranks volunteers by hours, then events, then name', async () => {
    const { data, w, run } = await fresh();
    const a = await data.event({ minutes: 60 });
    const b = await data.event({ minutes: 60 });
    const c = await data.event({ minutes: 120 });
    const zed = await data.volunteer('Zed Zulu');
    const amy = await data.volunteer('Amy Alpha');
    const bob = await data.volunteer('Bob Bravo');
    await data.volunteerAt(a, zed);
    await data.volunteerAt(b, zed);
    await data.volunteerAt(c, amy);
    await data.volunteerAt(c, bob);
    // A duplicate registration of the same volunteer at the same event counts once.
    await data.volunteerAt(a, bob, 'Attended', 1);
    await data.volunteerAt(a, bob, 'attended', 1);
    const ranked = await run(async (q) =>
      volunteerLines(q, await load(q, w), { firstTimeOnly: false }),
    );
    expect(ranked.map((r) => [r.name, r.hours, r.events])).toEqual([
      ['Bob Bravo', 3, 2],
      ['Zed Zulu', 2, 2],
      ['Amy Alpha', 2, 1],
    ]);
  });

  it('estimates 25 students per attended teacher of a completed virtual session', async () => {
    const { data, w, run } = await fresh();
    const north = await data.district('North');
    const south = await data.district('South');
    const northSchool = await data.school('North High', north);
    const southSchool = await data.school('South High', south);
    const session = await data.event({
      format: 'virtual',
      type: 'virtual_session',
      districtName: 'North',
    });
    const cancelled = await data.event({ format: 'virtual', status: 'Cancelled' });
    const inPerson = await data.event({ format: 'in_person' });
    const tia = await data.teacher('Tia North', northSchool);
    const tom = await data.teacher('Tom South', southSchool);
    const tad = await data.teacher('Tad Registered', northSchool);
    await data.teacherAt(session, tia);
    await data.teacherAt(session, tom);
    await data.teacherAt(session, tad, 'registered');
    await data.teacherAt(cancelled, tia, 'cancelled');
    await data.teacherAt(inPerson, tia);
    const pro = await data.volunteer('Pat Presenter', { localStatus: 'local' });
    await data.volunteerAt(session, pro);

    const total = await totalOf(run, w);
    expect(total.virtualStudentsEstimate).toBe(50);

    const virtual = { ...w, format: 'virtual' as const };
    const summary = (place: { districtIds?: string[] }) =>
      run(async (q) => (await virtualSummary(q, await load(q, virtual), place)).totals);
    expect(await summary({})).toEqual({
      sessions: 1,
      teachers: 2,
      experiences: 2,
      estimatedStudents: 50,
      professionals: 1,
      organizations: 0,
      schools: 2,
      localSessions: 1,
    });
    // The south teacher's experience belongs to South; the session to both.
    const south_ = await summary({ districtIds: [south] });
    expect(south_).toMatchObject({ sessions: 1, teachers: 1, estimatedStudents: 25 });
    const lines = await run(async (q) => virtualLines(q, await load(q, virtual), {}));
    expect(lines.map((l) => [l.teacher, l.participantCount, l.presenter])).toEqual([
      ['Tia North', 25, 'Pat Presenter'],
      ['Tad Registered', 0, 'Pat Presenter'],
      ['Tom South', 25, 'Pat Presenter'],
    ]);
  });

  it("lists an organization's cancelled events from any registration of its volunteers", async () => {
    const { data, w, run } = await fresh();
    const acme = await data.organization('Acme');
    const ada = await data.volunteer('Ada Acme', { primaryOrganizationId: acme });
    const cancelled = await data.event({ title: 'Rained Out', status: 'Cancelled' });
    const noShow = await data.event({
      title: 'Empty Room',
      status: 'No Show',
      start: '2024-11-01T15:00:00Z',
    });
    await data.event({ title: 'Not Ours', status: 'Cancelled' });
    await data.volunteerAt(cancelled, ada, 'Registered');
    await data.volunteerAt(noShow, ada, 'No-Show');
    const events = await run(async (q) =>
      creditedEvents(
        q,
        await load(q, { ...w, statuses: CANCELLED_STATUSES, volunteers: 'registered' }),
        acme,
      ),
    );
    expect(events.map((e) => [e.title, e.status, e.volunteers])).toEqual([
      ['Rained Out', 'Cancelled', 1],
      ['Empty Room', 'No Show', 1],
    ]);
  });
});
