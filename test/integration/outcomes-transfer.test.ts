import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import yauzl from 'yauzl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/core/db/client.js';
import { tx } from '../../src/core/db/tx.js';
import { createLogger } from '../../src/core/observe/logger.js';
import { createUser } from '../../src/core/users/service.js';
import { importOutcomes } from '../../src/modules/outcomes/imports/service.js';
import { exportOutcomes } from '../../src/modules/outcomes/transfer/export.js';
import { SAMPLES } from '../support/cei.js';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../support/databases.js';
import { PASSWORD, rows } from '../support/identity.js';
import { seedInstitution } from '../support/outcomes.js';

async function readZip(file: string): Promise<Record<string, string>> {
  const zip = await yauzl.openPromise(file);
  const entries: Record<string, string> = {};
  for await (const entry of zip.eachEntry()) {
    const chunks: Buffer[] = [];
    for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
    entries[entry.fileName] = Buffer.concat(chunks).toString('utf8');
  }
  zip.close();
  return entries;
}

/** Two CEI imports, then an export and an import of every record: a minute on a busy machine. */
const LONG = 180_000;

describe.each(testDatabaseKinds())('outcomes export and generic import on %s', (kind) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'edl-transfer-'));
  /** The source institution's install, and another one the export moves to. */
  const installs: Record<string, TestDatabase> = {};
  const institutions: Record<string, { id: string; slug: string; name: string }> = {};
  const databaseOf = (slug: string): Database => {
    const install = installs[slug];
    if (!install) throw new Error(slug);
    return install.database;
  };

  beforeAll(async () => {
    for (const slug of ['source', 'copy']) {
      installs[slug] = await createTestDatabase(kind);
      institutions[slug] = await seedInstitution(databaseOf(slug), slug);
    }
  });
  afterAll(async () => {
    for (const install of Object.values(installs)) await install.dispose();
  });

  const deps = (slug: string) => ({ db: databaseOf(slug).db, logger: createLogger('silent') });
  const request = (slug: string, filePath: string, format: 'cei' | 'generic') => ({
    tenantId: institutions[slug]?.id ?? '',
    filePath,
    fileName: path.basename(filePath),
    format,
    validateOnly: false,
    triggeredBy: { type: 'system' } as const,
    audit: { actor: { type: 'system' } } as const,
    actor: { id: null, label: 'test' },
  });
  const exportOf = (slug: string, file: string) => {
    const institution = institutions[slug];
    if (!institution) throw new Error(slug);
    return exportOutcomes(databaseOf(slug).db, institution, path.join(dir, file), {
      actor: { type: 'system' },
    });
  };

  it(
    'exports an institution and imports it into an empty one exactly',
    async () => {
      const source = institutions.source?.id ?? '';
      const database = databaseOf('source');
      for (const file of ['2024FAresults_safe.xlsx', '2024FA_test_data.xlsx']) {
        await importOutcomes(deps('source'), request('source', path.join(SAMPLES, file), 'cei'));
      }
      await tx(database.db, { tenantId: source }, async (q) => {
        await q.execute(sql`insert into programs (tenant_id, name, short_name, description)
        values (${source}, 'Business', 'BUS', 'Accounting and management')`);
        await q.execute(sql`insert into course_programs (tenant_id, course_id, program_id)
        select ${source}, c.id, p.id from courses c, programs p
        where c.number = 'ACC-201' and p.name = 'Business'`);
        await q.execute(sql`insert into program_outcomes (tenant_id, program_id, number, description)
        select ${source}, id, 1, 'Communicate financial information' from programs where name = 'Business'`);
        await q.execute(sql`insert into plo_mappings (tenant_id, program_id, status, version, published_at)
        select ${source}, id, 'published', 1, '2024-09-01T12:00:00Z' from programs where name = 'Business'`);
        await q.execute(sql`insert into plo_mapping_entries (tenant_id, mapping_id, course_outcome_id, program_outcome_id)
        select ${source}, m.id, co.id, po.id from plo_mappings m, program_outcomes po, course_outcomes co
        join courses c on c.id = co.course_id where c.number = 'ACC-201' and co.number = 1`);
        await q.execute(sql`update section_outcomes set took = 12, passed = 10, tool = 'Final exam',
        status = 'approved' where id in (select so.id from section_outcomes so
          join sections s on s.id = so.section_id where s.combo = 'ACC-201:A. Stau')`);
        await q.execute(sql`update sections set cannot_reconcile = true,
        reconcile_note = 'Two transfers', celebrations = 'Strong cohort'
        where combo = 'ACC-201:A. Stau'`);
      });
      const [business] = await rows<{ id: string }>(
        database,
        sql`select id from programs where tenant_id = ${source} and name = 'Business'`,
      );
      await createUser(database.db, {
        email: 'pa@source.example.edu',
        password: PASSWORD,
        name: 'Pat Admin',
        membership: {
          tenantSlug: 'source',
          role: 'program_admin',
          scope: { programs: [business?.id ?? ''] },
        },
      });

      const original = await exportOf('source', 'source.zip');
      expect(original.counts).toMatchObject({ programs: 2, plo_mapping_entries: 1, users: 1 });
      const imported = await importOutcomes(
        deps('copy'),
        request('copy', path.join(dir, 'source.zip'), 'generic'),
      );
      expect(imported.status).toBe('succeeded');
      for (const step of imported.steps) {
        expect(step.created, step.name).toBe(
          original.counts[step.name as keyof typeof original.counts],
        );
      }

      await exportOf('copy', 'copy.zip');
      const [a, b] = await Promise.all([
        readZip(path.join(dir, 'source.zip')),
        readZip(path.join(dir, 'copy.zip')),
      ]);
      const { 'manifest.json': manifestA, ...filesA } = a;
      const { 'manifest.json': manifestB, ...filesB } = b;
      expect(Object.keys(filesA).sort()).toEqual(Object.keys(filesB).sort());
      for (const [file, content] of Object.entries(filesA))
        expect(filesB[file], file).toBe(content);
      expect(JSON.parse(manifestB ?? '{}')).toMatchObject({
        counts: JSON.parse(manifestA ?? '{}').counts,
      });
      expect(Object.values(a).join('\n')).not.toMatch(/argon2|password|token/i);
      expect(filesA['users.csv']).toContain(
        'pa@source.example.edu,Pat Admin,program_admin,Business',
      );
    },
    LONG,
  );

  it(
    'changes nothing when the same export is imported again',
    async () => {
      const again = await importOutcomes(
        deps('copy'),
        request('copy', path.join(dir, 'source.zip'), 'generic'),
      );
      expect(again.status).toBe('succeeded');
      for (const step of again.steps) expect(step.created + step.updated, step.name).toBe(0);
    },
    LONG,
  );

  it('imports users without credentials, pending', async () => {
    const imported = await rows<{ status: string; accounts: number }>(
      databaseOf('copy'),
      sql`select u.status, (select count(*)::int from accounts a where a.user_id = u.id) as accounts
        from users u where u.email = 'pa@source.example.edu'`,
    );
    expect(imported).toEqual([{ status: 'pending', accounts: 0 }]);
  });

  it('refuses a zip that is not an outcomes export', async () => {
    await expect(
      importOutcomes(
        deps('copy'),
        request('copy', path.join(SAMPLES, '2024FA_test_data.xlsx'), 'generic'),
      ),
    ).rejects.toThrow(/not an EduLedger outcomes export/);
  });
});
