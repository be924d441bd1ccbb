import { ApiError } from '../api/ApiError';
import { apiFetch } from '../api/client';
import type { Page } from '../api/page';
import { queryString } from '../api/queryString';
import type {
  ImportsOverview,
  PlanPreview,
  RowError,
  RunDetail,
  RunSummary,
  Schedule,
  StartedRun,
  StartRunInput,
  Upload,
} from './types';

export const IMPORTS_KEY = ['imports'] as const;
export const RUNS_KEY = [...IMPORTS_KEY, 'runs'] as const;
export const runKey = (id: string) => [...RUNS_KEY, id] as const;

export const getOverview = (signal?: AbortSignal) =>
  apiFetch<ImportsOverview>('/api/imports', { signal });

export const getPlan = (
  pipeline: string,
  params: { exclude?: string[]; uploadId?: string },
  signal?: AbortSignal,
) =>
  apiFetch<PlanPreview>(
    `/api/imports/pipelines/${encodeURIComponent(pipeline)}/plan${queryString({
      exclude: params.exclude?.join(',') || undefined,
      uploadId: params.uploadId,
    })}`,
    { signal },
  );

/** Sends a zip as multipart form data (the JSON client cannot carry a file). */
export async function uploadZip(file: File): Promise<Upload> {
  const form = new FormData();
  form.append('file', file);
  let response: Response;
  try {
    response = await fetch('/api/imports/uploads', {
      method: 'POST',
      body: form,
      headers: { Accept: 'application/json' },
      credentials: 'same-origin',
      referrerPolicy: 'same-origin',
    });
  } catch {
    throw ApiError.network('The server could not be reached. Check your connection.');
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.ok) return body as Upload;
  throw (
    ApiError.fromBody(response.status, body) ??
    ApiError.network(`The upload failed (HTTP ${String(response.status)}).`, response.status)
  );
}

export const startRun = (input: StartRunInput) =>
  apiFetch<StartedRun>('/api/imports/runs', { method: 'POST', json: input });

export const listRuns = (page: number, pageSize: number, signal?: AbortSignal) =>
  apiFetch<Page<RunSummary>>(`/api/imports/runs${queryString({ page, pageSize })}`, { signal });

export const getRun = (id: string, signal?: AbortSignal) =>
  apiFetch<RunDetail>(`/api/imports/runs/${id}`, { signal });

export const listRunErrors = (id: string, page: number, pageSize: number, signal?: AbortSignal) =>
  apiFetch<Page<RowError>>(`/api/imports/runs/${id}/errors${queryString({ page, pageSize })}`, {
    signal,
  });

export const rejectedRowsUrl = (id: string, file: string) =>
  `/api/imports/runs/${id}/rejected${queryString({ file })}`;

export const cancelRun = (id: string) =>
  apiFetch<undefined>(`/api/imports/runs/${id}/cancel`, { method: 'POST' });

export const rerunFailedSteps = (id: string) =>
  apiFetch<StartedRun>(`/api/imports/runs/${id}/rerun`, { method: 'POST' });

export const listSchedules = (signal?: AbortSignal) =>
  apiFetch<{ items: Schedule[] }>('/api/imports/schedules', { signal });

export const saveSchedule = (pipeline: string, input: { cron: string; enabled: boolean }) =>
  apiFetch<Schedule>(`/api/imports/schedules/${encodeURIComponent(pipeline)}`, {
    method: 'PUT',
    json: input,
  });
