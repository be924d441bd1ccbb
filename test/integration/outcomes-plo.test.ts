import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tx } from '../../src/core/db/tx.js';
import type { TestApp } from '../support/app.js';
import { testDatabaseKinds } from '../support/databases.js';
import { signIn } from '../support/identity.js';
import { apiAs, createOutcomesApp, seedInstitution, seedMember } from '../support/outcomes.js';

type Api = ReturnType<typeof apiAs>;

interface Matrix {
  mapping: { id: string; status: string; version: number | null; entryCount: number } | null;
  basedOnVersion: number | null;
  plos: { id: string; number: number }[];
  clos: { id: string; course: string; number: number; programOutcomeId: string | null }[];
  unmapped: string[];
}

interface Point {
  termId: string;
  rate: number | null;
  took: number | null;
  passed: number | null;
  result: string | null;
  clos: string[];
  changed: boolean;
  added: string[];
  removed: string[];
}

describe.each(testDatabaseKinds())('PLOs, their mapping and dashboard on %s', (kind) => {
  let t: TestApp;
  let tenantId: string;
  let admin: Api;
  let nursingAdmin: Api;
  let instructor: Api;
  let otherAdmin: Api;
  type Key =
    | 'nursing'
    | 'welding'
    | 'spring24'
    | 'fall24'
    | 'spring25'
    | 'nur'
    | 'shr'
    | 'wld'
    | 'nur1'
    | 'nur2'
    | 'shr1'
    | 'wld1'
    | 'plo1'
    | 'plo2'
    | 'wldPlo';
  const ids = {} as Record<Key, string>;

  const create = async (api: Api, url: string, body: object) => {
    const response = await api('POST', url, body);
    expect(response.status, `${url} ${JSON.stringify(response.body)}`).toBe(201);
    return response.body.id as string;
  };
  const plosOf = (program: string) => `/api/outcomes/programs/${program}/plos`;
  const mappingOf = (program: string, version: string | number = 'draft') =>
    `/api/outcomes/programs/${program}/plo-mappings/${String(version)}`;
  const entryOf = (program: string, clo: string) =>
    `/api/outcomes/programs/${program}/plo-mappings/draft/entries/${clo}`;
  const publishOf = (program: string) =>
    `/api/outcomes/programs/${program}/plo-mappings/draft/publish`;
  const dashboardOf = (program: string, term: string) =>
    `/api/outcomes/programs/${program}/plo-dashboard?termId=${term}`;
  const trendOf = (program: string) => `/api/outcomes/programs/${program}/plo-trend`;

  /** Sets took/passed of the section outcomes of a section, by CLO id. */
  async function report(section: string, numbers: Record<string, [number | null, number | null]>) {
    await tx(t.testDb.database.db, { tenantId }, async (q) => {
      for (const [clo, [took, passed]] of Object.entries(numbers)) {
        await q.execute(sql`update section_outcomes set took = ${took}, passed = ${passed}
          where section_id = ${section}::uuid and course_outcome_id = ${clo}::uuid`);
      }
    });
  }

  async function sectionsOf(offering: string) {
    const response = await admin('GET', `/api/outcomes/sections?offeringId=${offering}`);
    return (response.body.items as { id: string; number: string }[])
      .sort((a, b) => a.number.localeCompare(b.number))
      .map((s) => s.id);
  }

  async function auditActions() {
    return tx(t.testDb.database.db, { tenantId }, async (q) => {
      const result = await q.execute(sql`select action from audit_log
        where action like 'outcomes.plo%' order by occurred_at, id`);
      return (result as unknown as { rows: { action: string }[] }).rows.map((r) => r.action);
    });
  }

  beforeAll(async () => {
    t = await createOutcomesApp(kind);
    const { database } = t.testDb;
    tenantId = (await seedInstitution(database, 'college')).id;
    await seedInstitution(database, 'other');
    await seedMember(database, 'admin@college.example.edu', 'college', 'tenant_admin');
    await seedMember(database, 'admin@other.example.edu', 'other', 'tenant_admin');
    admin = apiAs(t.app, (await signIn(t.app, 'admin@college.example.edu')).cookie);

    ids.nursing = await create(admin, '/api/outcomes/programs', { name: 'Nursing' });
    ids.welding = await create(admin, '/api/outcomes/programs', { name: 'Welding' });
    ids.spring24 = await create(admin, '/api/outcomes/terms', { code: '2024SP' });
    ids.fall24 = await create(admin, '/api/outcomes/terms', { code: '2024FA' });
    ids.spring25 = await create(admin, '/api/outcomes/terms', { code: '2025SP' });
    ids.nur = await create(admin, '/api/outcomes/courses', {
      number: 'NUR-101',
      programIds: [ids.nursing],
    });
    ids.shr = await create(admin, '/api/outcomes/courses', {
      number: 'SHR-101',
      programIds: [ids.nursing, ids.welding],
    });
    ids.wld = await create(admin, '/api/outcomes/courses', {
      number: 'WLD-101',
      programIds: [ids.welding],
    });
    ids.nur1 = await create(admin, `/api/outcomes/courses/${ids.nur}/outcomes`, {
      description: 'Take vital signs',
    });
    ids.nur2 = await create(admin, `/api/outcomes/courses/${ids.nur}/outcomes`, {
      description: 'Document care',
    });
    ids.shr1 = await create(admin, `/api/outcomes/courses/${ids.shr}/outcomes`, {
      description: 'Work safely',
    });
    ids.wld1 = await create(admin, `/api/outcomes/courses/${ids.wld}/outcomes`, {
      description: 'Weld a butt joint',
    });
    const offering = (course: string, term: string, sections: number) =>
      create(admin, '/api/outcomes/offerings', { courseId: course, termId: term, sections });
    const [nurSp1 = '', nurSp2 = ''] = await sectionsOf(await offering(ids.nur, ids.spring24, 2));
    const [nurSp25 = ''] = await sectionsOf(await offering(ids.nur, ids.spring25, 1));
    const [shrSp25 = ''] = await sectionsOf(await offering(ids.shr, ids.spring25, 1));
    const [wldSp25 = ''] = await sectionsOf(await offering(ids.wld, ids.spring25, 1));
    // 2024SP: NUR-101.1 15/20 (75 %), NUR-101.2 7/10 (one section with took 0 does not count).
    await report(nurSp1, { [ids.nur1]: [10, 8], [ids.nur2]: [10, 7] });
    await report(nurSp2, { [ids.nur1]: [10, 7], [ids.nur2]: [0, 0] });
    // 2024FA: nothing. 2025SP: NUR-101.1 15/20, NUR-101.2 without numbers, SHR-101.1 5/10.
    await report(nurSp25, { [ids.nur1]: [20, 15] });
    await report(shrSp25, { [ids.shr1]: [10, 5] });
    await report(wldSp25, { [ids.wld1]: [10, 10] });

    await seedMember(database, 'pa@college.example.edu', 'college', 'program_admin', [ids.nursing]);
    await seedMember(database, 'teacher@college.example.edu', 'college', 'instructor');
    nursingAdmin = apiAs(t.app, (await signIn(t.app, 'pa@college.example.edu')).cookie);
    instructor = apiAs(t.app, (await signIn(t.app, 'teacher@college.example.edu')).cookie);
    otherAdmin = apiAs(t.app, (await signIn(t.app, 'admin@other.example.edu')).cookie);
  });
  afterAll(() => t.dispose());

  it('creates, numbers, rewords and deletes PLOs, audited', async () => {
    const first = await nursingAdmin('POST', plosOf(ids.nursing), { description: 'Safe care' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ number: 1, programId: ids.nursing });
    ids.plo1 = first.body.id;
    ids.plo2 = await create(nursingAdmin, plosOf(ids.nursing), { description: 'Communication' });
    const taken = await nursingAdmin('POST', plosOf(ids.nursing), {
      number: 2,
      description: 'Twice',
    });
    expect(taken.status).toBe(409);
    expect(taken.body.error.details).toEqual([{ path: 'number', message: 'is taken' }]);
    expect((await nursingAdmin('POST', plosOf(ids.nursing), { description: ' ' })).status).toBe(
      400,
    );
    // Numbers are unique per program, not per institution.
    ids.wldPlo = await create(admin, plosOf(ids.welding), { number: 1, description: 'Weld' });

    const reworded = await nursingAdmin('PATCH', `/api/outcomes/plos/${ids.plo2}`, {
      description: 'Communicate with patients',
    });
    expect(reworded.status).toBe(200);
    expect(reworded.body.description).toBe('Communicate with patients');
    expect(
      (await nursingAdmin('PATCH', `/api/outcomes/plos/${ids.plo2}`, { number: 1 })).status,
    ).toBe(409);

    const spare = await create(nursingAdmin, plosOf(ids.nursing), { description: 'Spare' });
    expect((await nursingAdmin('DELETE', `/api/outcomes/plos/${spare}`)).status).toBe(204);
    const listed = await nursingAdmin('GET', plosOf(ids.nursing));
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((p: { number: number }) => p.number)).toEqual([1, 2]);
    expect(await auditActions()).toEqual([
      'outcomes.plo.create',
      'outcomes.plo.create',
      'outcomes.plo.create',
      'outcomes.plo.update',
      'outcomes.plo.create',
      'outcomes.plo.delete',
    ]);
  });

  it('edits a draft, publishes versions and keeps each version as it was', async () => {
    const empty = await nursingAdmin('GET', mappingOf(ids.nursing));
    expect(empty.status).toBe(200);
    const before = empty.body as Matrix;
    expect(before.mapping).toBeNull();
    expect(before.basedOnVersion).toBeNull();
    expect(before.clos.map((c) => `${c.course}.${String(c.number)}`)).toEqual([
      'NUR-101.1',
      'NUR-101.2',
      'SHR-101.1',
    ]);
    expect(before.unmapped.sort()).toEqual([ids.nur1, ids.nur2, ids.shr1].sort());
    expect((await nursingAdmin('POST', publishOf(ids.nursing))).status).toBe(409);

    const set = await nursingAdmin('PUT', entryOf(ids.nursing, ids.nur1), {
      programOutcomeId: ids.plo2,
    });
    expect(set.status).toBe(200);
    expect((set.body as Matrix).mapping).toMatchObject({ status: 'draft', version: null });
    // One PLO per CLO per version: choosing another replaces it.
    const moved = (
      await nursingAdmin('PUT', entryOf(ids.nursing, ids.nur1), { programOutcomeId: ids.plo1 })
    ).body as Matrix;
    expect(moved.clos.find((c) => c.id === ids.nur1)?.programOutcomeId).toBe(ids.plo1);
    expect(moved.mapping?.entryCount).toBe(1);
    await nursingAdmin('PUT', entryOf(ids.nursing, ids.nur2), { programOutcomeId: ids.plo2 });
    await nursingAdmin('PUT', entryOf(ids.nursing, ids.shr1), { programOutcomeId: ids.plo2 });
    const cleared = (
      await nursingAdmin('PUT', entryOf(ids.nursing, ids.shr1), { programOutcomeId: null })
    ).body as Matrix;
    expect(cleared.unmapped).toEqual([ids.shr1]);

    const v1 = await nursingAdmin('POST', publishOf(ids.nursing));
    expect(v1.status).toBe(200);
    expect(v1.body).toMatchObject({ status: 'published', version: 1, entryCount: 2 });

    // The next draft starts as a copy of v1.
    const next = (await nursingAdmin('GET', mappingOf(ids.nursing))).body as Matrix;
    expect(next.mapping).toBeNull();
    expect(next.basedOnVersion).toBe(1);
    expect(next.clos.find((c) => c.id === ids.nur2)?.programOutcomeId).toBe(ids.plo2);
    await nursingAdmin('PUT', entryOf(ids.nursing, ids.shr1), { programOutcomeId: ids.plo1 });
    const draft = (
      await nursingAdmin('PUT', entryOf(ids.nursing, ids.nur2), {
        programOutcomeId: ids.plo1,
      })
    ).body as Matrix;
    expect(draft.mapping?.entryCount).toBe(3);
    expect(draft.unmapped).toEqual([]);

    const versions = await nursingAdmin(
      'GET',
      `/api/outcomes/programs/${ids.nursing}/plo-mappings`,
    );
    expect(
      versions.body.items.map((v: { status: string; version: number | null }) => v.version),
    ).toEqual([null, 1]);
    // While the draft is edited, v1 stays as published.
    const published = (await nursingAdmin('GET', mappingOf(ids.nursing, 1))).body as Matrix;
    expect(published.clos.find((c) => c.id === ids.nur2)?.programOutcomeId).toBe(ids.plo2);
    expect(published.clos.find((c) => c.id === ids.shr1)?.programOutcomeId).toBeNull();
    expect(
      (await nursingAdmin('GET', mappingOf(ids.nursing, 'current'))).body.mapping.version,
    ).toBe(1);
    expect((await nursingAdmin('GET', mappingOf(ids.nursing, 7))).status).toBe(404);
  });

  it('shows a term’s tree under the current mapping only', async () => {
    const response = await nursingAdmin('GET', dashboardOf(ids.nursing, ids.spring24));
    expect(response.status).toBe(200);
    const tree = response.body;
    expect(tree.mapping.version).toBe(1);
    expect(tree.threshold).toBe(75);
    const [plo1, plo2] = tree.plos;
    // The draft maps NUR-101.2 to PLO 1; the dashboard still reads v1.
    expect(plo1).toMatchObject({ number: 1, took: 20, passed: 15, rate: 75, result: 'S' });
    expect(plo1.clos.map((c: { label: string }) => c.label)).toEqual(['NUR-101.1']);
    expect(plo1.clos[0].sections.map((s: { rate: number }) => s.rate)).toEqual([80, 70]);
    expect(plo2).toMatchObject({ number: 2, took: 10, passed: 7, rate: 70, result: 'U' });
    expect(plo2.clos[0].sections.map((s: { took: number }) => s.took)).toEqual([10, 0]);
    expect(tree).toMatchObject({ took: 30, passed: 22, result: 'U' });

    const fall = await nursingAdmin('GET', dashboardOf(ids.nursing, ids.fall24));
    expect(fall.body.plos.map((p: { rate: number | null }) => p.rate)).toEqual([null, null]);
  });

  it('applies a newly published mapping to every term, with gaps and change markers', async () => {
    expect((await nursingAdmin('POST', publishOf(ids.nursing))).body.version).toBe(2);
    const versions = await nursingAdmin(
      'GET',
      `/api/outcomes/programs/${ids.nursing}/plo-mappings`,
    );
    expect(versions.body.items.map((v: { version: number }) => v.version)).toEqual([2, 1]);

    const spring = (await nursingAdmin('GET', dashboardOf(ids.nursing, ids.spring24))).body;
    expect(spring.mapping.version).toBe(2);
    expect(spring.plos[0]).toMatchObject({ took: 30, passed: 22 });
    expect(spring.plos[0].rate).toBeCloseTo(73.33, 2);
    // PLO 2 has no CLO any more: a gap, not 0.
    expect(spring.plos[1]).toMatchObject({ clos: [], took: null, rate: null, result: null });

    const trend = await nursingAdmin('GET', trendOf(ids.nursing));
    expect(trend.status).toBe(200);
    expect(trend.body.terms.map((term: { code: string }) => term.code)).toEqual([
      '2024SP',
      '2024FA',
      '2025SP',
    ]);
    const points = trend.body.plos[0].points as Point[];
    expect(points.map((p) => p.rate && Math.round(p.rate * 100) / 100)).toEqual([
      73.33,
      null,
      66.67,
    ]);
    expect(points[1]).toMatchObject({ took: null, passed: null, result: null, clos: [] });
    expect(points.map((p) => p.changed)).toEqual([false, false, true]);
    expect(points[2]).toMatchObject({ added: ['SHR-101.1'], removed: ['NUR-101.2'] });
    expect((trend.body.plos[1].points as Point[]).map((p) => p.rate)).toEqual([null, null, null]);
    // WLD-101 is not Nursing's: its 100 % counts nowhere here.
    expect((trend.body.overall as Point[]).map((p) => p.took)).toEqual([30, null, 30]);
  });

  it('reads S and U at the institution’s threshold', async () => {
    const settings = await admin('PUT', '/api/reports/clo-results-by-course/settings', {
      threshold: 75.5,
    });
    expect(settings.status).toBe(200);
    const tree = (await nursingAdmin('GET', dashboardOf(ids.nursing, ids.spring24))).body;
    expect(tree.threshold).toBe(75.5);
    expect(tree.plos[0].clos[0]).toMatchObject({ label: 'NUR-101.1', rate: 75, result: 'U' });
    await admin('PUT', '/api/reports/clo-results-by-course/settings', { threshold: 75 });
    const back = (await nursingAdmin('GET', dashboardOf(ids.nursing, ids.spring24))).body;
    expect(back.plos[0].clos[0]).toMatchObject({ rate: 75, result: 'S' });
  });

  it('refuses to delete a PLO the current mapping uses, and discards drafts', async () => {
    const refused = await nursingAdmin('DELETE', `/api/outcomes/plos/${ids.plo1}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('plo_in_current_mapping');
    // PLO 2 is only in v1 (superseded): it may go.
    expect((await nursingAdmin('DELETE', `/api/outcomes/plos/${ids.plo2}`)).status).toBe(204);

    await nursingAdmin('PUT', entryOf(ids.nursing, ids.nur1), { programOutcomeId: null });
    const discard = `/api/outcomes/programs/${ids.nursing}/plo-mappings/draft`;
    expect((await nursingAdmin('DELETE', discard)).status).toBe(204);
    expect((await nursingAdmin('DELETE', discard)).status).toBe(404);
    expect((await nursingAdmin('GET', mappingOf(ids.nursing))).body).toMatchObject({
      mapping: null,
      basedOnVersion: 2,
    });
    expect(await auditActions()).toEqual(
      expect.arrayContaining([
        'outcomes.plo_mapping.entry_set',
        'outcomes.plo_mapping.publish',
        'outcomes.plo_mapping.discard_draft',
      ]),
    );
  });

  it('keeps a program admin to their programs and CLOs to their program', async () => {
    const welding = ids.welding;
    const wldPlo = `/api/outcomes/plos/${ids.wldPlo}`;
    for (const [method, url, body] of [
      ['GET', plosOf(welding)],
      ['POST', plosOf(welding), { description: 'Mine now' }],
      ['PATCH', wldPlo, { description: 'Mine now' }],
      ['DELETE', wldPlo],
      ['GET', `/api/outcomes/programs/${welding}/plo-mappings`],
      ['GET', mappingOf(welding)],
      ['PUT', entryOf(welding, ids.wld1), { programOutcomeId: ids.wldPlo }],
      ['POST', publishOf(welding)],
      ['DELETE', `/api/outcomes/programs/${welding}/plo-mappings/draft`],
      ['GET', dashboardOf(welding, ids.spring25)],
      ['GET', trendOf(welding)],
    ] as const) {
      const response = await nursingAdmin(method, url, body);
      expect(response.status, `${method} ${url}`).toBe(404);
    }
    // The tenant admin reaches them (not a route problem).
    expect((await admin('GET', plosOf(welding))).status).toBe(200);
    expect((await admin('GET', trendOf(welding))).status).toBe(200);
    // A CLO of a course outside Nursing cannot be mapped there; nor can another program's PLO.
    const foreign = await nursingAdmin('PUT', entryOf(ids.nursing, ids.wld1), {
      programOutcomeId: ids.plo1,
    });
    expect(foreign.status).toBe(404);
    const otherPlo = await nursingAdmin('PUT', entryOf(ids.nursing, ids.nur1), {
      programOutcomeId: ids.wldPlo,
    });
    expect(otherPlo.status).toBe(400);
    expect(otherPlo.body.error.details[0].path).toBe('programOutcomeId');
    // The shared course's CLO maps in both programs, independently.
    expect(
      (await admin('PUT', entryOf(welding, ids.shr1), { programOutcomeId: ids.wldPlo })).status,
    ).toBe(200);
    const nursingDraft = (await nursingAdmin('GET', mappingOf(ids.nursing))).body as Matrix;
    expect(nursingDraft.clos.find((c) => c.id === ids.shr1)?.programOutcomeId).toBe(ids.plo1);
  });

  it('gives instructors nothing (403) and other institutions nothing (404)', async () => {
    const nursing = ids.nursing;
    for (const [method, url, body] of [
      ['GET', plosOf(nursing)],
      ['POST', plosOf(nursing), { description: 'No' }],
      ['PATCH', `/api/outcomes/plos/${ids.plo1}`, { description: 'No' }],
      ['DELETE', `/api/outcomes/plos/${ids.plo1}`],
      ['GET', mappingOf(nursing)],
      ['PUT', entryOf(nursing, ids.nur1), { programOutcomeId: null }],
      ['POST', publishOf(nursing)],
      ['GET', dashboardOf(nursing, ids.spring24)],
      ['GET', trendOf(nursing)],
    ] as const) {
      expect((await instructor(method, url, body)).status, `${method} ${url}`).toBe(403);
      expect((await otherAdmin(method, url, body)).status, `${method} ${url}`).toBe(404);
    }
  });
});
