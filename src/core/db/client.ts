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
  /** Connection pool usage (metrics, System page); PGlite is one in-process connection. */
  poolStats(): PoolStats;
}

export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
  max: number;
}

const PGLITE_POOL: PoolStats = { total: 1, idle: 1, waiting: 0, max: 1 };

/**
 * Opens the configured database. PGlite is one in-process instance whose own mutex serializes
 * queries and transactions, so concurrent requests queue instead of interleaving.
 */
export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: target.url, max: 10 });
    pool.on('error', () => undefined);
    return {
      kind: 'postgres',
      db: drizzlePg(pool) as Db,
      close: () => pool.end(),
      poolStats: () => ({
        total: pool.totalCount,
        idle: pool.idleCount,
        waiting: pool.waitingCount,
        max: pool.options.max ?? 10,
      }),
    };
  }
  if (target.kind === 'pglite-memory') {
    const client = await PGlite.create();
    return {
      kind: target.kind,
      db: drizzlePglite(client) as Db,
      close: () => client.close(),
      poolStats: () => PGLITE_POOL,
    };
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
      poolStats: () => PGLITE_POOL,
    };
  } catch (error) {
    release();
    throw error;
  }
}
