import { apiFetch } from '../api/client';
import type { Me } from '../session/types';

export const SESSIONS_KEY = ['profile', 'sessions'] as const;

export function updateName(name: string): Promise<Me> {
  return apiFetch<Me>('/api/me/profile', { method: 'PATCH', json: { name } });
}

export interface PasswordChange {
  currentPassword: string;
  newPassword: string;
  revokeOtherSessions: boolean;
}

export async function changePassword(change: PasswordChange): Promise<void> {
  await apiFetch<unknown>('/api/auth/change-password', { method: 'POST', json: change });
}

export interface EmailChange {
  newEmail: string;
  currentPassword: string;
}

/** Asks for an email change; it takes effect once the link sent to the new address is opened. */
export function requestEmailChange(change: EmailChange): Promise<{ pendingEmail: string }> {
  return apiFetch<{ pendingEmail: string }>('/api/me/email', { method: 'POST', json: change });
}

export interface OwnSession {
  id: string;
  current: boolean;
  createdAt: string;
  lastSeenAt: string;
  ipAddress: string | null;
  userAgent: string | null;
  rememberMe: boolean;
}

export async function listSessions(signal?: AbortSignal): Promise<OwnSession[]> {
  const { items } = await apiFetch<{ items: OwnSession[] }>('/api/me/sessions', { signal });
  return items;
}

export async function revokeSession(id: string): Promise<void> {
  await apiFetch<undefined>(`/api/me/sessions/${encodeURIComponent(id)}`, { method: 'DELETE' });
}
