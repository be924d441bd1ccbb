import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../support/app.js';
import { testDatabaseKinds } from '../support/databases.js';
import {
  createEngagementApp,
  seedEngagementData,
  seedEngagementTenant,
  seedMember,
  type EngagementData,
} from '../support/engagement.js';
import { signInAll } from '../support/identity.js';

const ADMIN = 'admin@s.example.com';
const STAFF = 'staff@s.example.com';
const NORTH = 'north@s.example.com';
const NOBODY = 'nothing@s.example.com';

type Named = { items: { name?: string; title?: string }[] };
const labels = (body: Named) => body.items.map((i) => i.name ?? i.title);

describe.each(testDatabaseKinds())('engagement people, places and district scope on %s', (kind) => {
  let t: TestApp;
  let data: EngagementData;
  let cookies: Record<string, string> = {};

  const get = (email: string, url: string) =>
    t.app.inject({ method: 'GET', url, headers: { cookie: cookies[email] ?? '' } });

  beforeAll(async () => {
    t = await createEngagementApp(kind);
    const { database } = t.testDb;
    const tenant = await seedEngagementTenant(database, 'scope');
    data = await seedEngagementData(database, tenant.id);
    await seedMember(database, ADMIN, 'scope', 'tenant_admin');
    await seedMember(database, STAFF, 'scope', 'staff');
    await seedMember(database, NORTH, 'scope', 'district_viewer', [data.districts.north]);
    await seedMember(database, NOBODY, 'scope', 'district_viewer');
    cookies = await signInAll(t.app, [ADMIN, STAFF, NORTH, NOBODY]);
  });
  afterAll(() => t.dispose());

  it('lists teachers with school, district and sessions; filters and sorts', async () => {
    const all = await get(STAFF, '/api/engagement/teachers');
    expect(all.json().items).toEqual([
      expect.objectContaining({
        name: 'Mary North',
        email: 'mary@school.org',
        school: 'Lincoln High',
        district: 'North District',
        sessions: 1,
      }),
      expect.objectContaining({ name: 'Sue South', school: 'Washington Middle', sessions: 0 }),
    ]);
    const bySchool = await get(
      STAFF,
      `/api/engagement/teachers?schoolId=${data.schools.washington}`,
    );
    expect(labels(bySchool.json())).toEqual(['Sue South']);
    const sorted = await get(STAFF, '/api/engagement/teachers?sort=department&order=asc');
    expect(labels(sorted.json())).toEqual(['Sue South', 'Mary North']);
    const detail = await get(STAFF, `/api/engagement/teachers/${data.teachers.mary}`);
    expect(detail.json()).toMatchObject({
      gender: 'F',
      sessions: [expect.objectContaining({ eventTitle: 'Northside Session', status: 'attended' })],
    });
  });

  it('shows students with names to staff, searchable and sortable by name', async () => {
    const all = await get(STAFF, '/api/engagement/students?sort=name');
    expect(all.json().items).toEqual([
      expect.objectContaining({
        name: 'Sam Northstudent',
        studentNumber: 'N-1',
        currentGrade: 10,
        participations: 1,
      }),
      expect.objectContaining({ name: 'Sid Southstudent', studentNumber: 'S-1', currentGrade: 7 }),
    ]);
    const search = await get(STAFF, '/api/engagement/students?search=sid');
    expect(labels(search.json())).toEqual(['Sid Southstudent']);
    const grade = await get(STAFF, '/api/engagement/students?grade=10');
    expect(labels(grade.json())).toEqual(['Sam Northstudent']);
    const detail = await get(STAFF, `/api/engagement/students/${data.students.sam}`);
    expect(detail.json()).toMatchObject({ firstName: 'Sam', gender: 'F' });
  });

  it('hides student names and demographics from district viewers, and their search and sort', async () => {
    const list = await get(NORTH, '/api/engagement/students?sort=name&order=desc');
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toEqual([
      expect.objectContaining({ studentNumber: 'N-1', school: 'Lincoln High', participations: 1 }),
    ]);
    expect(list.json().items[0]).not.toHaveProperty('name');
    expect(list.body).not.toContain('Northstudent');
    const byName = await get(NORTH, '/api/engagement/students?search=sam');
    expect(byName.json().total).toBe(0);
    const byNumber = await get(NORTH, '/api/engagement/students?search=N-1');
    expect(byNumber.json().total).toBe(1);
    const detail = await get(NORTH, `/api/engagement/students/${data.students.sam}`);
    expect(detail.statusCode).toBe(200);
    for (const field of ['name', 'firstName', 'lastName', 'gender', 'birthdate', 'email']) {
      expect(detail.json()).not.toHaveProperty(field);
    }
    expect(detail.json()).toMatchObject({
      studentNumber: 'N-1',
      participations: [expect.anything()],
    });
    const teacher = await get(NORTH, `/api/engagement/teachers/${data.teachers.mary}`);
    expect(teacher.json()).toMatchObject({ name: 'Mary North' });
    expect(teacher.json()).not.toHaveProperty('gender');
  });

  it('narrows every list and record of a district viewer to their districts', async () => {
    const checks: [string, string[]][] = [
      ['/api/engagement/districts', ['North District']],
      ['/api/engagement/schools', ['Lincoln High']],
      ['/api/engagement/teachers', ['Mary North']],
      ['/api/engagement/events', ['Northside Session', 'Career Fair']],
    ];
    for (const [url, expected] of checks) {
      const response = await get(NORTH, url);
      expect(response.statusCode, url).toBe(200);
      expect(labels(response.json()), url).toEqual(expected);
      const none = await get(NOBODY, url);
      expect(none.json().total, `${url} without districts`).toBe(0);
    }
    const places = await get(NORTH, '/api/engagement/places');
    expect(places.json()).toEqual({
      districts: [{ id: data.districts.north, name: 'North District' }],
      schools: [
        { id: data.schools.lincoln, name: 'Lincoln High', districtId: data.districts.north },
      ],
    });
    const outside = [
      `/api/engagement/districts/${data.districts.south}`,
      `/api/engagement/schools/${data.schools.washington}`,
      `/api/engagement/teachers/${data.teachers.sue}`,
      `/api/engagement/students/${data.students.sid}`,
      `/api/engagement/events/${data.events.talk}`,
      `/api/engagement/events/${data.events.orphan}`,
    ];
    for (const url of outside) expect((await get(NORTH, url)).statusCode, url).toBe(404);
    const inside = `/api/engagement/events/${data.events.byName}`;
    expect((await get(NORTH, inside)).statusCode).toBe(200);
    for (const url of [
      '/api/engagement/history',
      '/api/engagement/data-quality',
      '/api/engagement/organizations',
    ]) {
      expect((await get(NORTH, url)).statusCode, url).toBe(403);
    }
  });

  it('lists schools and districts independently with their own filters and sorting', async () => {
    const schools = await get(STAFF, '/api/engagement/schools?sort=students&order=desc');
    expect(schools.json().items[0]).toMatchObject({
      teachers: 1,
      students: 1,
      events: 1,
    });
    const middle = await get(STAFF, '/api/engagement/schools?level=Middle');
    expect(labels(middle.json())).toEqual(['Washington Middle']);
    const inDistrict = await get(
      STAFF,
      `/api/engagement/schools?districtId=${data.districts.north}`,
    );
    expect(labels(inDistrict.json())).toEqual(['Lincoln High']);
    const byDistrict = await get(STAFF, '/api/engagement/schools?sort=district&order=desc');
    expect(labels(byDistrict.json())).toEqual(['Washington Middle', 'Lincoln High']);

    const districts = await get(STAFF, '/api/engagement/districts?search=south');
    expect(districts.json().items).toEqual([
      expect.objectContaining({ name: 'South District', code: 'S', schools: 1, students: 1 }),
    ]);
    const byCode = await get(STAFF, '/api/engagement/districts?sort=code&order=desc');
    expect(labels(byCode.json())).toEqual(['South District', 'North District']);
    const north = await get(STAFF, `/api/engagement/districts/${data.districts.north}`);
    expect(north.json()).toMatchObject({
      aliases: ['Northside'],
      events: 2,
      schoolList: [expect.objectContaining({ name: 'Lincoln High' })],
    });
    const lincoln = await get(STAFF, `/api/engagement/schools/${data.schools.lincoln}`);
    expect(lincoln.json()).toMatchObject({
      district: 'North District',
      latestEvents: [expect.objectContaining({ title: 'Career Fair' })],
    });
  });
});
