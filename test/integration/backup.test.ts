import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseTarget } from '../../src/core/config/config.js';
import { openDatabase, type Database } from '../../src/core/db/client.js';
import { migrate, migrationStatus } from '../../src/core/db/migrate.js';
import { runCli } from '../support/cli.js';
import { createPostgresDatabase, testDatabaseKinds } from '../support/databases.js';
import { rows } from '../support/identity.js';

describe.each(testDatabaseKinds())('eduledger backup and restore on %s', (kind) => {
  const saved = { ...process.env };
  const dir = mkdtempSync(path.join(tmpdir(), 'edl-backup-'));
  const backupFile = path.join(dir, 'eduledger.backup');
  const drops: (() => Promise<void>)[] = [];
  let target: DatabaseTarget;

  /** A second, empty database of the same kind, made the configured one. */
  async function useEmptyDatabase(name: string): Promise<DatabaseTarget> {
    if (kind === 'postgres') {
      process.env.DATABASE_URL = saved.DATABASE_URL;
      const created = await createPostgresDatabase();
      drops.push(created.drop);
      process.env.DATABASE_URL = created.url;
      return { kind: 'postgres', url: created.url };
    }
    process.env.DATA_DIR = path.join(dir, name);
    return { kind: 'pglite', dataDir: path.join(dir, name) };
  }

  async function withDatabase<T>(
    work: (database: Database) => Promise<T>,
    at: DatabaseTarget = target,
  ): Promise<T> {
    const database = await openDatabase(at);
    try {
      return await work(database);
    } finally {
      await database.close();
    }
  }

  const tenants = (database: Database) =>
    rows<{ slug: string; name: string }>(
      database,
      sql`select slug, name from tenants order by slug`,
    );

  beforeAll(async () => {
    process.env.LOG_LEVEL = 'silent';
    delete process.env.BASE_URL;
    delete process.env.DATABASE_URL;
    target = await useEmptyDatabase('data');
    const created = await runCli(['tenants', 'create', '--slug', 'alpha', '--name', 'Alpha']);
    expect(created.code, created.stderr).toBe(0);
  }, 120_000);
  afterAll(async () => {
    process.env = saved;
    for (const drop of drops) await drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('backs up, refuses to overwrite without --force, and brings the data back with it', async () => {
    const backup = await runCli(['backup', '--out', backupFile, '--json']);
    expect(backup.code, backup.stderr).toBe(0);
    expect(JSON.parse(backup.stdout)).toMatchObject({
      status: 'succeeded',
      format: kind,
      file: backupFile,
    });

    // Work after the backup: a new tenant and a renamed one.
    const beta = await runCli(['tenants', 'create', '--slug', 'beta', '--name', 'Beta']);
    expect(beta.code, beta.stderr).toBe(0);
    await withDatabase((database) =>
      database.db.execute(sql`update tenants set name = 'Renamed' where slug = 'alpha'`),
    );
    const changed = [
      { slug: 'alpha', name: 'Renamed' },
      { slug: 'beta', name: 'Beta' },
    ];
    expect(await withDatabase(tenants)).toEqual(changed);

    const refused = await runCli(['restore', backupFile]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/--force/);
    expect(await withDatabase(tenants)).toEqual(changed);

    const restored = await runCli(['restore', backupFile, '--force', '--json']);
    expect(restored.code, restored.stderr).toBe(0);
    expect(JSON.parse(restored.stdout)).toMatchObject({ format: kind, replaced: true });
    expect(await withDatabase(tenants)).toEqual([{ slug: 'alpha', name: 'Alpha' }]);
  });

  it('restores into an empty database, which then runs under the application role', async () => {
    const fresh = await useEmptyDatabase('fresh');
    const restored = await runCli(['restore', backupFile]);
    expect(restored.code, restored.stderr).toBe(0);
    expect(JSON.parse((await runCli(['restore', backupFile, '--json'])).stdout)).toMatchObject({
      error: { code: 'validation_failed' },
    });
    await withDatabase(async (database) => {
      await migrate(database);
      const status = await migrationStatus(database);
      expect(status.applied).toBe(status.expected);
      expect(await tenants(database)).toEqual([{ slug: 'alpha', name: 'Alpha' }]);
      if (kind === 'postgres') {
        // Grants came back as they were: the audit log stays append-only for the app role.
        const [grants] = await rows<{ insert: boolean; update: boolean; tenants: boolean }>(
          database,
          sql`select has_table_privilege('eduledger_app', 'audit_log', 'INSERT') as insert,
                     has_table_privilege('eduledger_app', 'audit_log', 'UPDATE') as update,
                     has_table_privilege('eduledger_app', 'tenants', 'UPDATE') as tenants`,
        );
        expect(grants).toEqual({ insert: true, update: false, tenants: true });
      }
    }, fresh);
  });

  it('refuses a file that is not a backup, or one of the other database kind', async () => {
    const junk = path.join(dir, 'junk.backup');
    writeFileSync(junk, 'not a backup');
    const notBackup = await runCli(['restore', junk, '--force']);
    expect(notBackup.code).toBe(2);
    expect(notBackup.stderr).toMatch(/not an EduLedger backup/);

    const other = path.join(dir, 'other.backup');
    writeFileSync(other, kind === 'postgres' ? Buffer.from([0x1f, 0x8b, 8, 0]) : 'PGDMP\u0001');
    const wrongKind = await runCli(['restore', other, '--force']);
    expect(wrongKind.code).toBe(2);
    expect(wrongKind.stderr).toMatch(kind === 'postgres' ? /PGlite backup/ : /PostgreSQL backup/);

    const missing = await runCli(['restore', path.join(dir, 'nowhere.backup')]);
    expect(missing.code).toBe(2);
    // The database that was configured last is untouched by the refusals.
    expect(await withDatabase(tenants, await currentTarget())).toEqual([
      { slug: 'alpha', name: 'Alpha' },
    ]);
  });

  async function currentTarget(): Promise<DatabaseTarget> {
    return kind === 'postgres'
      ? { kind: 'postgres', url: process.env.DATABASE_URL ?? '' }
      : { kind: 'pglite', dataDir: process.env.DATA_DIR ?? '' };
  }
});
