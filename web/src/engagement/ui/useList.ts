import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { QueryValues } from '../../api/queryString';
import type { TableParams } from '../../table/useTableParams';
import { ENGAGEMENT_KEY, listOf } from '../api';

/**
 * One page of an engagement list, as the table's URL state asks for it: its filters, page,
 * page size and sort (the server's default when the URL names none).
 */
export function useList<T, F extends string, S extends string>(
  resource: string,
  table: TableParams<F, S>,
  defaults: { sort: S; order: 'asc' | 'desc' },
) {
  const query: QueryValues = {
    ...table.filters,
    page: table.page,
    pageSize: table.pageSize,
    sort: table.sort?.column ?? defaults.sort,
    order: table.sort?.order ?? defaults.order,
  };
  return useQuery({
    queryKey: [...ENGAGEMENT_KEY, resource, 'list', query],
    queryFn: ({ signal }) => listOf<T>(resource, query, signal),
    placeholderData: keepPreviousData,
  });
}
