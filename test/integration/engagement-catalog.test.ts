import { sql } from 'drizzle-orm';
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
import { browserHeaders, rows, signInAll } from '../support/identity.js';

const ADMIN = 'admin@c.example.com';
const STAFF = 'staff@c.example.com';
const VIEWER = 'viewer@c.example.com';

describe.each(testDatabaseKinds())('engagement organizations and events on %s', (kind) => {
  let t: TestApp;
  let data: EngagementData;
  let cookies: Record<string, string> = {};

  const get = (email: string, url: string) =>
    t.app.inject({ method: 'GET', url, headers: { cookie: cookies[email] ?? '' } });
  const send = (email: string, method: 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: browserHeaders(cookies[email] ?? ''), payload });
  const titles = (body: { items: { title: string }[] }) => body.items.map((i) => i.title);
  const paths = (response: { json(): { error: { details: { path: string }[] } } }) =>
    response
      .json()
      .error.details.map((d) => d.path)
      .sort();

  beforeAll(async () => {
    t = await createEngagementApp(kind);
    const { database } = t.testDb;
    const tenant = await seedEngagementTenant(database, 'catalog');
    data = await seedEngagementData(database, tenant.id);
    await seedMember(database, ADMIN, 'catalog', 'tenant_admin');
    await seedMember(database, STAFF, 'catalog', 'staff');
    await seedMember(database, VIEWER, 'catalog', 'district_viewer', [data.districts.north]);
    cookies = await signInAll(t.app, [ADMIN, STAFF, VIEWER]);
  });
  afterAll(() => t.dispose());

  it('lists organizations with their volunteer counts, type filter and sorting', async () => {
    const all = await get(STAFF, '/api/engagement/organizations');
    expect(all.json().items).toEqual([
      expect.objectContaining({
        name: 'Acme Corp',
        type: 'Business',
        billingCity: 'Kansas City',
        volunteers: 1,
      }),
      expect.objectContaining({ name: 'Helping Hands', type: 'Non-Profit', volunteers: 1 }),
    ]);
    const types = await get(STAFF, '/api/engagement/organizations/types');
    expect(types.json()).toEqual({ types: ['Business', 'Non-Profit'] });
    const filtered = await get(STAFF, '/api/engagement/organizations?type=Non-Profit');
    expect(filtered.json().items.map((o: { name: string }) => o.name)).toEqual(['Helping Hands']);
    const sorted = await get(STAFF, '/api/engagement/organizations?sort=type&order=desc');
    expect(sorted.json().items.map((o: { name: string }) => o.name)).toEqual([
      'Helping Hands',
      'Acme Corp',
    ]);
    const detail = await get(STAFF, `/api/engagement/organizations/${data.organizations.acme}`);
    expect(detail.json()).toMatchObject({
      name: 'Acme Corp',
      volunteerCount: 1,
      volunteers: [expect.objectContaining({ name: 'Ada Lovelace', isPrimary: true })],
    });
    expect((await get(VIEWER, '/api/engagement/organizations')).statusCode).toBe(403);
  });

  it('validates, creates and edits an organization; a type given by hand resolves its flag', async () => {
    const bad = await send(STAFF, 'POST', '/api/engagement/organizations', { name: '' });
    expect(bad.statusCode).toBe(400);
    expect(paths(bad)).toEqual(['name']);

    const created = await send(STAFF, 'POST', '/api/engagement/organizations', {
      name: 'Bright Futures',
      billingCity: 'Olathe',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      name: 'Bright Futures',
      type: 'Other',
      volunteerCount: 0,
    });

    const edited = await send(
      STAFF,
      'PUT',
      `/api/engagement/organizations/${data.organizations.hands}`,
      { name: 'Helping Hands', type: 'Charity' },
    );
    expect(edited.statusCode).toBe(200);
    expect(edited.json().type).toBe('Charity');
    const [flag] = await rows<{ status: string }>(
      t.testDb.database,
      sql`select status from data_quality_flags where id = ${data.flags.org}`,
    );
    expect(flag?.status).toBe('resolved');
    const [audit] = await rows<{ changes: unknown }>(
      t.testDb.database,
      sql`select changes from audit_log where action = 'engagement.organization.update'`,
    );
    expect(audit?.changes).toEqual({ type: ['Non-Profit', 'Charity'] });
  });

  it('lists events newest first with district, counts, filters and sorting', async () => {
    const all = await get(STAFF, '/api/engagement/events');
    expect(all.json().total).toBe(4);
    expect(titles(all.json())).toEqual([
      'Northside Session',
      'Classroom Talk',
      'Career Fair',
      'Orphan Event',
    ]);
    expect(all.json().items[0]).toMatchObject({
      district: 'North District',
      districtId: data.districts.north,
      school: null,
    });
    expect(all.json().items[2]).toMatchObject({
      school: 'Lincoln High',
      district: 'North District',
      volunteers: 1,
      students: 1,
    });

    const checks: [string, string[]][] = [
      ['?status=Completed', ['Northside Session', 'Career Fair']],
      ['?type=career_fair', ['Career Fair']],
      ['?format=virtual', ['Northside Session']],
      ['?search=talk', ['Classroom Talk']],
      [`?districtId=${data.districts.north}`, ['Northside Session', 'Career Fair']],
      [`?schoolId=${data.schools.washington}`, ['Classroom Talk']],
      ['?from=2024-10-01&to=2024-11-05', ['Classroom Talk', 'Career Fair']],
      [
        '?sort=title&order=asc',
        ['Career Fair', 'Classroom Talk', 'Northside Session', 'Orphan Event'],
      ],
    ];
    const byDistrict = await get(STAFF, '/api/engagement/events?sort=district&order=asc');
    expect(byDistrict.json().items.map((e: { district: string | null }) => e.district)).toEqual([
      'North District',
      'North District',
      'South District',
      null,
    ]);
    const byVolunteers = await get(STAFF, '/api/engagement/events?sort=volunteers&order=desc');
    expect(byVolunteers.json().items.map((e: { volunteers: number }) => e.volunteers)).toEqual([
      1, 1, 0, 0,
    ]);
    for (const [query, expected] of checks) {
      const response = await get(STAFF, `/api/engagement/events${query}`);
      expect(titles(response.json()), query).toEqual(expected);
    }
  });

  it('shows an event with its volunteers, teachers and student counts', async () => {
    const fair = await get(STAFF, `/api/engagement/events/${data.events.fair}`);
    expect(fair.json()).toMatchObject({
      title: 'Career Fair',
      volunteerList: [expect.objectContaining({ name: 'Ada Lovelace', status: 'Attended' })],
      teacherList: [],
      studentCounts: [{ status: 'Attended', count: 1 }],
    });
    const asViewer = await get(VIEWER, `/api/engagement/events/${data.events.fair}`);
    expect(asViewer.statusCode).toBe(200);
    expect(asViewer.json().volunteerList).toBeNull();
  });

  it('validates, creates and edits an event', async () => {
    const bad = await send(STAFF, 'POST', '/api/engagement/events', {
      title: ' ',
      type: 'party',
      format: 'in_person',
      status: 'Draft',
      startAt: '2025-03-01T10:00:00-06:00',
      endAt: '2025-03-01T09:00:00-06:00',
      registrationLink: 'ftp://example.org',
      volunteersNeeded: -1,
    });
    expect(bad.statusCode).toBe(400);
    expect(paths(bad)).toEqual(['endAt', 'registrationLink', 'title', 'type', 'volunteersNeeded']);

    const unknownSchool = await send(STAFF, 'POST', '/api/engagement/events', {
      title: 'Mock interviews',
      type: 'employability_skills',
      format: 'in_person',
      status: 'Draft',
      schoolId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknownSchool.statusCode).toBe(400);
    expect(paths(unknownSchool)).toEqual(['schoolId']);

    const created = await send(STAFF, 'POST', '/api/engagement/events', {
      title: 'Mock interviews',
      type: 'employability_skills',
      format: 'in_person',
      status: 'Confirmed',
      startAt: '2025-03-01T10:00:00-06:00',
      endAt: '2025-03-01T12:00:00-06:00',
      schoolId: data.schools.lincoln,
      volunteersNeeded: 5,
      registrationLink: 'https://example.org/signup',
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    expect(created.json()).toMatchObject({
      startAt: '2025-03-01T16:00:00.000Z',
      school: 'Lincoln High',
      district: 'North District',
      volunteersNeeded: 5,
    });

    const edited = await send(STAFF, 'PUT', `/api/engagement/events/${id}`, {
      title: 'Mock interviews',
      type: 'employability_skills',
      format: 'in_person',
      status: 'Cancelled',
      cancellationReason: 'Snow day',
      startAt: '2025-03-01T10:00:00-06:00',
      schoolId: data.schools.lincoln,
    });
    expect(edited.json()).toMatchObject({
      status: 'Cancelled',
      endAt: null,
      volunteersNeeded: null,
    });
    const [audit] = await rows<{ changes: Record<string, unknown> }>(
      t.testDb.database,
      sql`select changes from audit_log where action = 'engagement.event.update' and target_id = ${id}`,
    );
    expect(audit?.changes).toMatchObject({
      status: ['Confirmed', 'Cancelled'],
      cancellationReason: [null, 'Snow day'],
    });
    expect((await send(VIEWER, 'PUT', `/api/engagement/events/${id}`, {})).statusCode).toBe(403);
  });

  it('lets only tenant admins delete an event, with its participations', async () => {
    const url = `/api/engagement/events/${data.events.talk}`;
    expect((await send(STAFF, 'DELETE', url)).statusCode).toBe(403);
    const response = await send(ADMIN, 'DELETE', url);
    expect(response.json().counts).toEqual({
      removed: 1,
      volunteerParticipations: 1,
      studentParticipations: 1,
      teacherParticipations: 0,
      activitiesDetached: 0,
    });
    expect((await get(STAFF, url)).statusCode).toBe(404);
  });
});
