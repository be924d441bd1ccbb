import { apiFetch } from '../api/client';
import type { AdminTenant, NewTenant, TenantChange, TenantList } from './types';

export const TENANTS_KEY = ['admin', 'tenants'] as const;

type SavedTenant = Omit<AdminTenant, 'members'>;

export function listTenants(signal?: AbortSignal): Promise<TenantList> {
  return apiFetch<TenantList>('/api/admin/tenants', { signal });
}

export function createTenant(tenant: NewTenant): Promise<SavedTenant> {
  return apiFetch<SavedTenant>('/api/admin/tenants', { method: 'POST', json: tenant });
}

export function updateTenant(id: string, change: TenantChange): Promise<SavedTenant> {
  return apiFetch<SavedTenant>(`/api/admin/tenants/${encodeURIComponent(id)}`, {
    method: 'PATCH',
    json: change,
  });
}
