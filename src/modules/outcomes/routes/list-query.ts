import { z } from 'zod';
import { paginationQuery } from '../../../core/http/pagination.js';

/** Page, sort and search of a list; `sorts` are the columns the list sorts by. */
export const listQuery = <S extends readonly [string, ...string[]]>(sorts: S, sort: S[number]) =>
  paginationQuery.extend({
    search: z.string().trim().max(200).optional(),
    sort: z.enum(sorts).default(sort),
    order: z.enum(['asc', 'desc']).default('asc'),
  });

/** The page window of a parsed list query, for the data layer. */
export function windowOf<T extends { page: number; pageSize: number; search?: string }>(query: T) {
  const { page, pageSize, search, ...rest } = query;
  return { ...rest, search: search || undefined, limit: pageSize, offset: (page - 1) * pageSize };
}

/** A page reply from the data layer's items and total. */
export const pageOf = <T>(
  query: { page: number; pageSize: number },
  result: { items: T[]; total: number },
) => ({ ...result, page: query.page, pageSize: query.pageSize });
