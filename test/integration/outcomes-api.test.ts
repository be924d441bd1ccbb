import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../support/app.js';
import { testDatabaseKinds } from '../support/databases.js';
import { rows, signIn } from '../support/identity.js';
import { apiAs, createOutcomesApp, seedInstitution, seedMember } from '../support/outcomes.js';

describe.each(testDatabaseKinds())('outcomes management API on %s', (kind) => {
  let t: TestApp;
  let admin: ReturnType<typeof apiAs>;

  beforeAll(async () => {
    t = await createOutcomesApp(kind);
    const { database } = t.testDb;
    await seedInstitution(database, 'college');
    await seedMember(database, 'admin@college.example.edu', 'college', 'tenant_admin');
    admin = apiAs(t.app, (await signIn(t.app, 'admin@college.example.edu')).cookie);
  });
  afterAll(() => t.dispose());

  const auditActions = async () =>
    (
      await rows<{ action: string }>(
        t.testDb.database,
        sql`select action from audit_log where action like 'outcomes.%' order by occurred_at`,
      )
    ).map((r) => r.action);

  it('gives every institution an undeletable default program', async () => {
    const list = await admin('GET', '/api/outcomes/programs');
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([
      expect.objectContaining({ name: 'Unclassified', isDefault: true, courseCount: 0 }),
    ]);
    const removal = await admin('DELETE', `/api/outcomes/programs/${list.body.items[0].id}`);
    expect(removal.status).toBe(409);
    expect(removal.body.error.code).toBe('default_program');
  });

  it('validates course numbers, letter suffixes included, unique per institution', async () => {
    const bad = await admin('POST', '/api/outcomes/courses', { number: 'ACC201' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details).toEqual([
      expect.objectContaining({ path: 'number', message: expect.stringContaining('ABC-123') }),
    ]);
    const created = await admin('POST', '/api/outcomes/courses', {
      number: ' ase-103l ',
      title: 'Automotive electrics lab',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      number: 'ASE-103L',
      creditHours: 3,
      programs: [{ name: 'Unclassified' }],
    });
    const again = await admin('POST', '/api/outcomes/courses', { number: 'ASE-103L' });
    expect(again.status).toBe(409);
  });

  it('names terms from their codes and computes their status from the dates', async () => {
    const fall = await admin('POST', '/api/outcomes/terms', { code: 'Fall 2024' });
    expect(fall.status).toBe(201);
    expect(fall.body).toMatchObject({
      code: '2024FA',
      name: 'Fall 2024',
      startDate: '2024-08-15',
      endDate: '2024-12-15',
      status: 'passed',
    });
    const future = await admin('POST', '/api/outcomes/terms', {
      code: '2090SP',
      dueDate: '2090-05-30',
    });
    expect(future.body).toMatchObject({ name: 'Spring 2090', status: 'scheduled' });
    const reversed = await admin('PATCH', `/api/outcomes/terms/${future.body.id}`, {
      endDate: '2089-01-01',
    });
    expect(reversed.status).toBe(400);
    const list = await admin('GET', '/api/outcomes/terms?status=passed');
    expect(list.body.items.map((term: { code: string }) => term.code)).toEqual(['2024FA']);
  });

  it('creates an offering with N sections, each with the outcomes of every active CLO', async () => {
    const course = await admin('POST', '/api/outcomes/courses', { number: 'ACC-201' });
    for (const description of ['Complete the accounting cycle', 'Work in a team']) {
      const clo = await admin('POST', `/api/outcomes/courses/${course.body.id}/outcomes`, {
        description,
      });
      expect(clo.status).toBe(201);
    }
    const terms = await admin('GET', '/api/outcomes/terms?search=2024FA');
    const offering = await admin('POST', '/api/outcomes/offerings', {
      courseId: course.body.id,
      termId: terms.body.items[0].id,
      sections: 3,
    });
    expect(offering.status).toBe(201);
    expect(offering.body).toMatchObject({ course: { number: 'ACC-201' }, sectionCount: 3 });

    const sections = await admin('GET', `/api/outcomes/sections?offeringId=${offering.body.id}`);
    expect(sections.body.items.map((s: { number: string }) => s.number)).toEqual([
      '001',
      '002',
      '003',
    ]);
    expect(sections.body.items[0]).toMatchObject({
      outcomeCount: 2,
      status: 'not_started',
      instructor: null,
    });

    const third = await admin('POST', `/api/outcomes/courses/${course.body.id}/outcomes`, {
      description: 'Use spreadsheets',
    });
    expect(third.body.number).toBe(3);
    const added = await admin('POST', `/api/outcomes/offerings/${offering.body.id}/sections`, {
      sections: 1,
    });
    expect(added.body.sectionCount).toBe(4);
    const after = await admin('GET', `/api/outcomes/sections?offeringId=${offering.body.id}`);
    expect(after.body.items.map((s: { outcomeCount: number }) => s.outcomeCount)).toEqual([
      3, 3, 3, 3,
    ]);
    const detail = await admin('GET', `/api/outcomes/sections/${after.body.items[3].id}`);
    expect(detail.body.outcomes.map((o: { status: string }) => o.status)).toEqual([
      'unassigned',
      'unassigned',
      'unassigned',
    ]);
  });

  it('assigns instructors: waiting outcomes become assigned, with their history', async () => {
    const named = await admin('POST', '/api/outcomes/instructors', { name: 'A. Stau' });
    expect(named.body).toMatchObject({ status: 'needs_email', email: null });
    const duplicate = await admin('POST', '/api/outcomes/instructors', { name: 'a. stau' });
    expect(duplicate.status).toBe(409);
    const sections = await admin('GET', '/api/outcomes/sections?search=ACC-201&pageSize=25');
    const section = sections.body.items[0];
    const assigned = await admin('PUT', `/api/outcomes/sections/${section.id}/instructor`, {
      instructorId: named.body.id,
    });
    expect(assigned.status).toBe(200);
    expect(assigned.body.instructor).toMatchObject({ name: 'A. Stau', status: 'needs_email' });
    const detail = await admin('GET', `/api/outcomes/sections/${section.id}`);
    expect(new Set(detail.body.outcomes.map((o: { status: string }) => o.status))).toEqual(
      new Set(['assigned']),
    );
    const history = await rows<{ action: string; to_status: string }>(
      t.testDb.database,
      sql`select h.action, h.to_status from section_outcome_history h
          join section_outcomes so on so.id = h.section_outcome_id
          where so.section_id = ${section.id} order by h.occurred_at, h.action`,
    );
    expect(history.filter((h) => h.action === 'assign')).toHaveLength(3);

    const withEmail = await admin('PATCH', `/api/outcomes/instructors/${named.body.id}`, {
      email: 'A.Stau@College.example.edu',
    });
    expect(withEmail.body).toMatchObject({
      email: 'a.stau@college.example.edu',
      status: 'pending',
    });
    const unassigned = await admin('PUT', `/api/outcomes/sections/${section.id}/instructor`, {
      instructorId: null,
    });
    expect(unassigned.body.instructor).toBeNull();
  });

  it('requires a note when the numbers do not reconcile', async () => {
    const sections = await admin('GET', '/api/outcomes/sections?search=ACC-201');
    const id = sections.body.items[1].id;
    const missing = await admin('PATCH', `/api/outcomes/sections/${id}`, { cannotReconcile: true });
    expect(missing.status).toBe(400);
    expect(missing.body.error.details[0].path).toBe('reconcileNote');
    const ok = await admin('PATCH', `/api/outcomes/sections/${id}`, {
      cannotReconcile: true,
      reconcileNote: 'Two students transferred mid-term',
      enrollment: 21,
      withdrawals: 1,
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ enrollment: 21, cannotReconcile: true });
  });

  it('duplicates a course with its CLOs', async () => {
    const source = await admin('GET', '/api/outcomes/courses?search=ACC-201');
    const copy = await admin('POST', `/api/outcomes/courses/${source.body.items[0].id}/duplicate`, {
      number: 'ACC-202',
    });
    expect(copy.status).toBe(201);
    expect(copy.body).toMatchObject({ number: 'ACC-202', outcomeCount: 3, offeringCount: 0 });
    const detail = await admin('GET', `/api/outcomes/courses/${copy.body.id}`);
    expect(detail.body.outcomes.map((o: { number: number }) => o.number)).toEqual([1, 2, 3]);
  });

  it('deletes a program with courses only after confirmation, moving them to the default', async () => {
    const program = await admin('POST', '/api/outcomes/programs', {
      name: 'Business',
      shortName: 'BUS',
    });
    const course = await admin('POST', '/api/outcomes/courses', {
      number: 'BUS-110',
      programIds: [program.body.id],
    });
    expect(course.body.programs).toEqual([{ id: program.body.id, name: 'Business' }]);
    const unconfirmed = await admin('DELETE', `/api/outcomes/programs/${program.body.id}`);
    expect(unconfirmed.status).toBe(409);
    expect(unconfirmed.body.error.code).toBe('program_has_courses');
    const confirmed = await admin(
      'DELETE',
      `/api/outcomes/programs/${program.body.id}?confirm=true`,
    );
    expect(confirmed.body).toEqual({ movedToDefault: 1 });
    const moved = await admin('GET', `/api/outcomes/courses/${course.body.id}`);
    expect(moved.body.programs).toEqual([expect.objectContaining({ name: 'Unclassified' })]);
  });

  it('audits every change', async () => {
    expect(new Set(await auditActions())).toEqual(
      new Set([
        'outcomes.course.create',
        'outcomes.term.create',
        'outcomes.course_outcome.create',
        'outcomes.offering.create',
        'outcomes.section.create',
        'outcomes.instructor.create',
        'outcomes.instructor.update',
        'outcomes.section.instructor_assigned',
        'outcomes.section.update',
        'outcomes.course.duplicate',
        'outcomes.program.create',
        'outcomes.program.delete',
      ]),
    );
  });
});
