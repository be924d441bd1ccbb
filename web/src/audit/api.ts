import { apiFetch } from '../api/client';
import type { Page } from '../api/page';
import { queryString, type QueryValues } from '../api/queryString';
import { localDayBoundary } from '../format/dates';
import type { AuditEntry, AuditFilters } from './types';

export const AUDIT_KEY = ['audit'] as const;

/** The API's filter parameters: a day range becomes the first and last instant of those local days. */
export function auditQueryValues(filters: AuditFilters): QueryValues {
  return {
    actor: filters.actor,
    action: filters.action,
    target: filters.target,
    outcome: filters.outcome,
    from: localDayBoundary(filters.from, 'start'),
    to: localDayBoundary(filters.to, 'end'),
  };
}

export function listAudit(
  filters: AuditFilters,
  page: number,
  pageSize: number,
  signal?: AbortSignal,
): Promise<Page<AuditEntry>> {
  return apiFetch<Page<AuditEntry>>(
    `/api/audit${queryString({ ...auditQueryValues(filters), page, pageSize })}`,
    { signal },
  );
}

/** The CSV download of every record matching `filters` (the download is audited too). */
export function auditExportUrl(filters: AuditFilters): string {
  return `/api/audit/export.csv${queryString(auditQueryValues(filters))}`;
}
