import { expect } from 'vitest';
import type { Database } from '../../src/core/db/client.js';
import type { HttpApp } from '../../src/core/http/types.js';
import { signIn } from './identity.js';
import { apiAs, seedInstitution, seedMember } from './outcomes.js';

export type Api = ReturnType<typeof apiAs>;

/**
 * An institution for the assessment workflow: Nursing (NUR-101, 2 CLOs, two sections taught by
 * Morgan) and Welding (WLD-101, 1 CLO, one section taught by Sam), enrollment 25 with 3
 * withdrawals everywhere; a tenant admin, a program admin per program, both instructors, staff and
 * a district viewer, each signed in.
 */
export async function seedWorkflow(app: HttpApp, database: Database) {
  await seedInstitution(database, 'college');
  await seedMember(database, 'admin@college.example.edu', 'college', 'tenant_admin');
  const admin = apiAs(app, (await signIn(app, 'admin@college.example.edu')).cookie);
  const create = async (url: string, body: object) => {
    const response = await admin('POST', url, body);
    expect(response.status, `${url} ${JSON.stringify(response.body)}`).toBe(201);
    return response.body.id as string;
  };
  const nursing = await create('/api/outcomes/programs', { name: 'Nursing' });
  const welding = await create('/api/outcomes/programs', { name: 'Welding' });
  const term = await create('/api/outcomes/terms', { code: '2024FA' });
  const nur = await create('/api/outcomes/courses', { number: 'NUR-101', programIds: [nursing] });
  const wld = await create('/api/outcomes/courses', { number: 'WLD-101', programIds: [welding] });
  await create(`/api/outcomes/courses/${nur}/outcomes`, { description: 'Take vital signs' });
  await create(`/api/outcomes/courses/${nur}/outcomes`, { description: 'Chart a patient' });
  await create(`/api/outcomes/courses/${wld}/outcomes`, { description: 'Weld a butt joint' });
  const morgan = await create('/api/outcomes/instructors', {
    name: 'Morgan Tate',
    email: 'morgan.tate@college.example.edu',
  });
  const sam = await create('/api/outcomes/instructors', {
    name: 'Sam Ruiz',
    email: 'sam.ruiz@college.example.edu',
  });
  const nurOffering = await create('/api/outcomes/offerings', {
    courseId: nur,
    termId: term,
    sections: 2,
    instructorId: morgan,
    dueDate: '2024-12-20',
  });
  const wldOffering = await create('/api/outcomes/offerings', {
    courseId: wld,
    termId: term,
    sections: 1,
    instructorId: sam,
    dueDate: '2024-12-20',
  });
  const sectionsOf = async (offering: string) =>
    (
      (await admin('GET', `/api/outcomes/sections?offeringId=${offering}`)).body.items as {
        id: string;
      }[]
    ).map((s) => s.id);
  const [nurSection = '', nurSection2 = ''] = await sectionsOf(nurOffering);
  const [wldSection = ''] = await sectionsOf(wldOffering);
  for (const id of [nurSection, nurSection2, wldSection]) {
    const patched = await admin('PATCH', `/api/outcomes/sections/${id}`, {
      enrollment: 25,
      withdrawals: 3,
    });
    expect(patched.status).toBe(200);
  }

  await seedMember(database, 'pa.nursing@college.example.edu', 'college', 'program_admin', [
    nursing,
  ]);
  await seedMember(database, 'pa.welding@college.example.edu', 'college', 'program_admin', [
    welding,
  ]);
  await seedMember(database, 'morgan.tate@college.example.edu', 'college', 'instructor');
  await seedMember(database, 'sam.ruiz@college.example.edu', 'college', 'instructor');
  await seedMember(database, 'staff@college.example.edu', 'college', 'staff');
  await seedMember(database, 'viewer@college.example.edu', 'college', 'district_viewer');
  const as = async (email: string) => apiAs(app, (await signIn(app, email)).cookie);
  return {
    ids: { nursing, welding, term, nur, wld, morgan, sam, nurSection, nurSection2, wldSection },
    api: {
      admin,
      nursingAdmin: await as('pa.nursing@college.example.edu'),
      weldingAdmin: await as('pa.welding@college.example.edu'),
      morgan: await as('morgan.tate@college.example.edu'),
      sam: await as('sam.ruiz@college.example.edu'),
      staff: await as('staff@college.example.edu'),
      viewer: await as('viewer@college.example.edu'),
    },
  };
}

export type WorkflowFixture = Awaited<ReturnType<typeof seedWorkflow>>;

interface DetailOutcome {
  id: string;
  courseOutcome: { number: number };
  status: string;
}

/** The section's outcome ids by CLO number. */
export async function outcomeIds(api: Api, sectionId: string) {
  const detail = await api('GET', `/api/outcomes/sections/${sectionId}`);
  expect(detail.status).toBe(200);
  return (detail.body.outcomes as DetailOutcome[]).map((o) => o.id);
}

/** Fills a section with valid numbers (passed + D/F/I = 22 = 25 − 3) and submits it. */
export async function fillAndSubmit(
  api: Api,
  sectionId: string,
  options: { alertProgramAdmins?: boolean } = {},
) {
  const ids = await outcomeIds(api, sectionId);
  const saved = await api('PUT', `/api/outcomes/sections/${sectionId}/draft`, {
    passedCount: 18,
    dficCount: 4,
    outcomes: ids.map((id, k) => ({ id, took: 20, passed: 15 + k, tool: 'Final exam' })),
  });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  const submitted = await api('POST', `/api/outcomes/sections/${sectionId}/submit`, options);
  expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
  return ids;
}
