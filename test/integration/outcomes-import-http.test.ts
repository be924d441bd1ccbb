import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../support/app.js';
import { TEST_BASE_URL } from '../support/app.js';
import { SAMPLES, writeNotAWorkbook } from '../support/cei.js';
import { testDatabaseKinds } from '../support/databases.js';
import { signIn } from '../support/identity.js';
import { apiAs, createOutcomesApp, seedInstitution, seedMember } from '../support/outcomes.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe.each(testDatabaseKinds())('CEI import over HTTP on %s', (kind) => {
  let t: TestApp;
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    t = await createOutcomesApp(kind);
    const { database } = t.testDb;
    await seedInstitution(database, 'college');
    await seedInstitution(database, 'other');
    await seedMember(database, 'admin@college.example.edu', 'college', 'tenant_admin');
    await seedMember(database, 'pa@college.example.edu', 'college', 'program_admin', []);
    await seedMember(database, 'admin@other.example.edu', 'other', 'tenant_admin');
    for (const email of [
      'admin@college.example.edu',
      'pa@college.example.edu',
      'admin@other.example.edu',
    ]) {
      cookies[email] = (await signIn(t.app, email)).cookie;
    }
  });
  afterAll(() => t.dispose());

  const upload = (email: string, file: string, fileName = path.basename(file)) =>
    t.app.inject({
      method: 'POST',
      url: `/api/outcomes/imports?fileName=${encodeURIComponent(fileName)}`,
      headers: { cookie: cookies[email] ?? '', origin: TEST_BASE_URL, 'content-type': XLSX },
      payload: readFileSync(file),
    });

  it('checks an upload without writing, then imports it', async () => {
    const checked = await upload(
      'admin@college.example.edu',
      path.join(SAMPLES, '2024FAresults_safe.xlsx'),
    );
    expect(checked.statusCode).toBe(200);
    const preview = checked.json();
    expect(preview).toMatchObject({
      fileName: '2024FAresults_safe.xlsx',
      validateOnly: true,
      status: 'succeeded',
      counts: { sections: { created: 311, updated: 0, unchanged: 0 } },
      errorCount: 0,
      warningCount: 5,
    });
    const admin = apiAs(t.app, cookies['admin@college.example.edu'] ?? '');
    expect((await admin('GET', '/api/outcomes/sections')).body.total).toBe(0);

    const csv = await t.app.inject({
      method: 'GET',
      url: `/api/outcomes/imports/${preview.uploadId}/problems.csv`,
      headers: { cookie: cookies['admin@college.example.edu'] ?? '' },
    });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\n')[1]).toContain('warning,read,197,,duplicate_row');

    const other = apiAs(t.app, cookies['admin@other.example.edu'] ?? '');
    expect((await other('POST', `/api/outcomes/imports/${preview.uploadId}/commit`)).status).toBe(
      404,
    );

    const committed = await admin('POST', `/api/outcomes/imports/${preview.uploadId}/commit`);
    expect(committed.status).toBe(200);
    expect(committed.body).toMatchObject({
      validateOnly: false,
      status: 'succeeded',
      counts: { sectionOutcomes: { created: 1538 } },
    });
    const sections = await admin('GET', '/api/outcomes/sections?pageSize=100');
    expect(sections.body.total).toBe(311);
    expect(sections.body.items[0].instructor).toMatchObject({ status: 'needs_email' });
  });

  it('refuses a file that is not a workbook, by its content (415), before reading it', async () => {
    const checked = await upload('admin@college.example.edu', writeNotAWorkbook());
    expect(checked.statusCode).toBe(415);
    expect(checked.json()).toMatchObject({ error: { code: 'unsupported_file_type' } });
    const misnamed = await upload(
      'admin@college.example.edu',
      path.join(SAMPLES, '2024FA_test_data.xlsx'),
      'results.exe',
    );
    expect(misnamed.statusCode).toBe(415);
  });

  it('leaves imports to tenant admins', async () => {
    const refused = await upload(
      'pa@college.example.edu',
      path.join(SAMPLES, '2024FA_test_data.xlsx'),
    );
    expect(refused.statusCode).toBe(403);
  });
});
