import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { projectRoot } from '../project-root.js';
import type { Database } from './client.js';

const migrationsFolder = () => path.join(projectRoot(), 'drizzle');

/** Applies every pending migration; safe to run on every start. */
export async function migrate(database: Database): Promise<void> {
  const config = { migrationsFolder: migrationsFolder() };
  if (database.kind === 'postgres') {
    await migratePg(database.db as unknown as NodePgDatabase, config);
  } else {
    await migratePglite(database.db as unknown as PgliteDatabase, config);
  }
}

/** Read once: the migrations this build ships do not change while it runs. */
let expectedMigrations: number | undefined;

/** How many migrations the code ships and how many the database has applied. */
export async function migrationStatus(
  database: Database,
): Promise<{ expected: number; applied: number }> {
  expectedMigrations ??= (
    JSON.parse(readFileSync(path.join(migrationsFolder(), 'meta', '_journal.json'), 'utf8')) as {
      entries: unknown[];
    }
  ).entries.length;
  const result = (await database.db.execute(
    sql`select count(*)::int as count from drizzle.__drizzle_migrations`,
  )) as unknown as { rows: { count: number }[] };
  return { expected: expectedMigrations, applied: Number(result.rows[0]?.count ?? 0) };
}
