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
  type Api,
  type WorkflowFixture,
} from '../support/workflow.js';

interface Row {
  id: string;
  status: string;
  rate: number | null;
  nciReason: string | null;
  clo: { number: number };
  section: { id: string; status: string };
  course: { number: string };
  instructor: { name: string; email: string | null } | null;
}

describe.each(testDatabaseKinds())('outcomes review on %s', (kind) => {
  let t: TestApp;
  let f: WorkflowFixture;
  let nur: string[] = [];
  let nur2: string[] = [];
  let wld: string[] = [];

  beforeAll(async () => {
    t = await createOutcomesApp(kind);
    f = await seedWorkflow(t.app, t.testDb.database);
    nur = await fillAndSubmit(f.api.morgan, f.ids.nurSection);
    wld = await fillAndSubmit(f.api.sam, f.ids.wldSection);
    nur2 = await outcomeIds(f.api.morgan, f.ids.nurSection2);
  });
  afterAll(() => t.dispose());

  const act = (api: Api, action: string, outcomeIds: string[], comment?: string) =>
    api('POST', '/api/outcomes/review/actions', { action, outcomeIds, comment });
  const statuses = async (sectionId: string) =>
    (
      (await f.api.admin('GET', `/api/outcomes/sections/${sectionId}`)).body.outcomes as {
        status: string;
      }[]
    ).map((o) => o.status);
  const queue = async (api: Api, query = '') => {
    const response = await api('GET', `/api/outcomes/review${query}`);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body as {
      items: Row[];
      total: number;
      page: number;
      pageSize: number;
      counts: Record<string, number>;
    };
  };
  const outbox = (template: string) =>
    rows<{ to: string; text: string }>(
      t.testDb.database,
      sql`select "to", text from email_outbox where template = ${template} order by created_at`,
    );

  it('lists the queue with rates, filters, sorting, paging and counts per status', async () => {
    const all = await queue(f.api.admin);
    expect(all.total).toBe(5);
    expect(all.counts).toEqual({
      unassigned: 0,
      assigned: 2,
      in_progress: 0,
      submitted: 3,
      approved: 0,
      needs_rework: 0,
      never_coming_in: 0,
    });
    // Default order: course, then section, then CLO.
    expect(all.items.map((r) => `${r.course.number} ${r.clo.number}`)).toEqual([
      'NUR-101 1',
      'NUR-101 2',
      'NUR-101 1',
      'NUR-101 2',
      'WLD-101 1',
    ]);
    expect(all.items[0]).toMatchObject({
      id: nur[0],
      status: 'submitted',
      took: 20,
      passed: 15,
      rate: 0.75,
      tool: 'Final exam',
      nciReason: null,
      section: { id: f.ids.nurSection, number: '001', dueDate: '2024-12-20', status: 'submitted' },
      term: { code: '2024FA' },
      instructor: { name: 'Morgan Tate', email: 'morgan.tate@college.example.edu' },
    });
    expect(all.items[2]).toMatchObject({ status: 'assigned', rate: null, took: null });

    const submitted = await queue(f.api.admin, '?status=submitted');
    expect(submitted.total).toBe(3);
    expect(submitted.counts).toEqual(all.counts);
    const welding = await queue(f.api.admin, `?programId=${f.ids.welding}`);
    expect(welding.items.map((r) => r.id)).toEqual(wld);
    expect(welding.counts.submitted).toBe(1);
    const byInstructor = await queue(f.api.admin, `?instructorId=${f.ids.sam}`);
    expect(byInstructor.total).toBe(1);
    const byCourse = await queue(f.api.admin, `?courseId=${f.ids.nur}&termId=${f.ids.term}`);
    expect(byCourse.total).toBe(4);

    const byCloDesc = await queue(f.api.admin, '?sort=clo&order=desc');
    expect(byCloDesc.items.map((r) => r.clo.number)).toEqual([2, 2, 1, 1, 1]);
    const byInstructorName = await queue(f.api.admin, '?sort=instructor&order=desc');
    expect(byInstructorName.items[0]?.instructor?.name).toBe('Sam Ruiz');
    const page2 = await queue(f.api.admin, '?pageSize=2&page=2');
    expect(page2).toMatchObject({ page: 2, pageSize: 2, total: 5 });
    expect(page2.items.map((r) => r.id)).toEqual(all.items.slice(2, 4).map((r) => r.id));
    expect((await f.api.admin('GET', '/api/outcomes/review?pageSize=201')).status).toBe(400);
  });

  it('narrows the queue to a program admin’s programs', async () => {
    const mine = await queue(f.api.nursingAdmin);
    expect(mine.total).toBe(4);
    expect(new Set(mine.items.map((r) => r.course.number))).toEqual(new Set(['NUR-101']));
    const other = await queue(f.api.nursingAdmin, `?programId=${f.ids.welding}`);
    expect(other.total).toBe(0);
  });

  it('refuses the queue and actions to instructors, staff and district viewers (403)', async () => {
    for (const api of [f.api.morgan, f.api.staff, f.api.viewer]) {
      expect((await api('GET', '/api/outcomes/review')).status).toBe(403);
      expect((await act(api, 'approve', [wld[0] ?? ''])).status).toBe(403);
    }
    expect(await statuses(f.ids.wldSection)).toEqual(['submitted']);
  });

  it('keeps a program admin to their programs: another program’s outcomes are not found', async () => {
    const other = await act(f.api.nursingAdmin, 'approve', wld);
    expect(other.status).toBe(404);
    const mixed = await act(f.api.nursingAdmin, 'approve', [nur[0] ?? '', ...wld]);
    expect(mixed.status).toBe(404);
    expect(await statuses(f.ids.nurSection)).toEqual(['submitted', 'submitted']);
    expect(await statuses(f.ids.wldSection)).toEqual(['submitted']);
    const own = await act(f.api.weldingAdmin, 'approve', wld);
    expect(own.body).toEqual({ updated: 1 });
    expect(await statuses(f.ids.wldSection)).toEqual(['approved']);
  });

  it('approves submitted outcomes, and refuses what a status does not allow, all or nothing', async () => {
    const [clo1 = '', clo2 = ''] = nur;
    expect((await act(f.api.nursingAdmin, 'approve', [clo1])).body).toEqual({ updated: 1 });
    const again = await act(f.api.nursingAdmin, 'approve', [clo1, clo2]);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('invalid_transition');
    expect(again.body.error.details).toEqual([
      expect.objectContaining({ id: clo1, status: 'approved', reason: expect.any(String) }),
    ]);
    // Nothing changed: CLO 2 is still submitted.
    expect(await statuses(f.ids.nurSection)).toEqual(['approved', 'submitted']);
    const reopenSubmitted = await act(f.api.nursingAdmin, 'reopen', [clo2]);
    expect(reopenSubmitted.status).toBe(409);
    const approveAssigned = await act(f.api.admin, 'approve', nur2);
    expect(approveAssigned.status).toBe(409);
    expect(approveAssigned.body.error.details).toHaveLength(2);
  });

  it('requests rework with a comment, emailing the instructor once per section', async () => {
    const noComment = await act(f.api.nursingAdmin, 'request_rework', nur, '  ');
    expect(noComment.status).toBe(400);
    const before = (await outbox('rework-requested')).length;
    const rework = await act(f.api.nursingAdmin, 'request_rework', nur, 'CLO 2: check the tool');
    expect(rework.body).toEqual({ updated: 2 });
    expect(await statuses(f.ids.nurSection)).toEqual(['needs_rework', 'needs_rework']);
    const emails = (await outbox('rework-requested')).slice(before);
    expect(emails.map((e) => e.to)).toEqual(['morgan.tate@college.example.edu']);
    expect(emails[0]?.text).toContain('CLO 2: check the tool');
    expect(emails[0]?.text).toContain(`/outcomes/sections/${f.ids.nurSection}`);

    const detail = await f.api.morgan('GET', `/api/outcomes/sections/${f.ids.nurSection}`);
    expect(detail.body.status).toBe('needs_rework');
    expect(detail.body.can).toMatchObject({ edit: true, submit: true });
    expect(detail.body.history.slice(0, 2)).toEqual([
      expect.objectContaining({
        action: 'request_rework',
        toStatus: 'needs_rework',
        comment: 'CLO 2: check the tool',
        actorLabel: 'pa.nursing',
      }),
      expect.objectContaining({ action: 'request_rework', comment: 'CLO 2: check the tool' }),
    ]);
  });

  it('takes the instructor’s fix and resubmit, then approval', async () => {
    const [, clo2 = ''] = nur;
    const fixed = await f.api.morgan('PUT', `/api/outcomes/sections/${f.ids.nurSection}/draft`, {
      outcomes: [{ id: clo2, tool: 'Charting audit' }],
    });
    expect(fixed.body.outcomes.map((o: { status: string }) => o.status)).toEqual([
      'needs_rework',
      'in_progress',
    ]);
    const resubmitted = await f.api.morgan(
      'POST',
      `/api/outcomes/sections/${f.ids.nurSection}/submit`,
      {},
    );
    expect(resubmitted.status).toBe(200);
    expect(await statuses(f.ids.nurSection)).toEqual(['submitted', 'submitted']);
    expect((await act(f.api.nursingAdmin, 'approve', nur)).body).toEqual({ updated: 2 });
    const detail = await f.api.nursingAdmin('GET', `/api/outcomes/sections/${f.ids.nurSection}`);
    expect(detail.body.status).toBe('approved');
  });

  it('marks outcomes never coming in with a reason, and reopens them', async () => {
    expect((await act(f.api.admin, 'nci', nur2)).status).toBe(400);
    const nci = await act(f.api.admin, 'nci', nur2, 'The instructor left mid-term');
    expect(nci.body).toEqual({ updated: 2 });
    const listed = await queue(f.api.admin, '?status=never_coming_in');
    expect(listed.items.map((r) => r.nciReason)).toEqual([
      'The instructor left mid-term',
      'The instructor left mid-term',
    ]);
    expect(listed.items[0]?.section.status).toBe('nci');
    expect((await act(f.api.admin, 'nci', nur2, 'Again')).status).toBe(409);
    const reopened = await act(f.api.admin, 'reopen', nur2);
    expect(reopened.body).toEqual({ updated: 2 });
    const after = await queue(f.api.admin, `?courseId=${f.ids.nur}&status=submitted`);
    expect(after.items.map((r) => [r.section.id, r.nciReason])).toEqual([
      [f.ids.nurSection2, null],
      [f.ids.nurSection2, null],
    ]);
    // An approved outcome can be sent back too, and NCI from any status.
    expect((await act(f.api.admin, 'nci', [nur[0] ?? ''], 'Lost records')).status).toBe(200);
  });

  it('writes a history row and an audit record per moved outcome', async () => {
    const history = await rows<{ action: string; n: number }>(
      t.testDb.database,
      sql`select action, count(*)::int as n from section_outcome_history
          where action in ('approve', 'request_rework', 'nci', 'reopen')
          group by action order by action`,
    );
    expect(history).toEqual([
      { action: 'approve', n: 4 },
      { action: 'nci', n: 3 },
      { action: 'reopen', n: 2 },
      { action: 'request_rework', n: 2 },
    ]);
    const audit = await rows<{ action: string; n: number }>(
      t.testDb.database,
      sql`select action, count(*)::int as n from audit_log
          where action like 'outcomes.section_outcome.%' group by action order by action`,
    );
    expect(audit).toEqual([
      { action: 'outcomes.section_outcome.approve', n: 4 },
      { action: 'outcomes.section_outcome.nci', n: 3 },
      { action: 'outcomes.section_outcome.reopen', n: 2 },
      { action: 'outcomes.section_outcome.request_rework', n: 2 },
    ]);
    const [record] = await rows<{ changes: Record<string, unknown>; target_label: string }>(
      t.testDb.database,
      sql`select changes, target_label from audit_log
          where action = 'outcomes.section_outcome.request_rework' order by target_label limit 1`,
    );
    expect(record).toEqual({
      changes: { status: ['approved', 'needs_rework'] },
      target_label: 'NUR-101-001 2024FA CLO 1',
    });
  });
});
