import { ApiError } from '../api/ApiError';
import { apiFetch } from '../api/client';
import type { Me } from './types';

export interface SignInCredentials {
  email: string;
  password: string;
  rememberMe: boolean;
}

/** The signed-in user, or null when nobody is signed in (HTTP 401). */
export async function getMe(signal?: AbortSignal): Promise<Me | null> {
  try {
    return await apiFetch<Me>('/api/me', { signal });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function putActiveTenant(tenantId: string): Promise<Me> {
  return apiFetch<Me>('/api/me/active-tenant', { method: 'PUT', json: { tenantId } });
}

export async function postSignIn(credentials: SignInCredentials): Promise<void> {
  await apiFetch<unknown>('/api/auth/sign-in/email', { method: 'POST', json: credentials });
}

/** Signs out; a session that has already ended counts as signed out. */
export async function postSignOut(): Promise<void> {
  try {
    await apiFetch<unknown>('/api/auth/sign-out', { method: 'POST', json: {} });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return;
    throw error;
  }
}
