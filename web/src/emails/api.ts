import { apiFetch } from '../api/client';
import type { Page } from '../api/page';
import { queryString } from '../api/queryString';
import type {
  BulkJob,
  BulkProgress,
  EmailDetail,
  EmailMetrics,
  EmailQuery,
  EmailSummary,
  RenderedEmail,
  TemplateInfo,
} from './types';

export const EMAILS_KEY = ['emails'] as const;
export const BULK_KEY = [...EMAILS_KEY, 'bulk'] as const;

const enc = encodeURIComponent;

export function listEmails(query: EmailQuery, signal?: AbortSignal): Promise<Page<EmailSummary>> {
  return apiFetch<Page<EmailSummary>>(`/api/emails${queryString({ ...query })}`, { signal });
}

export function getEmail(id: string, signal?: AbortSignal): Promise<EmailDetail> {
  return apiFetch<EmailDetail>(`/api/emails/${enc(id)}`, { signal });
}

/** Queues a fresh copy of the email, rendered again from its data; the original keeps its history. */
export async function resendEmail(id: string): Promise<void> {
  await apiFetch<undefined>(`/api/emails/${enc(id)}/resend`, { method: 'POST' });
}

export function getMetrics(signal?: AbortSignal): Promise<EmailMetrics> {
  return apiFetch<EmailMetrics>('/api/emails/metrics', { signal });
}

export async function listTemplates(signal?: AbortSignal): Promise<TemplateInfo[]> {
  return (await apiFetch<{ items: TemplateInfo[] }>('/api/emails/templates', { signal })).items;
}

export function previewTemplate(name: string, signal?: AbortSignal): Promise<RenderedEmail> {
  return apiFetch<RenderedEmail>(`/api/emails/templates/${enc(name)}`, { signal });
}

export function listBulkJobs(
  page: number,
  pageSize: number,
  signal?: AbortSignal,
): Promise<Page<BulkJob>> {
  return apiFetch<Page<BulkJob>>(`/api/emails/bulk${queryString({ page, pageSize })}`, {
    signal,
  });
}

export function getBulkProgress(id: string, signal?: AbortSignal): Promise<BulkProgress> {
  return apiFetch<BulkProgress>(`/api/emails/bulk/${enc(id)}`, { signal });
}
