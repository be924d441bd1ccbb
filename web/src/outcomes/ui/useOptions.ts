import { useQuery } from '@tanstack/react-query';
import { listOf, OUTCOMES_KEY, type Resource } from '../api';

export interface Option {
  value: string;
  label: string;
}

/** Choices for a picker: the first 100 records of a list matching `search`, as options. */
export function useOptions<T>(
  resource: Resource,
  toOption: (item: T) => Option,
  search = '',
  extra: Record<string, string> = {},
) {
  const query = { search, page: 1, pageSize: 100, ...extra };
  const result = useQuery({
    queryKey: [...OUTCOMES_KEY, resource, 'options', query],
    queryFn: ({ signal }) => listOf<T>(resource, query, signal),
  });
  return {
    options: (result.data?.items ?? []).map(toOption),
    loading: result.isPending,
    error: result.error,
  };
}
