import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/core/db/client.js';
import type { ImportsServiceDeps } from '../../src/core/imports/service.js';
import { registeredPipelines } from '../../src/core/imports/system.js';
import { defineModule } from '../../src/core/modules/define-module.js';
import { createTenant } from '../../src/core/tenants/service.js';
import { outcomesModule } from '../../src/modules/outcomes/index.js';
import { createTestApp, TEST_BASE_URL, type TestApp } from '../support/app.js';
import { testDatabaseKinds } from '../support/databases.js';
import { fakePipeline, multipartFile, zipOf } from '../support/fake-pipeline.js';
import { browserHeaders, signIn } from '../support/identity.js';
import { seedMember } from '../support/outcomes.js';

const fakeModule = defineModule({ name: 'fake', label: 'Fake', importPipelines: [fakePipeline] });
const CAP = 64 * 1024;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Every upload route takes only its kinds of file (by name and content) and no more than the cap. */
describe.each(testDatabaseKinds())('upload limits on %s', (kind) => {
  let t: TestApp;
  let cookie = '';
  const dataDir = mkdtempSync(path.join(tmpdir(), 'edl-upload-limits-'));

  beforeAll(async () => {
    t = await createTestApp(kind, {
      modules: () => [fakeModule, outcomesModule],
      imports: (database: Database): ImportsServiceDeps => ({
        db: database.db,
        pipelines: registeredPipelines([fakeModule]),
        config: { salesforce: null, uploadMaxBytes: CAP },
        dataDir,
        trigger: () => undefined,
      }),
      uploadMaxBytes: CAP,
    });
    await createTenant(
      t.testDb.database.db,
      { slug: 'college', name: 'College', modules: ['outcomes', 'fake'] },
      ['outcomes', 'fake'],
    );
    await seedMember(t.testDb.database, 'admin@college.example.edu', 'college', 'tenant_admin');
    ({ cookie } = await signIn(t.app, 'admin@college.example.edu'));
  });
  afterAll(() => t.dispose());

  const upload = (fileName: string, content: Buffer) => {
    const { body, contentType } = multipartFile('file', fileName, content);
    return t.app.inject({
      method: 'POST',
      url: '/api/imports/uploads',
      headers: { ...browserHeaders(cookie), 'content-type': contentType },
      payload: body,
    });
  };
  const workbook = (fileName: string, content: Buffer) =>
    t.app.inject({
      method: 'POST',
      url: `/api/outcomes/imports?fileName=${encodeURIComponent(fileName)}`,
      headers: { cookie, origin: TEST_BASE_URL, 'content-type': XLSX },
      payload: content,
    });

  it('imports: takes a real zip of CSV files', async () => {
    const response = await upload('export.zip', await zipOf({ 'Item.csv': ['Id,Name', 'i1,One'] }));
    expect(response.statusCode, response.body).toBe(201);
  });

  it('imports: refuses a .zip that is not a zip, and a zip holding a binary "CSV" (415)', async () => {
    const renamed = await upload('export.zip', Buffer.from('MZ\u0090\u0000 an executable'));
    expect(renamed.statusCode).toBe(415);
    expect(renamed.json().error.code).toBe('unsupported_file_type');
    const binary = await upload(
      'export.zip',
      await zipOf({ 'Item.csv': ['Id,Name\u0000\u0001\u0002', 'i1,One'] }),
    );
    expect(binary.statusCode).toBe(415);
    expect(binary.json().error.message).toContain('Item.csv');
  });

  it('imports: refuses an upload over the configured cap (413)', async () => {
    const big = Buffer.concat([Buffer.from('PK\u0003\u0004', 'latin1'), Buffer.alloc(CAP + 1)]);
    const response = await upload('export.zip', big);
    expect(response.statusCode).toBe(413);
  });

  it('outcomes: takes a real workbook, refuses a renamed one and a CSV (415)', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Sheet1').addRow(['Course', 'Section']);
    const real = Buffer.from(await book.xlsx.writeBuffer());
    const checked = await workbook('results.xlsx', real);
    expect(checked.statusCode, checked.body).toBe(200);
    expect((await workbook('results.xlsx', Buffer.from('course,combo\n'))).statusCode).toBe(415);
    expect((await workbook('results.csv', real.subarray(0, 1024))).statusCode).toBe(415);
  });

  it('outcomes: refuses a workbook over the configured cap (413)', async () => {
    const big = Buffer.concat([Buffer.from('PK\u0003\u0004', 'latin1'), Buffer.alloc(CAP + 1)]);
    const response = await workbook('results.xlsx', big);
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe('file_too_large');
  });
});
