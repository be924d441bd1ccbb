import { apiFetch } from '../api/client';
import { queryString, type QueryValues } from '../api/queryString';
import type { ReportInfo, ReportPage } from './types';

export const REPORTS_KEY = ['reports'] as const;

export const reportKey = (name: string, params: QueryValues = {}) =>
  [...REPORTS_KEY, name, params] as const;

export const listReports = (signal?: AbortSignal) =>
  apiFetch<{ reports: ReportInfo[] }>('/api/reports', { signal });

export const fetchReport = <S>(name: string, params: QueryValues, signal?: AbortSignal) =>
  apiFetch<ReportPage<S>>(`/api/reports/${name}${queryString(params)}`, { signal });

/** Drops every cached result of the report and computes this view again (tenant admins). */
export const refreshReport = <S>(name: string, params: QueryValues) =>
  apiFetch<ReportPage<S>>(`/api/reports/${name}/refresh${queryString(params)}`, {
    method: 'POST',
  });

/** "Refresh all caches": every report is computed again on its next view (tenant admins). */
export const refreshAllReports = () =>
  apiFetch<{ dropped: number }>('/api/reports/refresh', { method: 'POST' });

/** The download of the report for these filters (audited by the server). */
export const exportUrl = (name: string, filters: QueryValues, format: 'xlsx' | 'csv') =>
  `/api/reports/${name}/export${queryString({ ...filters, format })}`;

export const fetchReportSettings = <T>(name: string, signal?: AbortSignal) =>
  apiFetch<T>(`/api/reports/${name}/settings`, { signal });

export const saveReportSettings = <T>(name: string, settings: T) =>
  apiFetch<T>(`/api/reports/${name}/settings`, { method: 'PUT', json: settings });
