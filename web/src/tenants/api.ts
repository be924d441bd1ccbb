import { apiFetch } from '../api/client';
import type {
  AdminTenant,
  NewTenant,
  TenantChange,
  TenantList,
  TenantsOverviewBody,
} from './types';

export const TENANTS_KEY = ['admin', 'tenants'] as const;
export const TENANTS_OVERVIEW_KEY = [...TENANTS_KEY, 'overview'] as const;

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

/** Every tenant with its users and the modules' counts (site admins). */
export function tenantsOverview(signal?: AbortSignal): Promise<TenantsOverviewBody> {
  return apiFetch<TenantsOverviewBody>('/api/admin/tenants/overview', { signal });
}
