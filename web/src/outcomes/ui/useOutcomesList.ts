import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { QueryValues } from '../../api/queryString';
import type { TableParams } from '../../table/useTableParams';
import { listOf, OUTCOMES_KEY, type Resource } from '../api';

/** One page of an outcomes list as the table's URL state asks for it (filters, page, sort). */
export function useOutcomesList<T, F extends string, S extends string>(
  resource: Resource,
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
    queryKey: [...OUTCOMES_KEY, resource, 'list', query],
    queryFn: ({ signal }) => listOf<T>(resource, query, signal),
    placeholderData: keepPreviousData,
  });
}
