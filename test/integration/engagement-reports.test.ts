import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_BASE_URL, type TestApp } from '../support/app.js';
import { testDatabaseKinds } from '../support/databases.js';
import { createEngagementApp, seedEngagementTenant, seedMember } from '../support/engagement.js';
import { signInAll } from '../support/identity.js';
import { reportData } from '../support/report-data.js';

const YEAR = 'schoolYear=2024-2025';

describe.each(testDatabaseKinds())('engagement reports over HTTP on %s', (kind) => {
  let t: TestApp;
  let cookies: Record<string, string>;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createEngagementApp(kind);
    const { database } = t.testDb;
    const tenant = await seedEngagementTenant(database, 'metro');
    const data = reportData(database, tenant.id);
    ids.north = await data.district('North', ['Northside']);
    ids.south = await data.district('South');
    const lincoln = await data.school('Lincoln High', ids.north);
    const washington = await data.school('Washington Middle', ids.south);
    ids.acme = await data.organization('Acme');
    const beta = await data.organization('Beta');
    const ada = await data.volunteer('Ada Lovelace', {
      email: 'ada@example.org',
      title: 'Engineer',
    });
    await data.affiliation(ada, ids.acme);
    const bob = await data.volunteer('Bob Builder', {
      primaryOrganizationId: beta,
      localStatus: 'local',
    });
    const cy = await data.volunteer('Cy Young');
    const tia = await data.teacher('Tia North', lincoln);
    const tom = await data.teacher('Tom South', washington);
    const sam = await data.student('Sam Student', { number: 'N-1', schoolId: lincoln });

    const fair = await data.event({
      title: 'Career Fair',
      type: 'career_fair',
      schoolId: lincoln,
      start: '2024-10-01T15:00:00Z',
      minutes: 120,
      location: 'Gym',
    });
    await data.volunteerAt(fair, ada);
    await data.volunteerAt(fair, bob, 'Attended', 1.5);
    await data.studentAt(fair, sam);
    const session = await data.event({
      title: 'Space Careers',
      type: 'virtual_session',
      format: 'virtual',
      districtName: 'South School District',
      start: '2025-01-10T16:00:00Z',
      minutes: 60,
      careerCluster: 'STEM',
    });
    await data.volunteerAt(session, bob);
    await data.teacherAt(session, tia);
    await data.teacherAt(session, tom);
    const mentoring = await data.event({
      title: 'Mentoring Day',
      type: 'mentoring',
      schoolId: washington,
      status: 'Cancelled',
      start: '2025-02-05T15:00:00Z',
    });
    await data.volunteerAt(mentoring, ada, 'Registered');
    const nowhere = await data.event({
      title: 'Park Cleanup',
      start: '2024-11-11T15:00:00Z',
      end: '2024-11-11T17:00:00Z',
    });
    await data.volunteerAt(nowhere, cy);
    const lastYear = await data.event({
      schoolId: lincoln,
      start: '2024-03-01T15:00:00Z',
      minutes: 60,
    });
    await data.volunteerAt(lastYear, ada);

    await seedMember(database, 'admin@metro.example.com', 'metro', 'tenant_admin');
    await seedMember(database, 'staff@metro.example.com', 'metro', 'staff');
    await seedMember(database, 'viewer@metro.example.com', 'metro', 'district_viewer', [ids.north]);
    cookies = await signInAll(t.app, [
      'admin@metro.example.com',
      'staff@metro.example.com',
      'viewer@metro.example.com',
    ]);
  });
  afterAll(() => t.dispose());

  const call = (method: 'GET' | 'PUT', who: string, url: string, payload?: object) =>
    t.app.inject({
      method,
      url,
      payload,
      headers: { cookie: cookies[`${who}@metro.example.com`] ?? '', origin: TEST_BASE_URL },
    });
  const report = async (who: string, url: string) => {
    const response = await call('GET', who, `/api/reports/${url}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };

  it('district-year-end: a row per district, totals with the Unknown district', async () => {
    const body = await report('staff', `district-year-end?${YEAR}`);
    expect(body.rows).toEqual([
      {
        districtId: ids.north,
        district: 'North',
        events: 1,
        inPersonEvents: 1,
        virtualEvents: 0,
        studentParticipations: 1,
        uniqueStudents: 1,
        virtualStudentsEstimate: 0,
        volunteerEngagements: 2,
        uniqueVolunteers: 2,
        volunteerHours: 3.5,
        organizations: 2,
        schools: 1,
      },
      {
        districtId: ids.south,
        district: 'South',
        events: 1,
        inPersonEvents: 0,
        virtualEvents: 1,
        studentParticipations: 0,
        uniqueStudents: 0,
        virtualStudentsEstimate: 50,
        volunteerEngagements: 1,
        uniqueVolunteers: 1,
        volunteerHours: 1,
        organizations: 1,
        schools: 0,
      },
    ]);
    expect(body.summary).toMatchObject({
      schoolYear: '2024-2025',
      events: 3,
      volunteerEngagements: 4,
      uniqueVolunteers: 3,
      volunteerHours: 6.5,
      organizations: 2,
    });
    expect(body.summary.months).toHaveLength(12);
    expect(body.summary.months[2]).toMatchObject({
      key: '2024-10',
      label: 'October 2024',
      events: 1,
    });
    expect(body.summary.eventTypes.map((e: { label: string }) => e.label).sort()).toEqual([
      'Career Fair',
      'Career Speaker',
      'Virtual Session',
    ]);
    const virtualOnly = await report(
      'staff',
      `district-year-end?${YEAR}&eventType=virtual_session`,
    );
    expect(virtualOnly.rows.map((r: { district: string }) => r.district)).toEqual(['South']);
  });

  it('district-year-end-detail: events or schools of one district, sortable', async () => {
    const byEvent = await report('staff', `district-year-end-detail?${YEAR}&district=Northside`);
    expect(byEvent.summary.district).toEqual({ id: ids.north, name: 'North' });
    expect(byEvent.rows).toEqual([
      expect.objectContaining({
        date: '2024-10-01',
        time: '10:00',
        event: 'Career Fair',
        type: 'Career Fair',
        school: 'Lincoln High',
        location: 'Gym',
        students: 1,
        volunteers: 2,
        volunteerHours: 3.5,
      }),
    ]);
    const bySchool = await report(
      'staff',
      `district-year-end-detail?${YEAR}&district=${ids.north}&groupBy=school&sort=volunteerHours&order=desc`,
    );
    expect(bySchool.rows).toEqual([
      expect.objectContaining({ school: 'Lincoln High', events: 1, students: 1, volunteers: 2 }),
    ]);
    expect(bySchool.columns.map((c: { key: string }) => c.key)).toContain('uniqueStudents');
    const missing = await call('GET', 'staff', `/api/reports/district-year-end-detail?${YEAR}`);
    expect(missing.statusCode).toBe(400);
  });

  it('keeps a district viewer to their districts and to aggregate reports', async () => {
    const body = await report('viewer', `district-year-end?${YEAR}`);
    expect(body.rows.map((r: { district: string }) => r.district)).toEqual(['North']);
    expect(body.summary.events).toBe(1);
    const other = await call(
      'GET',
      'viewer',
      `/api/reports/district-year-end-detail?${YEAR}&district=South`,
    );
    expect(other.statusCode).toBe(404);
    expect(
      (await call('GET', 'viewer', `/api/reports/district-year-end?district=South`)).statusCode,
    ).toBe(404);
    for (const name of ['first-time-volunteers', 'organizations', 'volunteer-hours']) {
      expect((await call('GET', 'viewer', `/api/reports/${name}?${YEAR}`)).statusCode).toBe(403);
    }
    const virtual = await report('viewer', `virtual-usage?${YEAR}`);
    expect(virtual.summary.byDistrict.map((d: { district: string }) => d.district)).toEqual([
      'North',
    ]);
    expect(virtual.summary.teachers).toBe(1);
    expect(virtual.rows).toHaveLength(1);
    expect(virtual.rows[0].teacher).toBeUndefined();
    expect(virtual.rows[0].presenter).toBeUndefined();
    const csv = await call('GET', 'viewer', `/api/reports/virtual-usage/export?format=csv&${YEAR}`);
    const header = (parse(csv.body) as string[][])[0];
    expect(header).not.toContain('Teacher');
    expect(header).not.toContain('Presenter');
  });

  it('first-time-volunteers: first attended completed event in the year', async () => {
    const body = await report('staff', `first-time-volunteers?${YEAR}`);
    expect(body.summary).toEqual({ schoolYear: '2024-2025', count: 2, events: 3, hours: 4.5 });
    expect(
      body.rows.map((r: { name: string; firstVolunteerDate: string }) => [
        r.name,
        r.firstVolunteerDate,
      ]),
    ).toEqual([
      ['Bob Builder', '2024-10-01'],
      ['Cy Young', '2024-11-11'],
    ]);
    expect(body.rows[0].eventList).toBe('Career Fair (10/01/2024); Space Careers (01/10/2025)');
    expect(body.rows[0].organization).toBe('Beta');
  });

  it('volunteer-hours: ranked by hours, then events, then name', async () => {
    const body = await report('staff', `volunteer-hours?${YEAR}`);
    expect(
      body.rows.map((r: { rank: number; name: string; hours: number }) => [
        r.rank,
        r.name,
        r.hours,
      ]),
    ).toEqual([
      [1, 'Bob Builder', 2.5],
      [2, 'Ada Lovelace', 2],
      [3, 'Cy Young', 2],
    ]);
  });

  it('organizations: the list with Independent, and one organization in detail', async () => {
    const list = await report('staff', `organizations?${YEAR}`);
    expect(
      list.rows.map(
        (r: {
          organization: string;
          uniqueSessions: number;
          hours: number;
          uniqueVolunteers: number;
        }) => [r.organization, r.uniqueSessions, r.hours, r.uniqueVolunteers],
      ),
    ).toEqual([
      ['Acme', 1, 2, 1],
      ['Beta', 2, 2.5, 1],
      ['Independent', 1, 2, 1],
    ]);
    expect(list.summary).toEqual({
      schoolYear: '2024-2025',
      organizations: 2,
      sessions: 3,
      hours: 6.5,
      volunteers: 3,
    });
    const lifetime = await report('staff', 'organizations?schoolYear=lifetime');
    expect(lifetime.rows[0]).toMatchObject({ organization: 'Acme', uniqueSessions: 2, hours: 3 });

    const detail = await report('staff', `organizations?${YEAR}&organization=${ids.acme}`);
    expect(detail.rows).toEqual([
      {
        contactId: expect.any(String),
        name: 'Ada Lovelace',
        email: 'ada@example.org',
        events: 1,
        hours: 2,
      },
    ]);
    expect(detail.summary).toMatchObject({
      organization: { id: ids.acme, name: 'Acme' },
      sessions: 1,
      hours: 2,
      volunteers: 1,
      inPersonEvents: 1,
      virtualEvents: 0,
      cancelledEvents: 1,
    });
    expect(detail.summary.cancelled[0]).toMatchObject({
      event: 'Mentoring Day',
      status: 'Cancelled',
    });
    expect(
      (await call('GET', 'staff', `/api/reports/organizations?organization=Nobody`)).statusCode,
    ).toBe(404);
  });

  it('virtual-usage: totals, districts, months and the core spreadsheet link of the year', async () => {
    const saved = await call('PUT', 'admin', '/api/reports/virtual-usage/settings', {
      coreSpreadsheets: { '2024-2025': 'https://sheets.example.com/core-2024' },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const body = await report('staff', `virtual-usage?${YEAR}`);
    expect(body.summary).toMatchObject({
      sessions: 1,
      teachers: 2,
      experiences: 2,
      estimatedStudents: 50,
      professionals: 1,
      organizations: 1,
      schools: 2,
      localSessions: 1,
      localSessionsPct: 100,
      coreSpreadsheetUrl: 'https://sheets.example.com/core-2024',
    });
    expect(
      body.summary.byDistrict.map((d: { district: string; teachers: number }) => [
        d.district,
        d.teachers,
      ]),
    ).toEqual([
      ['North', 1],
      ['South', 1],
    ]);
    expect(
      body.summary.byMonth.find((m: { month: string }) => m.month === '2025-01'),
    ).toMatchObject({
      sessions: 1,
      estimatedStudents: 50,
    });
    expect(body.rows[0]).toMatchObject({
      status: 'Completed',
      date: '2025-01-10',
      time: '10:00',
      sessionType: 'Virtual Session',
      teacher: 'Tia North',
      school: 'Lincoln High',
      district: 'North',
      title: 'Space Careers',
      presenter: 'Bob Builder',
      participantCount: 25,
      duration: 60,
    });
    const later = await report('staff', `virtual-usage?${YEAR}&dateFrom=2025-01-11`);
    expect(later.summary.sessions).toBe(0);
    const stem = await report(
      'staff',
      `virtual-usage?${YEAR}&careerCluster=stem&school=Washington Middle`,
    );
    expect(stem.summary).toMatchObject({ sessions: 1, teachers: 1 });
  });

  it('exports the sheets each report names', async () => {
    const sheetsOf = async (url: string) => {
      const response = await call('GET', 'staff', `/api/reports/${url}`);
      expect(response.statusCode).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
      return workbook;
    };
    const dye = await sheetsOf(`district-year-end/export?${YEAR}`);
    expect(dye.worksheets.map((s) => s.name)).toEqual([
      'Summary',
      'Event Types',
      'Monthly Breakdown',
    ]);
    expect(dye.getWorksheet('Monthly Breakdown')?.getRow(1).values).toEqual([
      undefined,
      'Month',
      'Events',
      'Students',
      'Unique Students',
      'Volunteers',
      'Unique Volunteers',
      'Volunteer Hours',
    ]);
    expect(dye.getWorksheet('Summary')?.getRow(2).getCell(10).value).toBe(3.5);
    const org = await sheetsOf(`organizations/export?${YEAR}&organization=Acme`);
    expect(org.worksheets.map((s) => s.name)).toEqual([
      'Summary',
      'Volunteers',
      'In-Person Events',
      'Virtual Events',
      'Cancelled Events',
    ]);
    expect(org.getWorksheet('In-Person Events')?.getRow(2).getCell(1).value).toEqual(
      new Date('2024-10-01T00:00:00Z'),
    );
    for (const [url, sheet] of [
      [`district-year-end-detail/export?${YEAR}&district=North`, 'Events Detail'],
      [`first-time-volunteers/export?${YEAR}`, 'First Time Volunteers'],
      [`virtual-usage/export?${YEAR}`, 'Virtual Session Usage'],
      [`organizations/export?${YEAR}`, 'Organizations'],
      [`volunteer-hours/export?${YEAR}`, 'Volunteer Hours'],
    ] as const) {
      expect((await sheetsOf(url)).worksheets.map((s) => s.name)).toEqual([sheet]);
    }
  });
});
