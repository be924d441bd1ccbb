import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../support/app.js';
import { testDatabaseKinds } from '../support/databases.js';
import { signIn } from '../support/identity.js';
import { apiAs, createOutcomesApp, seedInstitution, seedMember } from '../support/outcomes.js';

type Api = ReturnType<typeof apiAs>;

/** The course numbers a caller's courses list shows. */
const courseNumbers = async (api: Api) =>
  ((await api('GET', '/api/outcomes/courses?pageSize=100')).body.items as { number: string }[])
    .map((c) => c.number)
    .sort();

describe.each(testDatabaseKinds())('narrowing a session to one program on %s', (kind) => {
  let t: TestApp;
  let admin: Api;
  let programAdmin: Api;
  let instructor: Api;
  const ids = { nursing: '', welding: '', business: '', otherProgram: '' };

  beforeAll(async () => {
    t = await createOutcomesApp(kind);
    const { database } = t.testDb;
    await seedInstitution(database, 'college');
    await seedInstitution(database, 'other');
    await seedMember(database, 'admin@college.example.edu', 'college', 'tenant_admin');
    await seedMember(database, 'admin@other.example.edu', 'other', 'tenant_admin');
    admin = apiAs(t.app, (await signIn(t.app, 'admin@college.example.edu')).cookie);
    const create = async (api: Api, url: string, body: object) => {
      const response = await api('POST', url, body);
      expect(response.status, JSON.stringify(response.body)).toBe(201);
      return response.body.id as string;
    };
    ids.nursing = await create(admin, '/api/outcomes/programs', { name: 'Nursing' });
    ids.welding = await create(admin, '/api/outcomes/programs', { name: 'Welding' });
    ids.business = await create(admin, '/api/outcomes/programs', { name: 'Business' });
    await create(admin, '/api/outcomes/courses', { number: 'NUR-101', programIds: [ids.nursing] });
    await create(admin, '/api/outcomes/courses', { number: 'WLD-101', programIds: [ids.welding] });
    await create(admin, '/api/outcomes/courses', { number: 'BUS-101', programIds: [ids.business] });
    const other = apiAs(t.app, (await signIn(t.app, 'admin@other.example.edu')).cookie);
    ids.otherProgram = await create(other, '/api/outcomes/programs', { name: 'Elsewhere' });

    await seedMember(database, 'pa@college.example.edu', 'college', 'program_admin', [
      ids.nursing,
      ids.welding,
    ]);
    await seedMember(database, 'inst@college.example.edu', 'college', 'instructor');
    programAdmin = apiAs(t.app, (await signIn(t.app, 'pa@college.example.edu')).cookie);
    instructor = apiAs(t.app, (await signIn(t.app, 'inst@college.example.edu')).cookie);
  });
  afterAll(() => t.dispose());

  it('lists the programs of the role scope, none chosen at first', async () => {
    const choices = await programAdmin('GET', '/api/outcomes/active-program');
    expect(choices.status).toBe(200);
    expect(choices.body.activeProgramId).toBeNull();
    expect(choices.body.programs.map((p: { name: string }) => p.name)).toEqual([
      'Nursing',
      'Welding',
    ]);
    expect((await programAdmin('GET', '/api/me')).body.activeProgramId).toBeNull();
  });

  it('narrows a program admin to one of their programs, and widens again', async () => {
    expect(await courseNumbers(programAdmin)).toEqual(['NUR-101', 'WLD-101']);
    const put = await programAdmin('PUT', '/api/outcomes/active-program', {
      programId: ids.welding,
    });
    expect(put.status).toBe(200);
    expect(await courseNumbers(programAdmin)).toEqual(['WLD-101']);
    expect((await programAdmin('GET', '/api/me')).body.activeProgramId).toBe(ids.welding);
    // The picker still offers every program of the role.
    const choices = await programAdmin('GET', '/api/outcomes/active-program');
    expect(choices.body.activeProgramId).toBe(ids.welding);
    expect(choices.body.programs).toHaveLength(2);

    await programAdmin('PUT', '/api/outcomes/active-program', { programId: null });
    expect(await courseNumbers(programAdmin)).toEqual(['NUR-101', 'WLD-101']);
  });

  it('narrows a tenant admin to any program of the tenant', async () => {
    await admin('PUT', '/api/outcomes/active-program', { programId: ids.business });
    expect(await courseNumbers(admin)).toEqual(['BUS-101']);
    await admin('PUT', '/api/outcomes/active-program', { programId: null });
    expect(await courseNumbers(admin)).toEqual(['BUS-101', 'NUR-101', 'WLD-101']);
  });

  it('refuses programs outside the role scope or the tenant, and instructors', async () => {
    const outside = await programAdmin('PUT', '/api/outcomes/active-program', {
      programId: ids.business,
    });
    expect(outside.status).toBe(404);
    const otherTenant = await admin('PUT', '/api/outcomes/active-program', {
      programId: ids.otherProgram,
    });
    expect(otherTenant.status).toBe(404);
    expect(await courseNumbers(programAdmin)).toEqual(['NUR-101', 'WLD-101']);
    const asInstructor = await instructor('PUT', '/api/outcomes/active-program', {
      programId: ids.nursing,
    });
    expect(asInstructor.status).toBe(403);
  });
});
