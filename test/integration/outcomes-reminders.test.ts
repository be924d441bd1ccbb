import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxEmailSender } from '../../src/core/email/sender.js';
import { outcomesModule } from '../../src/modules/outcomes/index.js';
import { REMINDERS_JOB } from '../../src/modules/outcomes/jobs/reminders.js';
import { todayIn } from '../../src/modules/outcomes/rules/term-code.js';
import { runScheduledReminders } from '../../src/modules/outcomes/services/reminders.js';
import { TEST_BASE_URL, type TestApp } from '../support/app.js';
import { testDatabaseKinds } from '../support/databases.js';
import { rows } from '../support/identity.js';
import { createOutcomesApp } from '../support/outcomes.js';
import { fillAndSubmit, seedWorkflow, type WorkflowFixture } from '../support/workflow.js';

describe.each(testDatabaseKinds())('outcomes reminders on %s', (kind) => {
  let t: TestApp;
  let f: WorkflowFixture;
  /** A spring section taught by Sam, and one by an instructor without an email. */
  let samSpring = '';
  let noEmail = '';

  beforeAll(async () => {
    t = await createOutcomesApp(kind);
    f = await seedWorkflow(t.app, t.testDb.database);
    await fillAndSubmit(f.api.morgan, f.ids.nurSection);
    const { admin } = f.api;
    const spring = await admin('POST', '/api/outcomes/terms', { code: '2025SP' });
    const nameOnly = await admin('POST', '/api/outcomes/instructors', { name: 'Pat Noemail' });
    const offering = await admin('POST', '/api/outcomes/offerings', {
      courseId: f.ids.wld,
      termId: spring.body.id,
      sections: 2,
    });
    const listed = await admin('GET', `/api/outcomes/sections?offeringId=${offering.body.id}`);
    [samSpring = '', noEmail = ''] = (listed.body.items as { id: string }[]).map((s) => s.id);
    await admin('PUT', `/api/outcomes/sections/${samSpring}/instructor`, {
      instructorId: f.ids.sam,
    });
    await admin('PUT', `/api/outcomes/sections/${noEmail}/instructor`, {
      instructorId: nameOnly.body.id,
    });
  });
  afterAll(() => t.dispose());

  const reminders = () =>
    rows<{ to: string; subject: string; text: string; bulk_job_id: string }>(
      t.testDb.database,
      sql`select "to", subject, text, bulk_job_id from email_outbox
          where template = 'assessment-reminder' order by created_at, "to"`,
    );
  const run = (at: string) =>
    runScheduledReminders(
      { db: t.testDb.database.db, emailSender: outboxEmailSender(), baseUrl: TEST_BASE_URL },
      new Date(at),
    );
  const settings = (body: object) => f.api.admin('PUT', '/api/outcomes/reminder-settings', body);

  it('keeps the schedule as a tenant admin setting, off by default', async () => {
    const initial = await f.api.admin('GET', '/api/outcomes/reminder-settings');
    expect(initial.body).toEqual({ enabled: false, daysBefore: [7, 1], weeklyWhenOverdue: true });
    for (const api of [f.api.nursingAdmin, f.api.morgan, f.api.staff]) {
      expect((await api('GET', '/api/outcomes/reminder-settings')).status).toBe(403);
      expect(
        (
          await api('PUT', '/api/outcomes/reminder-settings', {
            enabled: true,
            daysBefore: [3],
            weeklyWhenOverdue: false,
          })
        ).status,
      ).toBe(403);
    }
    const base = { enabled: true, weeklyWhenOverdue: true };
    expect((await settings({ ...base, daysBefore: [0] })).status).toBe(400);
    expect((await settings({ ...base, daysBefore: [61] })).status).toBe(400);
    expect((await settings({ ...base, daysBefore: [1, 2, 3, 4, 5, 6] })).status).toBe(400);
    const saved = await settings({ ...base, daysBefore: [1, 7, 7] });
    expect(saved.body).toEqual({ enabled: true, daysBefore: [7, 1], weeklyWhenOverdue: true });
    expect((await f.api.admin('GET', '/api/outcomes/reminder-settings')).body).toEqual(saved.body);
    const audit = await rows<{ n: number }>(
      t.testDb.database,
      sql`select count(*)::int as n from audit_log where action = 'outcomes.reminder_settings.update'`,
    );
    expect(audit[0]?.n).toBe(1);
  });

  it('runs the daily job for a date: 7 and 1 days before the due date, weekly when overdue', async () => {
    // 2024-12-13 in Chicago: the Fall sections (due 2024-12-20) are 7 days away.
    const first = await run('2024-12-13T18:00:00Z');
    expect(first).toEqual([
      expect.objectContaining({ today: '2024-12-13', sections: 2, recipients: 2 }),
    ]);
    const sent = await reminders();
    expect(sent.map((e) => e.to)).toEqual([
      'morgan.tate@college.example.edu',
      'sam.ruiz@college.example.edu',
    ]);
    expect(sent[0]?.subject).toBe(
      'Reminder: assessment data for Fall 2024 is due December 20, 2024',
    );
    // Morgan's submitted section is not in it; the open one is.
    expect(sent[0]?.text).toContain('NUR-101 002');
    expect(sent[0]?.text).not.toContain('NUR-101 001');
    expect(sent[0]?.text).toContain(`${TEST_BASE_URL}/outcomes/my`);
    expect(new Set(sent.map((e) => e.bulk_job_id)).size).toBe(1);

    // The day runs once, however often the job is called.
    expect(await run('2024-12-13T18:00:00Z')).toEqual([]);
    expect(await run('2024-12-14T03:00:00Z')).toEqual([]); // still the 13th in Chicago
    // Six days before: nothing due.
    expect(await run('2024-12-14T18:00:00Z')).toEqual([
      expect.objectContaining({ today: '2024-12-14', sections: 0, bulkJobId: null }),
    ]);
    expect(await reminders()).toHaveLength(2);
  });

  it('never reminds a section twice within 24 hours', async () => {
    await settings({ enabled: true, daysBefore: [2, 1], weeklyWhenOverdue: true });
    const twoDays = await run('2024-12-18T17:00:00Z');
    expect(twoDays[0]).toMatchObject({ today: '2024-12-18', sections: 2 });
    // 13.5 hours later it is the 19th in Chicago (1 day before), but the sections were just reminded.
    const oneDay = await run('2024-12-19T06:30:00Z');
    expect(oneDay[0]).toMatchObject({ today: '2024-12-19', sections: 0 });
    expect(await reminders()).toHaveLength(4);
  });

  it('reminds weekly once overdue, and not at all when switched off', async () => {
    expect((await run('2024-12-27T18:00:00Z'))[0]).toMatchObject({ sections: 2 });
    expect((await run('2024-12-28T18:00:00Z'))[0]).toMatchObject({ sections: 0 });
    await settings({ enabled: false, daysBefore: [2, 1], weeklyWhenOverdue: true });
    expect(await run('2025-01-03T18:00:00Z')).toEqual([]);
    expect(await reminders()).toHaveLength(6);
    const recorded = await rows<{ kind: string; n: number }>(
      t.testDb.database,
      sql`select kind, count(*)::int as n from section_reminders group by kind`,
    );
    expect(recorded).toEqual([{ kind: 'scheduled', n: 6 }]);
    const audit = await rows<{ n: number }>(
      t.testDb.database,
      sql`select count(*)::int as n from audit_log where action = 'outcomes.reminders.scheduled'
          and actor_type = 'system'`,
    );
    expect(audit[0]?.n).toBe(3);
  });

  it('gives reviewers a default reminder text', async () => {
    const text = await f.api.nursingAdmin('GET', '/api/outcomes/review/reminders/default');
    expect(text.status).toBe(200);
    expect(text.body.subject).toMatch(/\w/);
    expect(text.body.message).toMatch(/\w/);
    expect((await f.api.morgan('GET', '/api/outcomes/review/reminders/default')).status).toBe(403);
  });

  it('sends reviewers’ reminders as one bulk job, one email per instructor, skipping what it must', async () => {
    const before = (await reminders()).length;
    const sent = await f.api.admin('POST', '/api/outcomes/review/reminders', {
      sectionIds: [f.ids.nurSection, f.ids.nurSection2, f.ids.wldSection, noEmail],
      subject: 'Fall results, please',
      message: 'The program review meets on Monday.',
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    // Submitted NUR-101 001 and the instructor without an email are skipped.
    expect(sent.body).toMatchObject({ recipients: 2, skipped: 2 });
    const emails = (await reminders()).slice(before);
    expect(emails.map((e) => [e.to, e.subject, e.bulk_job_id])).toEqual([
      ['morgan.tate@college.example.edu', 'Fall results, please', sent.body.bulkJobId],
      ['sam.ruiz@college.example.edu', 'Fall results, please', sent.body.bulkJobId],
    ]);
    expect(emails[0]?.text).toContain('The program review meets on Monday.');

    const progress = await f.api.nursingAdmin(
      'GET',
      `/api/outcomes/review/reminders/${String(sent.body.bulkJobId)}`,
    );
    expect(progress.status).toBe(200);
    expect(progress.body).toMatchObject({ id: sent.body.bulkJobId, total: 2, failures: [] });
    expect(progress.body.counts.queued).toBe(2);
    const unknown = await f.api.admin(
      'GET',
      '/api/outcomes/review/reminders/00000000-0000-4000-8000-000000000000',
    );
    expect(unknown.status).toBe(404);

    // Within 24 hours the same sections are skipped.
    const again = await f.api.admin('POST', '/api/outcomes/review/reminders', {
      sectionIds: [f.ids.nurSection2, f.ids.wldSection],
      subject: 'Again',
      message: 'Again',
    });
    expect(again.body).toEqual({ bulkJobId: null, recipients: 0, skipped: 2 });
    const audit = await rows<{ n: number }>(
      t.testDb.database,
      sql`select count(*)::int as n from audit_log where action = 'outcomes.reminders.send'`,
    );
    expect(audit[0]?.n).toBe(2);
  });

  it('keeps reminders to the reviewer’s scope and roles', async () => {
    const body = { sectionIds: [f.ids.wldSection], subject: 'Hello', message: 'Please' };
    const before = (await reminders()).length;
    expect((await f.api.nursingAdmin('POST', '/api/outcomes/review/reminders', body)).status).toBe(
      404,
    );
    const mixed = { ...body, sectionIds: [f.ids.nurSection2, f.ids.wldSection] };
    expect((await f.api.nursingAdmin('POST', '/api/outcomes/review/reminders', mixed)).status).toBe(
      404,
    );
    for (const api of [f.api.morgan, f.api.staff, f.api.viewer]) {
      expect((await api('POST', '/api/outcomes/review/reminders', body)).status).toBe(403);
    }
    expect(
      (await f.api.admin('POST', '/api/outcomes/review/reminders', { ...body, subject: ' ' }))
        .status,
    ).toBe(400);
    expect(await reminders()).toHaveLength(before);
  });

  it('counts reviewers’ reminders in the daily job’s 24 hours', async () => {
    // Both sections fall due in 7 days from today; only the one nobody reminded today gets one.
    const now = new Date();
    const inAWeek = new Date(`${todayIn('America/Chicago', now)}T12:00:00Z`);
    inAWeek.setUTCDate(inAWeek.getUTCDate() + 7);
    const due = inAWeek.toISOString().slice(0, 10);
    for (const id of [f.ids.nurSection2, samSpring]) {
      expect(
        (await f.api.admin('PATCH', `/api/outcomes/sections/${id}`, { dueDate: due })).status,
      ).toBe(200);
    }
    await settings({ enabled: true, daysBefore: [7], weeklyWhenOverdue: false });
    const before = (await reminders()).length;
    const [today] = await run(now.toISOString());
    expect(today).toMatchObject({ sections: 1, recipients: 1 });
    const emails = (await reminders()).slice(before);
    expect(emails.map((e) => e.to)).toEqual(['sam.ruiz@college.example.edu']);
    expect(emails[0]?.text).toContain('WLD-101 001');
    expect(emails[0]?.text).toContain('Spring 2025');
  });

  it('registers the daily job with the module', () => {
    expect(outcomesModule.jobs?.map((job) => job.name)).toEqual([REMINDERS_JOB]);
  });
});
