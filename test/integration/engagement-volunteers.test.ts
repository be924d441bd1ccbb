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

const ADMIN = 'admin@v.example.com';
const STAFF = 'staff@v.example.com';
const VIEWER = 'viewer@v.example.com';

describe.each(testDatabaseKinds())('engagement volunteers on %s', (kind) => {
  let t: TestApp;
  let data: EngagementData;
  let cookies: Record<string, string> = {};
  let tenantId = '';

  const get = (email: string, url: string) =>
    t.app.inject({ method: 'GET', url, headers: { cookie: cookies[email] ?? '' } });
  const send = (email: string, method: 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: browserHeaders(cookies[email] ?? ''), payload });
  const names = (body: { items: { name: string }[] }) => body.items.map((i) => i.name);

  beforeAll(async () => {
    t = await createEngagementApp(kind);
    const { database } = t.testDb;
    tenantId = (await seedEngagementTenant(database, 'vols')).id;
    data = await seedEngagementData(database, tenantId);
    await seedMember(database, ADMIN, 'vols', 'tenant_admin');
    await seedMember(database, STAFF, 'vols', 'staff');
    await seedMember(database, VIEWER, 'vols', 'district_viewer', [data.districts.north]);
    cookies = await signInAll(t.app, [ADMIN, STAFF, VIEWER]);
  });
  afterAll(() => t.dispose());

  it('lists volunteers sorted by last name, with filters, sorting and pages', async () => {
    const all = await get(STAFF, '/api/engagement/volunteers');
    expect(all.statusCode).toBe(200);
    expect(all.json()).toMatchObject({ total: 3, page: 1, pageSize: 25 });
    expect(names(all.json())).toEqual(['Grace Hopper', 'Ada Lovelace', 'Alan Turing']);
    expect(all.json().items[1]).toMatchObject({
      email: 'ada@example.org',
      organizationName: 'Acme Corp',
      localStatus: 'local',
      status: 'active',
      timesVolunteered: 3,
      lastVolunteerDate: '2024-10-01',
    });

    const search = await get(STAFF, '/api/engagement/volunteers?search=acme');
    expect(names(search.json())).toEqual(['Ada Lovelace']);
    const byEmail = await get(STAFF, '/api/engagement/volunteers?search=GRACE%40');
    expect(names(byEmail.json())).toEqual(['Grace Hopper']);
    const status = await get(STAFF, '/api/engagement/volunteers?status=on_hold');
    expect(names(status.json())).toEqual(['Alan Turing']);

    const sorted = await get(STAFF, '/api/engagement/volunteers?sort=timesVolunteered&order=desc');
    expect(names(sorted.json())).toEqual(['Ada Lovelace', 'Grace Hopper', 'Alan Turing']);
    const byEmailSort = await get(STAFF, '/api/engagement/volunteers?sort=email&order=asc');
    expect(names(byEmailSort.json())).toEqual(['Ada Lovelace', 'Grace Hopper', 'Alan Turing']);

    const bad = await get(STAFF, '/api/engagement/volunteers?pageSize=30&sort=nope');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('validation_failed');
  });

  it('pages through the list', async () => {
    const { database } = t.testDb;
    await rows(
      database,
      sql`with c as (
        insert into contacts (tenant_id, external_id, kind, first_name, last_name)
        select ${tenantId}, 'bulk-' || g, 'volunteer', 'Bulk', 'Person ' || lpad(g::text, 3, '0')
        from generate_series(1, 30) g returning id)
      insert into volunteers (contact_id, tenant_id) select id, ${tenantId} from c`,
    );
    const second = await get(STAFF, '/api/engagement/volunteers?page=2&pageSize=25');
    expect(second.json()).toMatchObject({ total: 33, page: 2, pageSize: 25 });
    expect(second.json().items).toHaveLength(8);
    await rows(database, sql`delete from contacts where external_id like 'bulk-%'`);
  });

  it('shows a volunteer with affiliations and participations', async () => {
    const response = await get(STAFF, `/api/engagement/volunteers/${data.volunteers.ada}`);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({
      firstName: 'Ada',
      lastName: 'Lovelace',
      email: 'ada@example.org',
      gender: 'F',
      participationCount: 1,
    });
    expect(body.affiliations).toEqual([
      expect.objectContaining({ organizationName: 'Acme Corp', isPrimary: true }),
    ]);
    expect(body.participations).toEqual([
      expect.objectContaining({ eventTitle: 'Career Fair', status: 'Attended', deliveryHours: 2 }),
    ]);
    const missing = await get(
      STAFF,
      '/api/engagement/volunteers/00000000-0000-4000-8000-000000000000',
    );
    expect(missing.statusCode).toBe(404);
  });

  it('keeps volunteers from district viewers', async () => {
    expect((await get(VIEWER, '/api/engagement/volunteers')).statusCode).toBe(403);
    expect(
      (await get(VIEWER, `/api/engagement/volunteers/${data.volunteers.ada}`)).statusCode,
    ).toBe(403);
  });

  it('rejects a bad form with a message per field', async () => {
    const response = await send(STAFF, 'POST', '/api/engagement/volunteers', {
      firstName: ' ',
      lastName: 'X',
      email: 'not-an-email',
      mailingPostalCode: '12',
      status: 'retired',
    });
    expect(response.statusCode).toBe(400);
    const details = response.json().error.details as { path: string; message: string }[];
    expect(details.map((d) => d.path).sort()).toEqual([
      'email',
      'firstName',
      'mailingPostalCode',
      'status',
    ]);
    expect(details.find((d) => d.path === 'firstName')?.message).toBe('is required');
  });

  it('creates and edits a volunteer (names in capitals title-cased, email normalized), audited', async () => {
    const created = await send(STAFF, 'POST', '/api/engagement/volunteers', {
      firstName: 'KATHERINE',
      lastName: 'JOHNSON',
      email: ' Kath@Example.ORG ',
      status: 'active',
      mailingPostalCode: '64106',
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    expect(created.json()).toMatchObject({
      firstName: 'Katherine',
      lastName: 'Johnson',
      email: 'kath@example.org',
      mailingPostalCode: '64106',
      externalId: expect.stringMatching(/^manual:/),
    });

    const edited = await send(STAFF, 'PUT', `/api/engagement/volunteers/${id}`, {
      firstName: 'Katherine',
      lastName: 'Johnson',
      email: 'katherine@example.org',
      title: 'Mathematician',
      status: 'inactive',
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({
      email: 'katherine@example.org',
      title: 'Mathematician',
      status: 'inactive',
    });
    const emails = await rows<{ email: string; is_primary: boolean }>(
      t.testDb.database,
      sql`select email, is_primary from contact_emails where contact_id = ${id} order by email`,
    );
    expect(emails).toEqual([
      { email: 'kath@example.org', is_primary: false },
      { email: 'katherine@example.org', is_primary: true },
    ]);
    const audit = await rows<{ action: string; changes: Record<string, unknown> | null }>(
      t.testDb.database,
      sql`select action, changes from audit_log where target_id = ${id} order by occurred_at`,
    );
    expect(audit.map((a) => a.action)).toEqual([
      'engagement.volunteer.create',
      'engagement.volunteer.update',
    ]);
    expect(audit[1]?.changes).toMatchObject({
      email: ['kath@example.org', 'katherine@example.org'],
      status: ['active', 'inactive'],
      title: [null, 'Mathematician'],
    });
    expect((await send(VIEWER, 'POST', '/api/engagement/volunteers', {})).statusCode).toBe(403);
  });

  it('lets only tenant admins delete a volunteer, audited with the counts', async () => {
    const url = `/api/engagement/volunteers/${data.volunteers.ada}`;
    expect((await send(STAFF, 'DELETE', url)).statusCode).toBe(403);
    expect((await send(VIEWER, 'DELETE', url)).statusCode).toBe(403);
    const denied = await rows<{ n: number }>(
      t.testDb.database,
      sql`select count(*)::int as n from audit_log where action = 'core.access.denied'
          and target_label = ${'DELETE /api/engagement/volunteers/:id'}`,
    );
    expect(denied[0]?.n).toBe(2);

    const response = await send(ADMIN, 'DELETE', url);
    expect(response.statusCode).toBe(200);
    expect(response.json().counts).toEqual({
      removed: 1,
      participations: 1,
      affiliations: 1,
      activities: 1,
    });
    expect((await get(STAFF, url)).statusCode).toBe(404);
    expect((await send(ADMIN, 'DELETE', url)).statusCode).toBe(404);
    const [audit] = await rows<{ target_label: string; meta: unknown }>(
      t.testDb.database,
      sql`select target_label, meta from audit_log where action = 'engagement.volunteer.delete'`,
    );
    expect(audit).toEqual({
      target_label: 'Ada Lovelace',
      meta: { removed: 1, participations: 1, affiliations: 1, activities: 1 },
    });
  });
});
