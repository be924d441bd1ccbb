import { and, ilike, or, sql, type AnyColumn, type SQL, type Subquery } from 'drizzle-orm';
import type { Queryable } from '../../../../core/db/client.js';

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
export function contains(text: string | undefined, ...columns: (AnyColumn | SQL)[]) {
  if (!text) return undefined;
  const pattern = `%${escapeLike(text)}%`;
  return or(...columns.map((column) => ilike(column, pattern)));
}

/** All the given conditions (undefined ones are left out). */
export const allOf = (...conditions: (SQL | undefined)[]) => and(...conditions);

/** The sort column in the asked direction (empty values last), then stable tie-breakers. */
export function ordering(order: Order, column: AnyColumn | SQL, ...tieBreakers: AnyColumn[]) {
  return [
    order === 'asc' ? sql`${column} asc nulls last` : sql`${column} desc nulls last`,
    ...tieBreakers.map((c) => sql`${c} asc`),
  ];
}

/** A select that can be paged and counted (a drizzle select built with `.where()`). */
interface Pageable<T> {
  orderBy(...columns: SQL[]): { limit(n: number): { offset(n: number): PromiseLike<T[]> } };
  as(alias: string): Subquery;
}

/**
 * One page of a select and the number of rows it has in all. `build` makes a fresh select for
 * each use (drizzle's builders change in place).
 */
export async function pageOf<T>(
  q: Queryable,
  build: () => Pageable<T>,
  order: SQL[],
  window: { limit: number; offset: number },
): Promise<PageOf<T>> {
  const items = await build()
    .orderBy(...order)
    .limit(window.limit)
    .offset(window.offset);
  const [row] = await q.select({ n: sql<number>`count(*)::int` }).from(build().as('counted'));
  return { items, total: row?.n ?? 0 };
}

/** A timestamp computed in SQL: node-postgres and PGlite may hand it back as text. */
export const toDate = (value: Date | string | null): Date | null =>
  value === null ? null : new Date(value);
