import { dictionary } from '@zxcvbn-ts/language-common';
import type { ErrorDetail } from '../errors.js';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

let common: Set<string> | undefined;
/** zxcvbn's list of ~49,000 most common passwords, loaded on first use. */
const commonPasswords = () =>
  (common ??= new Set(
    (dictionary['passwords-common'] as string[]).map((word) => word.toLowerCase()),
  ));

/** DOMAIN.md §1.2: 10–128 characters, not a common password, not the email address. */
export function passwordProblems(password: string, email?: string): string[] {
  const problems: string[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) {
    problems.push(`must be at least ${PASSWORD_MIN_LENGTH} characters`);
  }
  if (password.length > PASSWORD_MAX_LENGTH) {
    problems.push(`must be at most ${PASSWORD_MAX_LENGTH} characters`);
  }
  const normalized = password.trim().toLowerCase();
  if (commonPasswords().has(normalized)) problems.push('is too common: choose another');
  if (email && normalized === email.trim().toLowerCase()) {
    problems.push('must not be the email address');
  }
  return problems;
}

export const passwordDetails = (field: string, password: string, email?: string): ErrorDetail[] =>
  passwordProblems(password, email).map((message) => ({ path: field, message }));
