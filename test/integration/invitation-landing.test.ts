import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_BASE_URL, type TestApp } from '../support/app.js';
import { testDatabaseKinds } from '../support/databases.js';
import { PASSWORD, rows, signIn } from '../support/identity.js';
import { apiAs, createOutcomesApp, seedInstitution, seedMember } from '../support/outcomes.js';

type Api = ReturnType<typeof apiAs>;

/** DOMAIN.md §1.2: accepting an invitation signs in, "landing on the invited work". */
describe.each(testDatabaseKinds())('where an accepted invitation lands on %s', (kind) => {
  let t: TestApp;
  let admin: Api;
  let engageAdmin: Api;
  const ids = {} as Record<'nursing' | 'section' | 'college', string>;

  const create = async (url: string, body: object) => {
    const response = await admin('POST', url, body);
    expect(response.status, `${url} ${JSON.stringify(response.body)}`).toBe(201);
    return response.body.id as string;
  };

  beforeAll(async () => {
    t = await createOutcomesApp(kind);
    const { database } = t.testDb;
    ids.college = (await seedInstitution(database, 'college')).id;
    await seedInstitution(database, 'academy');
    await seedInstitution(database, 'engage', ['engagement']);
    await seedMember(database, 'admin@college.example.edu', 'college', 'tenant_admin');
    await seedMember(database, 'admin@engage.example.org', 'engage', 'tenant_admin');
    // Already has an account, and another tenant that the sign-in would choose by default.
    await seedMember(database, 'casey@academy.example.edu', 'academy', 'instructor');
    admin = apiAs(t.app, (await signIn(t.app, 'admin@college.example.edu')).cookie);
    engageAdmin = apiAs(t.app, (await signIn(t.app, 'admin@engage.example.org')).cookie);

    ids.nursing = await create('/api/outcomes/programs', { name: 'Nursing' });
    const term = await create('/api/outcomes/terms', { code: '2025FA' });
    const course = await create('/api/outcomes/courses', {
      number: 'NUR-101',
      programIds: [ids.nursing],
    });
    await create(`/api/outcomes/courses/${course}/outcomes`, { description: 'Take vital signs' });
    const offering = await create('/api/outcomes/offerings', {
      courseId: course,
      termId: term,
      sections: 1,
      instructorId: null,
    });
    const sections = await admin('GET', `/api/outcomes/sections?offeringId=${offering}`);
    ids.section = sections.body.items[0].id as string;
  });
  afterAll(() => t.dispose());

  async function tokenFor(email: string): Promise<string> {
    const [latest] = await rows<{ data: { url: string } }>(
      t.testDb.database,
      sql`select data from email_outbox where "to" = ${email} and template = 'invitation'
          order by created_at desc limit 1`,
    );
    return new URL(latest?.data.url ?? '').searchParams.get('token') ?? '';
  }

  /** Accepts the latest invitation of `email`: where it lands, and the new session's cookie. */
  async function accept(email: string, password: string) {
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/invitations/by-token/${await tokenFor(email)}/accept`,
      headers: { origin: TEST_BASE_URL },
      payload: { name: 'Invitee', password },
    });
    expect(response.statusCode, response.body).toBe(200);
    const cookie = response.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    return { redirectTo: response.json().redirectTo as string, as: apiAs(t.app, cookie) };
  }

  it('lands an instructor invited to a section on that section, which they can open', async () => {
    // The Assign dialog's flow: an instructor record, the section assigned, then the invitation.
    const instructor = await create('/api/outcomes/instructors', {
      name: 'Robin Reyes',
      email: 'robin.reyes@college.example.edu',
    });
    const assigned = await admin('PUT', `/api/outcomes/sections/${ids.section}/instructor`, {
      instructorId: instructor,
    });
    expect(assigned.status).toBe(200);
    const invited = await admin('POST', '/api/invitations', {
      email: 'robin.reyes@college.example.edu',
      role: 'instructor',
      scope: { programs: [ids.nursing] },
      sectionId: ids.section,
    });
    expect(invited.status).toBe(201);

    // The email and the acceptance page name the program and the section.
    const [email] = await rows<{ text: string }>(
      t.testDb.database,
      sql`select text from email_outbox where "to" = 'robin.reyes@college.example.edu'
          and template = 'invitation'`,
    );
    expect(email?.text).toContain('Program: Nursing');
    expect(email?.text).toContain('Section to assess: NUR-101 001 (Fall 2025)');
    const offer = await t.app.inject({
      method: 'GET',
      url: `/api/invitations/by-token/${await tokenFor('robin.reyes@college.example.edu')}`,
    });
    expect(offer.json()).toMatchObject({
      role: 'instructor',
      program: 'Nursing',
      section: 'NUR-101 001 (Fall 2025)',
    });

    const { redirectTo, as } = await accept(
      'robin.reyes@college.example.edu',
      'amber violet canyon',
    );
    expect(redirectTo).toBe(`/outcomes/sections/${ids.section}`);
    expect((await as('GET', '/api/me')).body.activeTenantId).toBe(ids.college);
    const section = await as('GET', redirectTo.replace('/outcomes/', '/api/outcomes/'));
    expect(section.status).toBe(200);
    expect(section.body.id).toBe(ids.section);
  });

  it('lands an instructor invited without a section on their own sections, in the inviting tenant', async () => {
    const invited = await admin('POST', '/api/invitations', {
      email: 'casey@academy.example.edu',
      role: 'instructor',
    });
    expect(invited.status).toBe(201);
    // An existing account accepts with its own password.
    const [email] = await rows<{ text: string }>(
      t.testDb.database,
      sql`select text from email_outbox where "to" = 'casey@academy.example.edu'
          and template = 'invitation'`,
    );
    expect(email?.text).not.toContain('Section to assess');
    const { redirectTo, as } = await accept('casey@academy.example.edu', PASSWORD);
    expect(redirectTo).toBe('/outcomes/my');
    // Not "academy", which a plain sign-in would have chosen: the invitation's tenant.
    const me = (await as('GET', '/api/me')).body;
    expect(me.activeTenantId).toBe(ids.college);
    expect(me.tenants.map((tenant: { slug: string }) => tenant.slug).sort()).toEqual([
      'academy',
      'college',
    ]);
  });

  it('lands a program admin on the home page, their dashboard', async () => {
    await admin('POST', '/api/invitations', {
      email: 'pa@college.example.edu',
      role: 'program_admin',
      scope: { programs: [ids.nursing] },
    });
    const { redirectTo, as } = await accept('pa@college.example.edu', 'silver maple harbor');
    expect(redirectTo).toBe('/');
    expect((await as('GET', '/api/outcomes/dashboard')).status).toBe(200);
  });

  it('ignores a section named in a tenant without the outcomes module', async () => {
    const invited = await engageAdmin('POST', '/api/invitations', {
      email: 'sam@engage.example.org',
      role: 'staff',
      sectionId: ids.section,
    });
    expect(invited.status).toBe(201);
    const offer = await t.app.inject({
      method: 'GET',
      url: `/api/invitations/by-token/${await tokenFor('sam@engage.example.org')}`,
    });
    expect(offer.json()).toMatchObject({ program: null, section: null });
    const { redirectTo } = await accept('sam@engage.example.org', 'quiet river lantern');
    expect(redirectTo).toBe('/');
  });
});
