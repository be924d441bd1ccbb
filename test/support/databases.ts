import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { DatabaseTarget } from '../../src/core/config/config.js';
import { openDatabase, type Database } from '../../src/core/db/client.js';
import { migrate } from '../../src/core/db/migrate.js';

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

/** A fresh, migrated database of the given kind (PGlite in memory). */
export async function createTestDatabase(kind: TestDatabaseKind): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const target: DatabaseTarget = { kind: 'pglite-memory' };
    const database = await openDatabase(target);
    await migrate(database);
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
