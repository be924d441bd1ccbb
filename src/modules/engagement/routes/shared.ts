import { z } from 'zod';
import { paginationQuery } from '../../../core/http/pagination.js';

export const idParams = z.object({ id: z.uuid() });

/** `page`, `pageSize`, `sort` (one of `sorts`, default the first) and `order` of a list. */
export const listQuery = <S extends readonly [string, ...string[]]>(
  sorts: S,
  order: 'asc' | 'desc' = 'asc',
) =>
  paginationQuery.extend({
    sort: z.enum(sorts).default(sorts[0] as S[number] as never),
    order: z.enum(['asc', 'desc']).default(order),
  });

/** An optional text filter: trimmed, empty means none. */
export const searchParam = z
  .string()
  .trim()
  .max(200)
  .optional()
  .transform((value) => value || undefined);

/** limit/offset of a parsed list query, and the rest of its parameters. */
export function windowOf<Q extends { page: number; pageSize: number }>(query: Q) {
  const { page, pageSize, ...rest } = query;
  return { ...rest, limit: pageSize, offset: (page - 1) * pageSize };
}

/** The page's own numbers added to a data-layer page. */
export const withPage = <T extends object>(
  result: T,
  query: { page: number; pageSize: number },
) => ({ ...result, page: query.page, pageSize: query.pageSize });

export const day = z.string().nullable();
export const nullableText = z.string().nullable();

/** What a delete or purge removed (`removed` and each dependent's count). */
export const removalReply = z.object({ counts: z.record(z.string(), z.number().int()) });

/** An optional range of calendar days, `YYYY-MM-DD`, both ends included. */
export const dayRange = z.object({
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});
