import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/core/users/service.js';
import type { TestApp } from '../support/app.js';
import { testDatabaseKinds } from '../support/databases.js';
import { PASSWORD, signIn } from '../support/identity.js';
import { apiAs, createOutcomesApp, seedInstitution, seedMember } from '../support/outcomes.js';

type Api = ReturnType<typeof apiAs>;

interface Numbers {
  sections: { total: number; byStatus: Record<string, number> };
  outcomes: {
    total: number;
    byStatus: Record<string, number>;
    complete: number;
    percentComplete: number | null;
  };
}
interface Dashboard {
  termId: string | null;
  scope: 'all' | 'programs';
  terms: { id: string; code: string; status: string; dueDate: string | null }[];
  programs: (Numbers & { id: string; name: string; isDefault: boolean })[];
  totals: Numbers;
  members: { role: string; members: number; pending: number }[] | null;
  imports: { id: string; status: string; pipeline: string }[] | null;
  faculty: { name: string; sectionCount: number; submittedCount: number }[] | null;
  unassigned: {
    items: { id: string; number: string; course: { number: string }; dueDate: string | null }[];
    total: number;
  } | null;
}

const DAY = 24 * 60 * 60 * 1000;
const isoDay = (offsetDays: number) =>
  new Date(Date.now() + offsetDays * DAY).toISOString().slice(0, 10);

/** Only the non-zero counts, to compare with the fixture's. */
const nonZero = (counts: Record<string, number>) =>
  Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));

