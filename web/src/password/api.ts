import { apiFetch } from '../api/client';

export const RESET_PASSWORD_PATH = '/reset-password';

/** Asks for a reset link; the answer is the same whether or not the email has an account. */
export async function requestPasswordReset(email: string): Promise<void> {
  await apiFetch<unknown>('/api/auth/request-password-reset', {
    method: 'POST',
    json: { email, redirectTo: RESET_PASSWORD_PATH },
  });
}

export interface PasswordReset {
  token: string;
  newPassword: string;
}

export async function resetPassword({ token, newPassword }: PasswordReset): Promise<void> {
  await apiFetch<unknown>('/api/auth/reset-password', {
    method: 'POST',
    json: { newPassword, token },
  });
}
