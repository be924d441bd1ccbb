import {
  and,
  asc,
  desc,
  ilike,
  or,
  sql,
  type AnyColumn,
  type SQL,
  type Subquery,
} from 'drizzle-orm';
import type { Queryable } from '../../../core/db/client.js';

export type Order = 'asc' | 'desc';

/** Sort, order and page of a list request. */
export interface ListWindow<S extends string> {
  sort: S;
  order: Order;
  limit: number;
  offset: number;
}

export interface PageOf<T> {
  items: T[];
  total: number;
}

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Any of the columns contains the text (case-insensitive); no condition without text. */
export function matches(text: string | undefined, ...columns: (AnyColumn | SQL)[]) {
  if (!text) return undefined;
  const pattern = `%${escapeLike(text)}%`;
  return or(...columns.map((column) => ilike(column, pattern)));
}

/** All the given conditions (undefined ones are left out). */
export const allOf = (...conditions: (SQL | undefined)[]) => and(...conditions);

/** ORDER BY the sort column in the asked direction, then by stable tie-breakers (ascending). */
export function ordering(
  order: Order,
  column: AnyColumn | SQL,
  ...tieBreakers: readonly AnyColumn[]
): SQL[] {
  return [order === 'asc' ? asc(column) : desc(column), ...tieBreakers.map((c) => asc(c))];
}

/** The rows of a raw `execute` (node-postgres and PGlite both answer `{ rows }`). */
export const rowsOf = <T = Record<string, unknown>>(result: unknown): T[] =>
  (result as { rows: T[] }).rows;

/** The number of rows a (filtered, unpaged) select returns. */
export async function countOf(q: Queryable, select: { as(alias: string): Subquery }) {
  const [row] = await q.select({ n: sql<number>`count(*)::int` }).from(select.as('counted'));
  return row?.n ?? 0;
}
