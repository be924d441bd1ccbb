import type { SQL } from 'drizzle-orm';
import type { Queryable } from './client.js';

/** Runs a raw query; both drivers (PGlite, node-postgres) answer with `{ rows }`. */
export async function queryRows<R>(q: Queryable, query: SQL): Promise<R[]> {
  const result = (await q.execute(query)) as unknown as { rows: R[] };
  return result.rows;
}
