import { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import pg from 'pg';
import type { DatabaseTarget } from '../config/config.js';
import { lockDataDir } from './data-dir-lock.js';

type NoSchema = Record<string, never>;
export type Db = PgDatabase<PgQueryResultHKT, NoSchema>;
export type Tx = PgTransaction<PgQueryResultHKT, NoSchema, ExtractTablesWithRelations<NoSchema>>;
/** Anything that runs queries: the database or an open transaction. */
export type Queryable = Db | Tx;

export interface Database {
  kind: DatabaseTarget['kind'];
  db: Db;
  close(): Promise<void>;
}

/**
 * Opens the configured database. PGlite is one in-process instance whose own mutex serializes
 * queries and transactions, so concurrent requests queue instead of interleaving.
 */
export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: target.url, max: 10 });
    pool.on('error', () => undefined);
    return { kind: 'postgres', db: drizzlePg(pool) as Db, close: () => pool.end() };
  }
  if (target.kind === 'pglite-memory') {
    const client = await PGlite.create();
    return { kind: target.kind, db: drizzlePglite(client) as Db, close: () => client.close() };
  }
  const release = lockDataDir(target.dataDir);
  try {
    const client = await PGlite.create(`${target.dataDir}/pgdata`);
    return {
      kind: 'pglite',
      db: drizzlePglite(client) as Db,
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}