describe.each(testDatabaseKinds())('outcomes dashboards on %s', (kind) => {
  let t: TestApp;
  let admin: Api;
  let nursingAdmin: Api;
  let instructor: Api;
  let staff: Api;
  let siteAdmin: Api;
  let engageAdmin: Api;
  const ids = {} as Record<
    | 'nursing'
    | 'welding'
    | 'current'
    | 'past'
    | 'nur'
    | 'wld'
    | 'shared'
    | 'morgan'
    | 'nur1'
    | 'nur2'
    | 'nur3'
    | 'wld1'
    | 'shr1'
    | 'run',
    string
  >;

  const create = async (api: Api, url: string, body: object) => {
    const response = await api('POST', url, body);
    expect(response.status, `${url} ${JSON.stringify(response.body)}`).toBe(201);
    return response.body.id as string;
  };
  const sectionsOf = async (offeringId: string) =>
    (
      (await admin('GET', `/api/outcomes/sections?offeringId=${offeringId}&sort=number`)).body
        .items as { id: string }[]
    ).map((s) => s.id);
  /** Sets the statuses of a section's outcomes, in CLO number order. */
  const setStatuses = async (sectionId: string, ...statuses: string[]) => {
    const { database } = t.testDb;
    const result = (await database.db.execute(sql`select so.id from section_outcomes so
      join course_outcomes co on co.id = so.course_outcome_id
      where so.section_id = ${sectionId} order by co.number`)) as unknown as {
      rows: { id: string }[];
    };
    expect(result.rows).toHaveLength(statuses.length);
    for (const [k, row] of result.rows.entries()) {
      await database.db.execute(
        sql`update section_outcomes set status = ${statuses[k]} where id = ${row.id}`,
      );
    }
  };

  beforeAll(async () => {
    t = await createOutcomesApp(kind);
    const { database } = t.testDb;
    await seedInstitution(database, 'college');
    await seedInstitution(database, 'other');
    await seedInstitution(database, 'engage', ['engagement']);
    await seedMember(database, 'admin@college.example.edu', 'college', 'tenant_admin');
    await seedMember(database, 'staff@college.example.edu', 'college', 'staff');
    await seedMember(database, 'admin@engage.example.org', 'engage', 'tenant_admin');
    await createUser(database.db, {
      email: 'root@platform.example.com',
      password: PASSWORD,
      name: 'Root',
      siteAdmin: true,
    });
    admin = apiAs(t.app, (await signIn(t.app, 'admin@college.example.edu')).cookie);

    ids.nursing = await create(admin, '/api/outcomes/programs', { name: 'Nursing' });
    ids.welding = await create(admin, '/api/outcomes/programs', { name: 'Welding' });
    ids.past = await create(admin, '/api/outcomes/terms', { code: '2020FA' });
    ids.current = await create(admin, '/api/outcomes/terms', {
      code: '2030SP',
      name: 'This term',
      startDate: isoDay(-30),
      endDate: isoDay(60),
      dueDate: isoDay(70),
    });
    ids.nur = await create(admin, '/api/outcomes/courses', {
      number: 'NUR-101',
      programIds: [ids.nursing],
    });
    ids.wld = await create(admin, '/api/outcomes/courses', {
      number: 'WLD-101',
      programIds: [ids.welding],
    });
    ids.shared = await create(admin, '/api/outcomes/courses', {
      number: 'SHR-101',
      programIds: [ids.nursing, ids.welding],
    });
    for (const description of ['Take vital signs', 'Chart a patient'])
      await create(admin, `/api/outcomes/courses/${ids.nur}/outcomes`, { description });
    await create(admin, `/api/outcomes/courses/${ids.wld}/outcomes`, { description: 'Weld' });
    await create(admin, `/api/outcomes/courses/${ids.shared}/outcomes`, { description: 'Safety' });
    ids.morgan = await create(admin, '/api/outcomes/instructors', {
      name: 'Morgan Tate',
      email: 'morgan.tate@college.example.edu',
    });

    const nurOffering = await create(admin, '/api/outcomes/offerings', {
      courseId: ids.nur,
      termId: ids.current,
      sections: 3,
      instructorId: ids.morgan,
    });
    [ids.nur1, ids.nur2, ids.nur3] = (await sectionsOf(nurOffering)) as [string, string, string];
    const unassign = await admin('PUT', `/api/outcomes/sections/${ids.nur3}/instructor`, {
      instructorId: null,
    });
    expect(unassign.status).toBe(200);
    const wldOffering = await create(admin, '/api/outcomes/offerings', {
      courseId: ids.wld,
      termId: ids.current,
      sections: 1,
      instructorId: null,
    });
    [ids.wld1] = (await sectionsOf(wldOffering)) as [string];
    const shrOffering = await create(admin, '/api/outcomes/offerings', {
      courseId: ids.shared,
      termId: ids.current,
      sections: 1,
      instructorId: ids.morgan,
    });
    [ids.shr1] = (await sectionsOf(shrOffering)) as [string];
    // Last term: one Nursing section, both outcomes approved.
    const pastOffering = await create(admin, '/api/outcomes/offerings', {
      courseId: ids.nur,
      termId: ids.past,
      sections: 1,
      instructorId: ids.morgan,
    });
    const [past1 = ''] = await sectionsOf(pastOffering);

    await setStatuses(ids.nur1, 'approved', 'approved'); // section: approved
    await setStatuses(ids.nur2, 'never_coming_in', 'submitted'); // section: submitted
    await setStatuses(ids.nur3, 'unassigned', 'unassigned'); // section: not started
    await setStatuses(ids.wld1, 'unassigned'); // section: not started
    await setStatuses(ids.shr1, 'in_progress'); // section: in progress
    await setStatuses(past1, 'approved', 'approved');

    const college = (await database.db.execute(
      sql`select id from tenants where slug = 'college'`,
    )) as unknown as { rows: { id: string }[] };
    const run = (await database.db.execute(sql`insert into import_runs
        (tenant_id, pipeline, source, mode, options, plan, warnings, status, triggered_by)
      values (${college.rows[0]?.id}, 'outcomes-cei', 'fall.xlsx', 'commit',
        '{"failFast":false,"batchSize":1000,"chunkSize":1000}', '{}', '{}', 'partial', 'user')
      returning id`)) as unknown as { rows: { id: string }[] };
    ids.run = run.rows[0]?.id ?? '';

    await seedMember(database, 'pa@college.example.edu', 'college', 'program_admin', [ids.nursing]);
    await seedMember(database, 'morgan.tate@college.example.edu', 'college', 'instructor');
    nursingAdmin = apiAs(t.app, (await signIn(t.app, 'pa@college.example.edu')).cookie);
    instructor = apiAs(t.app, (await signIn(t.app, 'morgan.tate@college.example.edu')).cookie);
    staff = apiAs(t.app, (await signIn(t.app, 'staff@college.example.edu')).cookie);
    siteAdmin = apiAs(t.app, (await signIn(t.app, 'root@platform.example.com')).cookie);
    engageAdmin = apiAs(t.app, (await signIn(t.app, 'admin@engage.example.org')).cookie);
  });
  afterAll(() => t.dispose());

  const dashboardOf = async (api: Api, query = '') => {
    const response = await api('GET', `/api/outcomes/dashboard${query}`);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body as Dashboard;
  };

  it('opens on the active term and lists every term with its status and due date', async () => {
    const dashboard = await dashboardOf(admin);
    expect(dashboard.termId).toBe(ids.current);
    expect(dashboard.scope).toBe('all');
    expect(dashboard.terms.map((term) => [term.code, term.status, term.dueDate])).toEqual([
      ['2030SP', 'active', isoDay(70)],
      ['2020FA', 'passed', null],
    ]);
  });

  it('counts sections and CLOs by status per program, and % complete (approved + NCI)', async () => {
    const dashboard = await dashboardOf(admin);
    const byName = Object.fromEntries(dashboard.programs.map((p) => [p.name, p]));
    expect(dashboard.programs.map((p) => p.name)).toEqual(['Nursing', 'Welding', 'Unclassified']);

    // Nursing: NUR-101 ×3 and the shared SHR-101.
    const nursing = byName.Nursing as Numbers;
    expect(nursing.sections.total).toBe(4);
    expect(nonZero(nursing.sections.byStatus)).toEqual({
      approved: 1,
      submitted: 1,
      not_started: 1,
      in_progress: 1,
    });
    expect(nursing.outcomes.total).toBe(7);
    expect(nonZero(nursing.outcomes.byStatus)).toEqual({
      approved: 2,
      never_coming_in: 1,
      submitted: 1,
      unassigned: 2,
      in_progress: 1,
    });
    expect(nursing.outcomes.complete).toBe(3);
    expect(nursing.outcomes.percentComplete).toBe(42.9);

    // Welding: WLD-101 and the shared SHR-101; nothing complete is 0 %, not "no data".
    const welding = byName.Welding as Numbers;
    expect(welding.sections.total).toBe(2);
    expect(nonZero(welding.sections.byStatus)).toEqual({ not_started: 1, in_progress: 1 });
    expect(welding.outcomes.total).toBe(2);
    expect(welding.outcomes.percentComplete).toBe(0);

    // No sections: no percentage at all.
    const unclassified = byName.Unclassified as Numbers;
    expect(unclassified.sections.total).toBe(0);
    expect(unclassified.outcomes.percentComplete).toBeNull();

    // Totals count the shared section once.
    expect(dashboard.totals.sections.total).toBe(5);
    expect(nonZero(dashboard.totals.sections.byStatus)).toEqual({
      approved: 1,
      submitted: 1,
      not_started: 2,
      in_progress: 1,
    });
    expect(dashboard.totals.outcomes.total).toBe(8);
    expect(dashboard.totals.outcomes.complete).toBe(3);
    expect(dashboard.totals.outcomes.percentComplete).toBe(37.5);
  });

  it('shows another term when asked', async () => {
    const dashboard = await dashboardOf(admin, `?termId=${ids.past}`);
    expect(dashboard.termId).toBe(ids.past);
    const nursing = dashboard.programs.find((p) => p.name === 'Nursing');
    expect(nursing?.sections.total).toBe(1);
    expect(nursing?.outcomes.percentComplete).toBe(100);
    expect(dashboard.totals.sections.total).toBe(1);

    const unknown = await admin('GET', `/api/outcomes/dashboard?termId=${ids.nursing}`);
    expect(unknown.status).toBe(404);
    const invalid = await admin('GET', '/api/outcomes/dashboard?termId=nope');
    expect(invalid.status).toBe(400);
  });

  it('gives tenant admins members by role and the recent imports', async () => {
    const dashboard = await dashboardOf(admin);
    const roles = Object.fromEntries((dashboard.members ?? []).map((m) => [m.role, m.members]));
    expect(roles).toEqual({ tenant_admin: 1, staff: 1, program_admin: 1, instructor: 1 });
    expect(dashboard.imports?.map((run) => [run.id, run.status, run.pipeline])).toEqual([
      [ids.run, 'partial', 'outcomes-cei'],
    ]);
    expect(dashboard.faculty).toBeNull();
    expect(dashboard.unassigned).toBeNull();
  });

  it('shows a program admin only its programs, its faculty and its unassigned sections', async () => {
    const dashboard = await dashboardOf(nursingAdmin);
    expect(dashboard.scope).toBe('programs');
    expect(dashboard.programs.map((p) => p.name)).toEqual(['Nursing']);
    // Their totals are Nursing's: Welding's own section is not theirs.
    expect(dashboard.totals.sections.total).toBe(4);
    expect(dashboard.totals.outcomes.total).toBe(7);
    expect(dashboard.totals.outcomes.percentComplete).toBe(42.9);
    expect(dashboard.faculty).toEqual([
      expect.objectContaining({ name: 'Morgan Tate', sectionCount: 3, submittedCount: 2 }),
    ]);
    expect(dashboard.unassigned?.total).toBe(1);
    expect(dashboard.unassigned?.items).toEqual([
      expect.objectContaining({ id: ids.nur3, number: '003', dueDate: isoDay(70) }),
    ]);
    expect(dashboard.unassigned?.items[0]?.course.number).toBe('NUR-101');
    // Neither the tenant's members nor its imports.
    expect(dashboard.members).toBeNull();
    expect(dashboard.imports).toBeNull();
  });

  it('refuses instructors and staff, and tenants without the outcomes module', async () => {
    expect((await instructor('GET', '/api/outcomes/dashboard')).status).toBe(403);
    expect((await staff('GET', '/api/outcomes/dashboard')).status).toBe(403);
    const engage = await engageAdmin('GET', '/api/outcomes/dashboard');
    expect(engage.status).toBe(404);
    expect(engage.body.error.code).toBe('module_not_enabled');
  });

  it('gives site admins every tenant with users, programs, courses and active terms', async () => {
    const response = await siteAdmin('GET', '/api/admin/tenants/overview');
    expect(response.status).toBe(200);
    const body = response.body as {
      metrics: { key: string; label: string; module: string }[];
      items: { slug: string; users: number; counts: Record<string, number | null> }[];
    };
    expect(body.metrics.map((m) => m.key)).toEqual(['programs', 'courses', 'activeTerms']);
    const bySlug = Object.fromEntries(body.items.map((item) => [item.slug, item]));
    expect(bySlug.college).toMatchObject({
      users: 4,
      counts: { programs: 3, courses: 3, activeTerms: 1 },
    });
    expect(bySlug.other).toMatchObject({
      users: 0,
      counts: { programs: 0, courses: 0, activeTerms: 0 },
    });
    // The engagement tenant does not use outcomes: no counts rather than zeros.
    expect(bySlug.engage).toMatchObject({
      users: 1,
      counts: { programs: null, courses: null, activeTerms: null },
    });
  });

  it('refuses the tenants overview to everyone but site admins', async () => {
    for (const api of [admin, nursingAdmin, instructor]) {
      expect((await api('GET', '/api/admin/tenants/overview')).status).toBe(403);
    }
  });
});
