import { queryOptions } from '@tanstack/react-query';
import { apiFetch } from './client';

export interface Health {
  status: 'ok';
  version: string;
  time: string;
}

export function getHealth(signal?: AbortSignal): Promise<Health> {
  return apiFetch<Health>('/api/health', { signal });
}

export const healthQuery = queryOptions({
  queryKey: ['health'],
  queryFn: ({ signal }) => getHealth(signal),
});
