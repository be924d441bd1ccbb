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

const ADMIN = 'admin@o.example.com';
const STAFF = 'staff@o.example.com';
const VIEWER = 'viewer@o.example.com';

describe.each(testDatabaseKinds())('engagement history, flags and admin actions on %s', (kind) => {
  let t: TestApp;
  let data: EngagementData;
  let cookies: Record<string, string> = {};

  const get = (email: string, url: string) =>
    t.app.inject({ method: 'GET', url, headers: { cookie: cookies[email] ?? '' } });
  const send = (email: string, method: 'POST' | 'DELETE', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: browserHeaders(cookies[email] ?? ''), payload });
  const auditOf = (action: string) =>
    rows<{ target_label: string; meta: unknown; actor_email: string }>(
      t.testDb.database,
      sql`select target_label, meta, actor_email from audit_log where action = ${action}`,
    );
  const subjects = (body: { items: { subject: string }[] }) => body.items.map((i) => i.subject);

  beforeAll(async () => {
    t = await createEngagementApp(kind);
    const { database } = t.testDb;
    const tenant = await seedEngagementTenant(database, 'ops');
    data = await seedEngagementData(database, tenant.id);
    await seedMember(database, ADMIN, 'ops', 'tenant_admin');
    await seedMember(database, STAFF, 'ops', 'staff');
    await seedMember(database, VIEWER, 'ops', 'district_viewer', [data.districts.north]);
    cookies = await signInAll(t.app, [ADMIN, STAFF, VIEWER]);
  });
  afterAll(() => t.dispose());

  it('lists history newest first with type, status, date and text filters', async () => {
    const all = await get(STAFF, '/api/engagement/history');
    expect(all.json().items).toEqual([
      expect.objectContaining({
        subject: 'Thank-you call',
        type: 'Call',
        contact: 'Ada Lovelace',
        contactKind: 'volunteer',
        event: 'Career Fair',
        activityDate: '2024-10-02',
      }),
      expect.objectContaining({ subject: 'Invitation email', event: null }),
    ]);
    const filters = await get(STAFF, '/api/engagement/history/filters');
    expect(filters.json()).toEqual({ types: ['Call', 'Email'], statuses: ['Completed', 'Open'] });
    const checks: [string, string[]][] = [
      ['?type=Email', ['Invitation email']],
      ['?status=Completed', ['Thank-you call']],
      ['?from=2024-10-01', ['Thank-you call']],
      ['?to=2024-09-30', ['Invitation email']],
      ['?search=hopper', ['Invitation email']],
      ['?sort=subject&order=asc', ['Invitation email', 'Thank-you call']],
      ['?sort=contact&order=asc', ['Invitation email', 'Thank-you call']],
    ];
    for (const [query, expected] of checks) {
      expect(subjects((await get(STAFF, `/api/engagement/history${query}`)).json()), query).toEqual(
        expected,
      );
    }
    const one = await get(STAFF, `/api/engagement/history/${data.activities.call}`);
    expect(one.json()).toMatchObject({ subject: 'Thank-you call', contact: 'Ada Lovelace' });
  });

  it('soft-deletes history for tenant admins only, audited', async () => {
    const url = `/api/engagement/history/${data.activities.mail}`;
    expect((await send(STAFF, 'DELETE', url)).statusCode).toBe(403);
    expect((await send(VIEWER, 'DELETE', url)).statusCode).toBe(403);
    expect((await send(ADMIN, 'DELETE', url)).statusCode).toBe(204);
    expect((await get(STAFF, url)).statusCode).toBe(404);
    expect(subjects((await get(STAFF, '/api/engagement/history')).json())).toEqual([
      'Thank-you call',
    ]);
    expect((await get(STAFF, '/api/engagement/history/filters')).json().types).toEqual(['Call']);
    const [stored] = await rows<{ deleted_at: Date | null }>(
      t.testDb.database,
      sql`select deleted_at from activities where id = ${data.activities.mail}`,
    );
    expect(stored?.deleted_at).not.toBeNull();
    expect(await auditOf('engagement.activity.delete')).toEqual([
      { target_label: 'Invitation email', meta: { soft: true }, actor_email: ADMIN },
    ]);
  });

  it('lists, filters and dismisses data-quality flags, one or many, audited', async () => {
    const open = await get(STAFF, '/api/engagement/data-quality?status=open&sort=issue&order=asc');
    expect(open.json().items).toEqual([
      expect.objectContaining({
        issue: 'all_caps_name',
        entityLabel: 'Alan Turing',
        entityKind: 'volunteer',
      }),
      expect.objectContaining({
        issue: 'missing_org_type',
        entityLabel: 'Helping Hands',
        entityKind: 'organization',
      }),
    ]);
    const byIssue = await get(STAFF, '/api/engagement/data-quality?issue=missing_org_type');
    expect(byIssue.json().total).toBe(1);

    const one = await send(
      STAFF,
      'POST',
      `/api/engagement/data-quality/${data.flags.caps}/dismiss`,
    );
    expect(one.statusCode).toBe(200);
    expect(one.json()).toMatchObject({ status: 'dismissed', dismissedAt: expect.any(String) });
    const bulk = await send(STAFF, 'POST', '/api/engagement/data-quality/dismiss', {
      ids: [data.flags.caps, data.flags.org],
    });
    expect(bulk.json()).toEqual({ dismissed: 1 });
    const none = await send(STAFF, 'POST', '/api/engagement/data-quality/dismiss', { ids: [] });
    expect(none.statusCode).toBe(400);
    expect((await get(STAFF, '/api/engagement/data-quality?status=open')).json().total).toBe(0);
    expect(await auditOf('engagement.data_quality_flag.dismiss')).toHaveLength(1);
    expect(await auditOf('engagement.data_quality_flag.bulk_dismiss')).toEqual([
      expect.objectContaining({ meta: { requested: 2, dismissed: 1, ids: [data.flags.org] } }),
    ]);
    expect(
      (await send(VIEWER, 'POST', `/api/engagement/data-quality/${data.flags.org}/dismiss`))
        .statusCode,
    ).toBe(403);
  });

  it('updates local statuses for tenant admins only, with counts per status', async () => {
    const url = '/api/engagement/volunteers/update-local-statuses';
    expect((await send(STAFF, 'POST', url)).statusCode).toBe(403);
    const response = await send(ADMIN, 'POST', url);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      volunteers: 3,
      byStatus: { local: 1, partial: 0, non_local: 0, unknown: 2 },
    });
  });

  it('deletes a school or a district for tenant admins, detaching what pointed at it', async () => {
    const school = `/api/engagement/schools/${data.schools.washington}`;
    expect((await send(STAFF, 'DELETE', school)).statusCode).toBe(403);
    const removed = await send(ADMIN, 'DELETE', school);
    expect(removed.json().counts).toEqual({
      removed: 1,
      studentsDetached: 1,
      teachersDetached: 1,
      eventsDetached: 1,
      classesDetached: 0,
    });
    const district = `/api/engagement/districts/${data.districts.north}`;
    expect((await send(VIEWER, 'DELETE', district)).statusCode).toBe(403);
    const gone = await send(ADMIN, 'DELETE', district);
    expect(gone.json().counts).toEqual({ removed: 1, schoolsDetached: 1, eventsDetached: 0 });
    expect(await auditOf('engagement.district.delete')).toEqual([
      {
        target_label: 'North District',
        meta: { removed: 1, schoolsDetached: 1, eventsDetached: 0 },
        actor_email: ADMIN,
      },
    ]);
  });

  it('purges a resource type only with the tenant slug typed, for tenant admins only', async () => {
    const purge = (email: string, confirm: string) =>
      send(email, 'POST', '/api/engagement/purge', { resource: 'volunteers', confirm });
    expect((await purge(STAFF, 'ops')).statusCode).toBe(403);
    const wrong = await purge(ADMIN, 'opz');
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details).toEqual([
      { path: 'confirm', message: 'Type ops to confirm' },
    ]);
    expect((await get(ADMIN, '/api/engagement/volunteers')).json().total).toBe(3);

    const done = await purge(ADMIN, 'ops');
    expect(done.json().counts).toEqual({
      removed: 3,
      participations: 2,
      affiliations: 2,
      activities: 2,
    });
    expect((await get(ADMIN, '/api/engagement/volunteers')).json().total).toBe(0);
    expect((await get(ADMIN, '/api/engagement/teachers')).json().total).toBe(2);
    const [flags] = await rows<{ n: number }>(
      t.testDb.database,
      sql`select count(*)::int as n from data_quality_flags where entity_type = 'contact'`,
    );
    expect(flags?.n).toBe(0);
    expect(await auditOf('engagement.volunteer.purge')).toEqual([
      {
        target_label: 'volunteers',
        meta: { removed: 3, participations: 2, affiliations: 2, activities: 2 },
        actor_email: ADMIN,
      },
    ]);
  });
});
