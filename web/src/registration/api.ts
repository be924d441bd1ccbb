import { queryOptions } from '@tanstack/react-query';
import { apiFetch } from '../api/client';
import type { ErrorCaptureSettings } from '../errorCapture';
import { SIGN_IN_PATH } from '../session/nextPath';

export const REGISTER_PATH = '/register';

/** Where the emailed confirmation link lands once the address is confirmed. */
const CONFIRMED_PATH = `${SIGN_IN_PATH}?verified=1`;

/** What the web app needs to know about this deployment before sign-in. */
export interface PublicConfig {
  /** Whether anyone may create an institution (`SELF_REGISTRATION=on`). */
  selfRegistration: boolean;
  /** Where the web app reports its own errors (SENTRY_DSN); null when off. */
  errorCapture?: ErrorCaptureSettings;
}

export const publicConfigQuery = queryOptions({
  queryKey: ['public-config'],
  queryFn: ({ signal }) => apiFetch<PublicConfig>('/api/public-config', { signal }),
  staleTime: Infinity,
});

export interface Registration {
  institutionName: string;
  slug: string;
  name: string;
  email: string;
  password: string;
}

export interface Registered {
  tenantSlug: string;
  email: string;
}

/** Creates the institution and its administrator, who must confirm the email before signing in. */
export function register(registration: Registration): Promise<Registered> {
  return apiFetch<Registered>('/api/register', { method: 'POST', json: registration });
}

/** Sends the confirmation link again (the answer is the same whatever the address). */
export async function resendConfirmation(email: string): Promise<void> {
  await apiFetch<unknown>('/api/auth/send-verification-email', {
    method: 'POST',
    json: { email, callbackURL: CONFIRMED_PATH },
  });
}
