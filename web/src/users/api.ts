import { apiFetch } from '../api/client';
import { queryString } from '../api/queryString';
import type { Page } from '../api/page';
import type { MemberQuery, RoleChange, TenantMember } from './types';

export const USERS_KEY = ['users'] as const;

const memberPath = (id: string, action = '') =>
  `/api/users/${encodeURIComponent(id)}${action === '' ? '' : `/${action}`}`;

export function listMembers(query: MemberQuery, signal?: AbortSignal): Promise<Page<TenantMember>> {
  return apiFetch<Page<TenantMember>>(`/api/users${queryString({ ...query })}`, { signal });
}

export function changeRole(id: string, change: RoleChange): Promise<TenantMember> {
  return apiFetch<TenantMember>(memberPath(id), { method: 'PATCH', json: change });
}

export type MemberAction = 'deactivate' | 'reactivate' | 'unlock';

export function runMemberAction(id: string, action: MemberAction): Promise<TenantMember> {
  return apiFetch<TenantMember>(memberPath(id, action), { method: 'POST' });
}

/** Emails the member a password reset link. */
export async function sendResetLink(id: string): Promise<void> {
  await apiFetch<undefined>(memberPath(id, 'send-reset'), { method: 'POST' });
}
