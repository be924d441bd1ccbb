import { apiFetch } from '../../api/client';
import { queryString } from '../../api/queryString';
import { OUTCOMES_KEY } from '../api';
import type { Dashboard, MappingVersion, Matrix, Plo, Trend } from './types';

/** Every PLO query sits under the outcomes key, so outcomes changes refetch it too. */
export const PLO_KEY = [...OUTCOMES_KEY, 'plo'] as const;

/** `draft`, `current` (the latest published version) or a version number. */
export type VersionRef = 'draft' | 'current' | number;

const program = (id: string, rest: string) =>
  `/api/outcomes/programs/${encodeURIComponent(id)}${rest}`;
const plo = (id: string) => `/api/outcomes/plos/${encodeURIComponent(id)}`;

export const listPlos = (programId: string, signal?: AbortSignal) =>
  apiFetch<{ items: Plo[] }>(program(programId, '/plos'), { signal });
export const createPlo = (programId: string, input: { number?: number; description: string }) =>
  apiFetch<Plo>(program(programId, '/plos'), { method: 'POST', json: input });
export const updatePlo = (id: string, input: { number?: number; description?: string }) =>
  apiFetch<Plo>(plo(id), { method: 'PATCH', json: input });
export const deletePlo = (id: string) => apiFetch<undefined>(plo(id), { method: 'DELETE' });

export const listVersions = (programId: string, signal?: AbortSignal) =>
  apiFetch<{ items: MappingVersion[] }>(program(programId, '/plo-mappings'), { signal });
export const getMatrix = (programId: string, version: VersionRef, signal?: AbortSignal) =>
  apiFetch<Matrix>(program(programId, `/plo-mappings/${String(version)}`), { signal });
export const setDraftEntry = (programId: string, cloId: string, ploId: string | null) =>
  apiFetch<Matrix>(program(programId, `/plo-mappings/draft/entries/${encodeURIComponent(cloId)}`), {
    method: 'PUT',
    json: { programOutcomeId: ploId },
  });
export const publishDraft = (programId: string) =>
  apiFetch<MappingVersion>(program(programId, '/plo-mappings/draft/publish'), { method: 'POST' });
export const discardDraft = (programId: string) =>
  apiFetch<undefined>(program(programId, '/plo-mappings/draft'), { method: 'DELETE' });

export const getDashboard = (programId: string, termId: string, signal?: AbortSignal) =>
  apiFetch<Dashboard>(program(programId, `/plo-dashboard${queryString({ termId })}`), {
    signal,
  });
export const getTrend = (programId: string, signal?: AbortSignal) =>
  apiFetch<Trend>(program(programId, '/plo-trend'), { signal });
