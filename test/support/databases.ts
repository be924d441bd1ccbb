import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import pg from 'pg';
import type { DatabaseTarget } from '../../src/core/config/config.js';
import { openDatabase, type Database, type Db } from '../../src/core/db/client.js';
import { migrate } from '../../src/core/db/migrate.js';

const MIGRATIONS = path.resolve(import.meta.dirname, '../../drizzle');

export type TestDatabaseKind = 'pglite' | 'postgres';

/** PGlite always; PostgreSQL too when DATABASE_URL is set (as CI does). */
export const testDatabaseKinds = (): TestDatabaseKind[] =>
  process.env.DATABASE_URL?.startsWith('postgres') ? ['pglite', 'postgres'] : ['pglite'];

export interface TestDatabase {
  database: Database;
  target: DatabaseTarget;
  /** Closes the connection and drops what the test created. */
  dispose(): Promise<void>;
}

async function adminQuery(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** A PostgreSQL database of its own on the DATABASE_URL server, so test files run in parallel. */
export async function createPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `edl_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(`create database ${name}`);
  const url = new URL(process.env.DATABASE_URL ?? '');
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => adminQuery(`drop database if exists ${name} with (force)`),
  };
}

const pgliteDatabase = (client: PGlite): Database => ({
  kind: 'pglite-memory',
  db: drizzle(client) as Db,
  close: () => client.close(),
  poolStats: () => ({ total: 1, idle: 1, waiting: 0, max: 1 }),
});

let migratedPglite: Promise<Blob> | undefined;

/** Names the migrations: a change to any of them makes a new template. */
function migrationsHash(): string {
  const hash = createHash('sha256');
  for (const name of readdirSync(MIGRATIONS).sort()) {
    if (name.endsWith('.sql')) hash.update(name).update(readFileSync(path.join(MIGRATIONS, name)));
  }
  return hash.digest('hex').slice(0, 16);
}

/**
 * The data folder of a migrated PGlite, made once (test files run in fresh module scopes, so it
 * is kept as a file in the temp folder): a database loaded from it starts in a fraction of the
 * time that creating one and running every migration takes.
 */
function migratedPgliteDump(): Promise<Blob> {
  migratedPglite ??= (async () => {
    const file = path.join(tmpdir(), `edl-pglite-migrated-${migrationsHash()}.tar`);
    if (existsSync(file)) return new Blob([readFileSync(file)]);
    const client = await PGlite.create();
    try {
      await migrate(pgliteDatabase(client));
      const dump = await client.dumpDataDir('none');
      const partial = `${file}.${String(process.pid)}`;
      writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
      renameSync(partial, file);
      return dump;
    } finally {
      await client.close();
    }
  })();
  return migratedPglite;
}

/** A fresh, migrated database of the given kind (PGlite in memory). */
export async function createTestDatabase(kind: TestDatabaseKind): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const target: DatabaseTarget = { kind: 'pglite-memory' };
    const client = await PGlite.create({ loadDataDir: await migratedPgliteDump() });
    const database = pgliteDatabase(client);
    return { database, target, dispose: () => database.close() };
  }
  const created = await createPostgresDatabase();
  const target: DatabaseTarget = { kind: 'postgres', url: created.url };
  const database = await openDatabase(target);
  await migrate(database);
  return {
    database,
    target,
    dispose: async () => {
      await database.close();
      await created.drop();
    },
  };
}
