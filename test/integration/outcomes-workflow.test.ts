import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../support/app.js';
import { testDatabaseKinds } from '../support/databases.js';
import { rows } from '../support/identity.js';
import { createOutcomesApp } from '../support/outcomes.js';
import {
  fillAndSubmit,
  outcomeIds,
  seedWorkflow,
  type WorkflowFixture,
} from '../support/workflow.js';

interface Issue {
  outcomeId: string | null;
  cloNumber: number | null;
  field: string;
  message: string;
}

describe.each(testDatabaseKinds())('outcomes instructor workflow on %s', (kind) => {
  let t: TestApp;
  let f: WorkflowFixture;

  beforeAll(async () => {
    t = await createOutcomesApp(kind);
    f = await seedWorkflow(t.app, t.testDb.database);
  });
  afterAll(() => t.dispose());

  const historyOf = (sectionId: string) =>
    rows<{ action: string; from_status: string | null; to_status: string; actor_label: string }>(
      t.testDb.database,
      sql`select h.action, h.from_status, h.to_status, h.actor_label
          from section_outcome_history h join section_outcomes so on so.id = h.section_outcome_id
          where so.section_id = ${sectionId} and h.action not in ('assign', 'unassign')
          order by h.occurred_at, h.action`,
    );
  const outbox = (template: string) =>
    rows<{ to: string; subject: string; text: string }>(
      t.testDb.database,
      sql`select "to", subject, text from email_outbox where template = ${template} order by "to"`,
    );

  it('lists the instructor’s own sections with progress, by due date', async () => {
    const mine = await f.api.morgan('GET', '/api/outcomes/my/sections');
    expect(mine.status).toBe(200);
    expect(mine.body.items).toHaveLength(2);
    expect(mine.body.items[0]).toMatchObject({
      id: f.ids.nurSection,
      number: '001',
      course: { number: 'NUR-101' },
      term: { code: '2024FA', name: 'Fall 2024' },
      dueDate: '2024-12-20',
      status: 'not_started',
      complete: 0,
      total: 2,
    });
    const sams = await f.api.sam('GET', '/api/outcomes/my/sections');
    expect(sams.body.items.map((s: { id: string }) => s.id)).toEqual([f.ids.wldSection]);
    const admins = await f.api.admin('GET', '/api/outcomes/my/sections');
    expect(admins.body.items).toEqual([]);
    const filtered = await f.api.morgan('GET', '/api/outcomes/my/sections?status=submitted');
    expect(filtered.body.items).toEqual([]);
  });

  it('shows the section page with what the caller may do and the submit checks', async () => {
    const mine = await f.api.morgan('GET', `/api/outcomes/sections/${f.ids.nurSection}`);
    expect(mine.body.can).toEqual({ edit: true, submit: true, review: false });
    expect(mine.body.history).toEqual([]);
    expect(mine.body.outcomes[0]).toMatchObject({ nciReason: null, status: 'assigned' });
    expect(typeof mine.body.outcomes[0].updatedAt).toBe('string');
    const fields = (mine.body.validation.errors as Issue[]).map(
      (i) => `${String(i.cloNumber)}.${i.field}`,
    );
    expect(fields).toEqual([
      'null.passedCount',
      'null.dficCount',
      '1.took',
      '1.passed',
      '1.tool',
      '2.took',
      '2.passed',
      '2.tool',
    ]);
    const reviewer = await f.api.nursingAdmin('GET', `/api/outcomes/sections/${f.ids.nurSection}`);
    expect(reviewer.body.can).toEqual({ edit: false, submit: false, review: true });
    const admin = await f.api.admin('GET', `/api/outcomes/sections/${f.ids.nurSection}`);
    expect(admin.body.can).toEqual({ edit: false, submit: false, review: true });
  });

  it('runs the instructor loop: draft, submit refused with the errors, fix, submit', async () => {
    const section = f.ids.nurSection;
    const [clo1 = '', clo2 = ''] = await outcomeIds(f.api.morgan, section);
    const first = await f.api.morgan('PUT', `/api/outcomes/sections/${section}/draft`, {
      outcomes: [{ id: clo1, took: 20, passed: 15, tool: 'Skills check-off' }],
    });
    expect(first.status).toBe(200);
    expect(first.body.outcomes.map((o: { status: string }) => o.status)).toEqual([
      'in_progress',
      'assigned',
    ]);
    expect(first.body.status).toBe('in_progress');
    expect(first.body.history).toMatchObject([
      { sectionOutcomeId: clo1, cloNumber: 1, action: 'edit', fromStatus: 'assigned' },
    ]);
    // A second edit of an in-progress outcome is no transition: no new history row.
    await f.api.morgan('PUT', `/api/outcomes/sections/${section}/draft`, {
      outcomes: [{ id: clo1, took: 21 }],
    });
    // Saving never fails on §3.2 rules: passed > took and unreconciled counts are kept.
    const invalid = await f.api.morgan('PUT', `/api/outcomes/sections/${section}/draft`, {
      passedCount: 18,
      dficCount: 4,
      celebrations: 'Everyone passed the check-off',
      outcomes: [{ id: clo2, took: 20, passed: 21, tool: 'Charting audit' }],
    });
    expect(invalid.status).toBe(200);
    expect(invalid.body).toMatchObject({
      passedCount: 18,
      celebrations: 'Everyone passed the check-off',
    });
    expect(invalid.body.outcomes[1]).toMatchObject({ took: 20, passed: 21, status: 'in_progress' });
    expect(await historyOf(section)).toHaveLength(2);

    const refused = await f.api.morgan('POST', `/api/outcomes/sections/${section}/submit`, {});
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('validation_failed');
    expect(refused.body.error.details).toEqual([
      expect.objectContaining({ outcomeId: clo2, cloNumber: 2, field: 'passed' }),
    ]);
    expect(refused.body.error.details[0].message).toMatch(/^CLO 2: /);
    const unchanged = await f.api.morgan('GET', `/api/outcomes/sections/${section}`);
    expect(unchanged.body.outcomes.map((o: { status: string }) => o.status)).toEqual([
      'in_progress',
      'in_progress',
    ]);

    const fixed = await f.api.morgan('PUT', `/api/outcomes/sections/${section}/draft`, {
      outcomes: [{ id: clo2, passed: 16 }],
    });
    expect(fixed.body.validation.errors).toEqual([]);
    const submitted = await f.api.morgan('POST', `/api/outcomes/sections/${section}/submit`, {
      alertProgramAdmins: true,
    });
    expect(submitted.status).toBe(200);
    expect(submitted.body.status).toBe('submitted');
    expect(submitted.body.can).toEqual({ edit: false, submit: false, review: false });
    expect(submitted.body.outcomes.map((o: { status: string }) => o.status)).toEqual([
      'submitted',
      'submitted',
    ]);
    expect(await historyOf(section)).toEqual([
      {
        action: 'edit',
        from_status: 'assigned',
        to_status: 'in_progress',
        actor_label: 'morgan.tate',
      },
      {
        action: 'edit',
        from_status: 'assigned',
        to_status: 'in_progress',
        actor_label: 'morgan.tate',
      },
      {
        action: 'submit',
        from_status: 'in_progress',
        to_status: 'submitted',
        actor_label: 'morgan.tate',
      },
      {
        action: 'submit',
        from_status: 'in_progress',
        to_status: 'submitted',
        actor_label: 'morgan.tate',
      },
    ]);
    expect(submitted.body.history[0]).toMatchObject({ action: 'submit', toStatus: 'submitted' });

    // Only the Nursing program admin is alerted, with a link to the section.
    const alerts = await outbox('submission-alert');
    expect(alerts.map((a) => a.to)).toEqual(['pa.nursing@college.example.edu']);
    expect(alerts[0]?.subject).toContain('NUR-101 001');
    expect(alerts[0]?.text).toContain(`/outcomes/sections/${section}`);

    const mine = await f.api.morgan('GET', '/api/outcomes/my/sections');
    expect(mine.body.items[0]).toMatchObject({ status: 'submitted', complete: 2, total: 2 });
  });

  it('refuses edits of submitted results (409) and a second submit', async () => {
    const section = f.ids.nurSection;
    const [clo1 = ''] = await outcomeIds(f.api.morgan, section);
    const edit = await f.api.morgan('PUT', `/api/outcomes/sections/${section}/draft`, {
      outcomes: [{ id: clo1, took: 5 }],
    });
    expect(edit.status).toBe(409);
    expect(edit.body.error.code).toBe('not_editable');
    const narrative = await f.api.morgan('PUT', `/api/outcomes/sections/${section}/draft`, {
      challenges: 'Too late',
    });
    expect(narrative.status).toBe(409);
    // The same values again are no edit (an autosave after submit does not fail).
    const same = await f.api.morgan('PUT', `/api/outcomes/sections/${section}/draft`, {
      outcomes: [{ id: clo1, took: 21 }],
    });
    expect(same.status).toBe(200);
    const again = await f.api.morgan('POST', `/api/outcomes/sections/${section}/submit`, {});
    expect(again.status).toBe(409);
  });

  it('submits without an alert when not asked; tenant admins are alerted for a course without program admins', async () => {
    const before = (await outbox('submission-alert')).length;
    const [clo1 = '', clo2 = ''] = await outcomeIds(f.api.morgan, f.ids.nurSection2);
    const draft = await f.api.morgan('PUT', `/api/outcomes/sections/${f.ids.nurSection2}/draft`, {
      passedCount: 18,
      dficCount: 5,
      cannotReconcile: true,
      reconcileNote: 'A student audited the course',
      outcomes: [
        { id: clo1, took: 30, passed: 20, tool: 'Exam' },
        { id: clo2, took: 0, passed: 0, tool: 'Exam' },
      ],
    });
    expect(draft.body.validation.errors).toEqual([]);
    expect(draft.body.validation.warnings).toEqual([
      expect.objectContaining({ cloNumber: 1, field: 'took' }),
    ]);
    const submitted = await f.api.morgan(
      'POST',
      `/api/outcomes/sections/${f.ids.nurSection2}/submit`,
    );
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    expect(await outbox('submission-alert')).toHaveLength(before);

    // A course in no program admin's programs alerts the tenant admins.
    const culinary = await f.api.admin('POST', '/api/outcomes/programs', { name: 'Culinary' });
    const course = await f.api.admin('POST', '/api/outcomes/courses', {
      number: 'CUL-101',
      programIds: [culinary.body.id],
    });
    await f.api.admin('POST', `/api/outcomes/courses/${course.body.id}/outcomes`, {
      description: 'Plate a dish',
    });
    const offering = await f.api.admin('POST', '/api/outcomes/offerings', {
      courseId: course.body.id,
      termId: f.ids.term,
      sections: 1,
      instructorId: f.ids.sam,
    });
    const listed = await f.api.admin(
      'GET',
      `/api/outcomes/sections?offeringId=${offering.body.id}`,
    );
    const culSection = listed.body.items[0].id as string;
    await f.api.admin('PATCH', `/api/outcomes/sections/${culSection}`, {
      enrollment: 25,
      withdrawals: 3,
    });
    await fillAndSubmit(f.api.sam, culSection, { alertProgramAdmins: true });
    const alerts = await outbox('submission-alert');
    expect(alerts.map((a) => a.to)).toEqual([
      'admin@college.example.edu',
      'pa.nursing@college.example.edu',
    ]);
  });

  it('only the section’s instructor enters results: others get 404 outside scope, 403 inside', async () => {
    const section = f.ids.wldSection;
    const [clo = ''] = await outcomeIds(f.api.sam, section);
    const body = { outcomes: [{ id: clo, took: 3 }] };
    // Another instructor does not see the section at all.
    expect((await f.api.morgan('GET', `/api/outcomes/sections/${section}`)).status).toBe(404);
    expect(
      (await f.api.morgan('PUT', `/api/outcomes/sections/${section}/draft`, body)).status,
    ).toBe(404);
    expect(
      (await f.api.morgan('POST', `/api/outcomes/sections/${section}/submit`, {})).status,
    ).toBe(404);
    // A program admin of another program neither.
    expect(
      (await f.api.nursingAdmin('PUT', `/api/outcomes/sections/${section}/draft`, body)).status,
    ).toBe(404);
    // Reviewers in scope see it but do not enter results for the instructor.
    const admin = await f.api.admin('PUT', `/api/outcomes/sections/${section}/draft`, body);
    expect(admin.status).toBe(403);
    expect(
      (await f.api.weldingAdmin('POST', `/api/outcomes/sections/${section}/submit`, {})).status,
    ).toBe(403);
    // Staff and district viewers have no part in outcomes.
    for (const api of [f.api.staff, f.api.viewer]) {
      expect((await api('GET', '/api/outcomes/my/sections')).status).toBe(403);
      expect((await api('PUT', `/api/outcomes/sections/${section}/draft`, body)).status).toBe(403);
      expect((await api('POST', `/api/outcomes/sections/${section}/submit`, {})).status).toBe(403);
    }
    // An outcome of another section is not found in this one.
    const [foreign = ''] = await outcomeIds(f.api.admin, f.ids.nurSection);
    const mixed = await f.api.sam('PUT', `/api/outcomes/sections/${section}/draft`, {
      outcomes: [{ id: foreign, took: 1 }],
    });
    expect(mixed.status).toBe(404);
    // Nothing changed.
    const detail = await f.api.sam('GET', `/api/outcomes/sections/${section}`);
    expect(detail.body.outcomes[0]).toMatchObject({ took: null, status: 'assigned' });
  });

  it('validates the draft’s input', async () => {
    const section = f.ids.wldSection;
    const [clo = ''] = await outcomeIds(f.api.sam, section);
    const negative = await f.api.sam('PUT', `/api/outcomes/sections/${section}/draft`, {
      outcomes: [{ id: clo, took: -1 }],
    });
    expect(negative.status).toBe(400);
    const longTool = await f.api.sam('PUT', `/api/outcomes/sections/${section}/draft`, {
      outcomes: [{ id: clo, tool: 'x'.repeat(51) }],
    });
    expect(longTool.status).toBe(400);
    const cleared = await f.api.sam('PUT', `/api/outcomes/sections/${section}/draft`, {
      passedCount: 3,
      outcomes: [{ id: clo, took: 4, tool: 'Bend test' }],
    });
    expect(cleared.body.outcomes[0]).toMatchObject({ took: 4, tool: 'Bend test' });
    const nulls = await f.api.sam('PUT', `/api/outcomes/sections/${section}/draft`, {
      passedCount: null,
      outcomes: [{ id: clo, took: null, tool: '' }],
    });
    expect(nulls.body).toMatchObject({ passedCount: null });
    expect(nulls.body.outcomes[0]).toMatchObject({ took: null, tool: null, status: 'in_progress' });
  });

  it('audits drafts and submits', async () => {
    const audit = await rows<{ action: string; target_id: string; actor_email: string }>(
      t.testDb.database,
      sql`select action, target_id, actor_email from audit_log
          where action in ('outcomes.section.draft_saved', 'outcomes.section.submit')
          order by occurred_at`,
    );
    expect(audit.filter((a) => a.action === 'outcomes.section.submit')).toEqual([
      {
        action: 'outcomes.section.submit',
        target_id: f.ids.nurSection,
        actor_email: 'morgan.tate@college.example.edu',
      },
      {
        action: 'outcomes.section.submit',
        target_id: f.ids.nurSection2,
        actor_email: 'morgan.tate@college.example.edu',
      },
      expect.objectContaining({
        action: 'outcomes.section.submit',
        actor_email: 'sam.ruiz@college.example.edu',
      }),
    ]);
    expect(
      audit.filter((a) => a.action === 'outcomes.section.draft_saved').length,
    ).toBeGreaterThanOrEqual(5);
  });
});
