import { apiFetch } from '../api/client';
import type { Page } from '../api/page';
import { queryString, type QueryValues } from '../api/queryString';
import type { Flag, LocalStatusSummary, Places, RemovableResource, RemovalCounts } from './types';

/** Every engagement query key starts with this, so edits can refresh them all. */
export const ENGAGEMENT_KEY = ['engagement'] as const;

const base = '/api/engagement';
const one = (resource: string, id: string) => `${base}/${resource}/${encodeURIComponent(id)}`;

export function listOf<T>(resource: string, query: QueryValues, signal?: AbortSignal) {
  return apiFetch<Page<T>>(`${base}/${resource}${queryString(query)}`, { signal });
}

export function getOne<T>(resource: string, id: string, signal?: AbortSignal) {
  return apiFetch<T>(one(resource, id), { signal });
}

export function createOne<T>(resource: string, body: unknown) {
  return apiFetch<T>(`${base}/${resource}`, { method: 'POST', json: body });
}

export function updateOne<T>(resource: string, id: string, body: unknown) {
  return apiFetch<T>(one(resource, id), { method: 'PUT', json: body });
}

export async function deleteOne(resource: RemovableResource, id: string) {
  const { counts } = await apiFetch<{ counts: RemovalCounts }>(one(resource, id), {
    method: 'DELETE',
  });
  return counts;
}

export async function purge(resource: RemovableResource, confirm: string) {
  const { counts } = await apiFetch<{ counts: RemovalCounts }>(`${base}/purge`, {
    method: 'POST',
    json: { resource, confirm },
  });
  return counts;
}

/** Soft-deletes an activity (history is never hard-deleted). */
export async function deleteActivity(id: string) {
  await apiFetch<undefined>(one('history', id), { method: 'DELETE' });
}

export const getPlaces = (signal?: AbortSignal) => apiFetch<Places>(`${base}/places`, { signal });

export const getOrganizationTypes = (signal?: AbortSignal) =>
  apiFetch<{ types: string[] }>(`${base}/organizations/types`, { signal });

export const getHistoryFilters = (signal?: AbortSignal) =>
  apiFetch<{ types: string[]; statuses: string[] }>(`${base}/history/filters`, { signal });

export const dismissFlag = (id: string) =>
  apiFetch<Flag>(`${one('data-quality', id)}/dismiss`, { method: 'POST' });

export const dismissFlags = (ids: string[]) =>
  apiFetch<{ dismissed: number }>(`${base}/data-quality/dismiss`, {
    method: 'POST',
    json: { ids },
  });

export const updateLocalStatuses = () =>
  apiFetch<LocalStatusSummary>(`${base}/volunteers/update-local-statuses`, { method: 'POST' });
