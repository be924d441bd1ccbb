import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { tx } from '../../../src/core/db/tx.js';
import { runImport } from '../../../src/core/imports/engine.js';
import { folderSource } from '../../../src/core/imports/sources/folder.js';
import type { RunImportRequest, RunSummary } from '../../../src/core/imports/types.js';
import { createLogger } from '../../../src/core/observe/logger.js';
import { createTenant } from '../../../src/core/tenants/service.js';
import { engagementPipeline } from '../../../src/modules/engagement/imports/pipeline.js';
import { dataChanged } from '../../../src/modules/engagement/services/reports.js';
import {
  createTestDatabase,
  testDatabaseKinds,
  type TestDatabase,
} from '../../support/databases.js';
import { baseExport, removeDir, writeExport, writeFiles, type ExportRows } from './fixtures.js';

describe.each(testDatabaseKinds())('engagement import rules on %s', (kind) => {
  let t: TestDatabase;
  let tenantId = '';
  let slug = 0;
  const dirs: string[] = [];

  const folder = (rows: Partial<Record<string, ExportRows[string] | null>>) => {
    const dir = writeExport(rows);
    dirs.push(dir);
    return dir;
  };
  const run = (dir: string, options: Partial<RunImportRequest> = {}) =>
    runImport(
      { db: t.database.db, logger: createLogger('silent') },
      {
        tenantId,
        pipeline: engagementPipeline,
        source: folderSource(dir),
        triggeredBy: { type: 'system' },
        ...options,
      },
    );
  const step = (summary: RunSummary, name: string) => {
    const found = summary.steps.find((s) => s.name === name);
    if (!found) throw new Error(`no step ${name}`);
    return found;
  };
  const query = async <R>(statement: ReturnType<typeof sql>) =>
    (
      (await tx(t.database.db, { tenantId }, (q) => q.execute(statement))) as unknown as {
        rows: R[];
      }
    ).rows;
  const count = async (table: string) =>
    (await query<{ n: number }>(sql`select count(*)::int as n from ${sql.identifier(table)}`))[0]
      ?.n;

  beforeAll(async () => {
    t = await createTestDatabase(kind);
  });
  beforeEach(async () => {
    tenantId = (await createTenant(t.database.db, { slug: `t${++slug}`, name: 'T' }, [])).id;
  });
  afterAll(async () => {
    dirs.forEach(removeDir);
    await t.dispose();
  });

  it('imports a small export with every rule applied', async () => {
    const summary = await run(folder(baseExport()));
    expect(summary.status).toBe('succeeded');
    expect(step(summary, 'organizations')).toMatchObject({ read: 2, created: 1, skipped: 1 });
    expect(step(summary, 'events')).toMatchObject({ read: 3, created: 3 });
    const [volunteer] = await query<Record<string, unknown>>(sql`
      select c.first_name, c.last_name, v.organization_name,
             (select array_agg(email || ':' || is_primary order by email) from contact_emails e where e.contact_id = c.id) as emails,
             (select status from affiliations) as affiliation,
             (select status from student_participations) as student_status,
             (select delivery_hours from volunteer_participations) as hours,
             (select count(*)::int from data_quality_flags where issue = 'all_caps_name' and status = 'open') as caps_flags
      from contacts c join volunteers v on v.contact_id = c.id`);
    expect(volunteer).toEqual({
      first_name: 'Vera',
      last_name: 'Volunteer',
      organization_name: 'Acme Corp',
      emails: ['vera@example.com:true', 'vera@work.example.com:false'],
      affiliation: 'Past',
      student_status: 'Attended',
      hours: '1.50',
      caps_flags: 1,
    });
  });

  it('a rerun reports everything unchanged; a changed row is updated and a fixed name resolves its flag', async () => {
    const rows = baseExport();
    await run(folder(rows));
    const again = await run(folder(rows));
    expect(again.steps.every((s) => s.created === 0 && s.updated === 0)).toBe(true);
    expect(step(again, 'volunteers')).toMatchObject({ read: 1, unchanged: 1 });
    expect(step(again, 'organizations')).toMatchObject({ read: 2, unchanged: 1, skipped: 1 });

    const contacts = rows.Contact ?? [];
    contacts[2] = { ...contacts[2], FirstName: 'Vera', LastName: 'Volunteer', Title: 'Engineer' };
    const fixed = await run(folder(rows));
    expect(step(fixed, 'volunteers')).toMatchObject({ updated: 1 });
    expect(
      await query(sql`select status from data_quality_flags where issue = 'all_caps_name'`),
    ).toEqual([{ status: 'resolved' }]);
  });

  it('a rerun skips unchanged rows without writing them; an edit in the application makes the next run read them again', async () => {
    const dir = folder(baseExport());
    await run(dir);
    const title = async () =>
      (await query<{ title: string | null }>(sql`select title from volunteers`))[0]?.title;
    await query(sql`update volunteers set title = 'Set behind the application''s back'`);

    const skipped = await run(dir);
    expect(step(skipped, 'volunteers')).toMatchObject({ read: 1, unchanged: 1, updated: 0 });
    expect(await title()).toBe("Set behind the application's back");

    await tx(t.database.db, { tenantId }, (q) => dataChanged(q, tenantId));
    const reread = await run(dir);
    expect(step(reread, 'volunteers')).toMatchObject({ read: 1, updated: 1 });
    expect(await title()).toBeNull();
  });

  it('reads a row again when a part it references changed: a school gets the district imported after it', async () => {
    const rows = baseExport();
    await run(folder({ ...rows, Account: rows.Account?.filter((a) => a.Id !== 'D1') }));
    const district = async () =>
      (
        await query<{ name: string | null }>(
          sql`select d.name from schools s left join districts d on d.id = s.district_id`,
        )
      )[0]?.name;
    expect(await district()).toBeNull();

    const later = await run(folder(rows));
    expect(step(later, 'schools')).toMatchObject({ created: 1, updated: 1 });
    expect(await district()).toBe('Meadowbrook School District');
  });

  it('a missing file fails its step with a message naming the file', async () => {
    const summary = await run(folder({ ...baseExport(), Task: null }));
    expect(step(summary, 'history')).toMatchObject({ status: 'failed', read: 0 });
    expect(summary.errors).toContainEqual(
      expect.objectContaining({
        step: 'history',
        message: expect.stringContaining('Task.csv') as unknown,
      }),
    );
    expect(step(summary, 'events').status).toBe('succeeded');
  });

  it('a missing required column fails the step, listing the columns, before touching data', async () => {
    const dir = writeFiles({
      'Account.csv': '"Id","Name"\r\n"O1","Acme"\r\n',
      'Class__c.csv': '"Id","Class_Year_Number__c"\r\n"K1","2027"\r\n',
    });
    dirs.push(dir);
    const summary = await run(dir, { only: ['organizations', 'classes'] });
    expect(step(summary, 'organizations')).toMatchObject({ status: 'failed', read: 0 });
    const messages = summary.errors.map((e) => e.message);
    expect(messages).toContain('Account.csv is missing required column: Type');
    expect(messages).toContain('Class__c.csv is missing required columns: Name, School__c');
    expect(await count('organizations')).toBe(0);
    expect(await count('classes')).toBe(0);
  });

  it('a bad date, number or value rejects only its row, with row and column', async () => {
    const rows = baseExport();
    const session = rows.Session__c?.[0] ?? {};
    rows.Session__c = [
      session,
      { ...session, Id: 'E2', Start_Date_and_Time__c: '2024-02-30T10:00:00Z' },
      { ...session, Id: 'E3', Duration__c: 'sixty' },
      { ...session, Id: 'E4', Format__c: 'Hybrid' },
    ];
    const dir = folder(rows);
    const summary = await run(dir, { only: ['schools', 'events'] });
    expect(step(summary, 'events')).toMatchObject({ status: 'partial', failed: 3 });
    const rerun = await run(dir, { only: ['schools', 'events'] });
    expect(step(rerun, 'events')).toMatchObject({ failed: 3, created: 0, updated: 0 });
    expect(rerun.errors).toHaveLength(3);
    expect(summary.status).toBe('partial');
    expect(summary.errors).toEqual([
      expect.objectContaining({
        file: 'Session__c.csv',
        row: 3,
        column: 'Start_Date_and_Time__c',
        code: 'bad_date',
      }),
      expect.objectContaining({
        file: 'Session__c.csv',
        row: 4,
        column: 'Duration__c',
        code: 'bad_number',
      }),
      expect.objectContaining({
        file: 'Session__c.csv',
        row: 5,
        column: 'Format__c',
        code: 'unknown_value',
        message: 'Format__c: "Hybrid" is not one of In-Person, Virtual',
      }),
    ]);
    expect(await query(sql`select external_id from events`)).toEqual([{ external_id: 'E1' }]);
  });

  it('a malformed CSV fails the step with the line number', async () => {
    const dir = writeFiles({
      'Class__c.csv':
        '"Id","Name","School__c"\r\n"K1","Fine","S1"\r\n"K2","Broken,"S1"\r\n"K3","Never","S1"\r\n',
    });
    dirs.push(dir);
    const summary = await run(dir, { only: ['classes'] });
    expect(step(summary, 'classes').status).toBe('failed');
    expect(summary.errors[0]?.message).toMatch(/Class__c\.csv is malformed at line 3/);
  });

  it('keeps participations and history whose contact is missing pending, then imports them when it arrives', async () => {
    const rows = baseExport();
    const late = { Id: 'V2', FirstName: 'Lee', LastName: 'Late', Contact_Type__c: 'Volunteer' };
    rows.Session_Participant__c?.push({
      Id: 'SP3',
      Contact__c: 'V2',
      Session__c: 'E1',
      Participant_Type__c: 'Volunteer',
      Status__c: 'Attended',
    });
    rows.Task?.push({ Id: 'TK2', WhoId: 'V2', Subject: 'Hello', ActivityDate: '2024-10-03' });
    const first = await run(folder(rows));
    expect(first.status).toBe('succeeded');
    expect(step(first, 'events')).toMatchObject({ created: 3, skipped: 1 });
    expect(step(first, 'history')).toMatchObject({ created: 1, skipped: 1 });
    const flags = () =>
      query<{ entity_external_id: string; issue: string; status: string; linked: boolean }>(sql`
        select entity_external_id, issue, status, entity_id is not null as linked
        from data_quality_flags where issue like 'unmatched%' order by entity_external_id`);
    expect(await flags()).toEqual([
      {
        entity_external_id: 'SP3',
        issue: 'unmatched_participation',
        status: 'open',
        linked: false,
      },
      { entity_external_id: 'TK2', issue: 'unmatched_history', status: 'open', linked: false },
    ]);

    // A later export brings the contact but not the old rows: the pending queue replays them.
    const later = await run(
      folder({
        ...rows,
        Contact: [...(rows.Contact ?? []), late],
        Session_Participant__c: [],
        Task: [],
      }),
    );
    expect(step(later, 'events')).toMatchObject({ read: 2, created: 1, unchanged: 1 });
    expect(step(later, 'history')).toMatchObject({ read: 1, created: 1 });
    expect(await flags()).toEqual([
      {
        entity_external_id: 'SP3',
        issue: 'unmatched_participation',
        status: 'resolved',
        linked: true,
      },
      { entity_external_id: 'TK2', issue: 'unmatched_history', status: 'resolved', linked: true },
    ]);
    expect(
      await query(sql`select count(*)::int as n from import_pending where resolved_at is null`),
    ).toEqual([{ n: 0 }]);
    const third = await run(folder({ ...rows, Contact: [...(rows.Contact ?? []), late] }));
    expect(third.steps.every((s) => s.created === 0 && s.updated === 0)).toBe(true);
  });

  it('validate-only reports what would change and writes nothing but the run record', async () => {
    const summary = await run(folder(baseExport()), { validateOnly: true });
    expect(step(summary, 'events')).toMatchObject({ created: 3 });
    expect(step(summary, 'volunteers')).toMatchObject({ created: 1 });
    for (const table of [
      'organizations',
      'contacts',
      'events',
      'volunteer_participations',
      'data_quality_flags',
      'import_pending',
    ]) {
      expect(await count(table)).toBe(0);
    }
    expect(await count('import_runs')).toBe(1);
  });

  it('imports students in chunks and stops after --students-max-chunks', async () => {
    const rows = baseExport();
    const student = rows.Contact?.[1] ?? {};
    rows.Contact?.push({ ...student, Id: 'P2' }, { ...student, Id: 'P3' });
    const summary = await run(folder(rows), {
      only: ['schools', 'classes', 'students'],
      chunkSize: 2,
      studentsMaxChunks: 1,
    });
    expect(step(summary, 'students')).toMatchObject({ read: 2, created: 2 });
    expect(await count('students')).toBe(2);
  });

  it('skips a repeated student-event pair and keeps the first', async () => {
    const rows = baseExport();
    rows.Session_Participant__c?.push({
      Id: 'SP9',
      Contact__c: 'P1',
      Session__c: 'E1',
      Participant_Type__c: 'Student',
      Status__c: 'Absent',
    });
    const summary = await run(folder(rows));
    expect(step(summary, 'events')).toMatchObject({ created: 3, skipped: 1 });
    expect(await query(sql`select external_id, status from student_participations`)).toEqual([
      { external_id: 'SP2', status: 'Attended' },
    ]);
  });

  it('links an event without school or district to the district most of its attending students come from', async () => {
    const rows = baseExport();
    rows.Account?.push(
      { Id: 'D2', Name: 'Alpha District', Type: 'School District' },
      { Id: 'S2', Name: 'Alpha Elementary', Type: 'School', ParentId: 'D2' },
    );
    rows.Contact?.push({
      Id: 'P2',
      AccountId: 'S2',
      FirstName: 'Al',
      LastName: 'Pha',
      Contact_Type__c: 'Student',
    });
    rows.Session__c?.push(
      {
        Id: 'E2',
        Name: 'Tie',
        Session_Type__c: 'Mentoring',
        Start_Date_and_Time__c: '2024-11-01T15:00:00Z',
        Session_Status__c: 'Completed',
      },
      {
        Id: 'E3',
        Name: 'Named',
        Session_Type__c: 'Mentoring',
        Start_Date_and_Time__c: '2024-11-01T15:00:00Z',
        Session_Status__c: 'Completed',
        District__c: 'MEADOWBROOK',
      },
    );
    rows.Session_Participant__c?.push(
      {
        Id: 'SP5',
        Contact__c: 'P1',
        Session__c: 'E2',
        Participant_Type__c: 'Student',
        Status__c: 'Attended',
      },
      {
        Id: 'SP6',
        Contact__c: 'P2',
        Session__c: 'E2',
        Participant_Type__c: 'Student',
        Status__c: 'Attended',
      },
    );
    const summary = await run(folder(rows));
    expect(step(summary, 'link_unaffiliated_events')).toMatchObject({ updated: 1, unchanged: 0 });
    expect(
      await query(
        sql`select e.external_id, d.name from events e join districts d on d.id = e.inferred_district_id`,
      ),
    ).toEqual([{ external_id: 'E2', name: 'Alpha District' }]);
    const again = await run(folder(rows), { only: ['link_unaffiliated_events'] });
    expect(step(again, 'link_unaffiliated_events')).toMatchObject({ updated: 0, unchanged: 1 });
  });

  it('imports the session report: sessions by id or title and date, educators and professionals by name', async () => {
    const rows = baseExport();
    rows.Session__c?.push({
      Id: 'E5',
      Name: 'Virtual: Robotics',
      Session_Type__c: 'Virtual Session',
      Format__c: 'Virtual',
      Start_Date_and_Time__c: '2025-02-03T16:00:00.000+0000',
      Session_Status__c: 'Completed',
    });
    const report = (status: string): Record<string, string>[] => [
      {
        'Session ID': 'E5',
        Title: 'Virtual: Robotics',
        Date: '2025-02-03',
        Status: status,
        'SignUp Role': 'Educator',
        Name: 'Tina Teach',
        School: 'Holmes High School',
        'Attended Educator Count': '1',
        'Career Cluster': 'STEM',
      },
      {
        'Session ID': '',
        Title: 'virtual: robotics',
        Date: '2025-02-03',
        Status: status,
        'SignUp Role': 'Professional',
        Name: 'Vera Volunteer',
        'District or Company': 'Acme Corp',
        Duration: '45',
        'Attended Educator Count': '1',
      },
      {
        'Session ID': 'PATH-9',
        Title: 'Ocean Careers',
        Date: '2025-03-01',
        Status: 'Completed',
        'SignUp Role': 'Educator',
        Name: 'Tina Teach',
        'Attended Educator Count': '0',
      },
      {
        'Session ID': 'PATH-9',
        Title: 'Ocean Careers',
        Date: '2025-03-01',
        Status: 'Completed',
        'SignUp Role': 'Educator',
        Name: 'Nobody Known',
        'Attended Educator Count': '0',
      },
    ];
    const summary = await run(folder({ ...rows, session_report: report('Completed') }));
    expect(step(summary, 'virtual_sessions')).toMatchObject({ read: 4, created: 3, skipped: 1 });
    const participations = () =>
      query(sql`
        select e.external_id as event, e.career_cluster, c.last_name, t.status, null as hours
        from teacher_participations t join events e on e.id = t.event_id join contacts c on c.id = t.contact_id
        union all
        select e.external_id, e.career_cluster, c.last_name, v.status, v.delivery_hours::text
        from volunteer_participations v join events e on e.id = v.event_id join contacts c on c.id = v.contact_id
        where v.external_id like 'report:%'
        order by 1, 3`);
    expect(await participations()).toEqual([
      { event: 'E5', career_cluster: 'STEM', last_name: 'Teach', status: 'attended', hours: null },
      {
        event: 'E5',
        career_cluster: 'STEM',
        last_name: 'Volunteer',
        status: 'Attended',
        hours: '0.75',
      },
      { event: 'PATH-9', career_cluster: null, last_name: 'Teach', status: 'no_show', hours: null },
    ]);

    await tx(t.database.db, { tenantId }, (q) =>
      q.execute(
        sql`update teacher_participations set admin_note = 'Confirmed by phone' where status = 'attended'`,
      ),
    );
    const rerun = await run(folder({ ...rows, session_report: report('Cancelled') }), {
      only: ['virtual_sessions'],
    });
    expect(step(rerun, 'virtual_sessions')).toMatchObject({
      created: 0,
      updated: 1,
      unchanged: 2,
      skipped: 1,
    });
    expect((await participations()).map((p) => (p as { status: string }).status)).toEqual([
      'attended',
      'Cancelled',
      'no_show',
    ]);
  });
});
