import type { EmailKind } from '../enums.js';

/** Trimmed and lower-cased; null when empty. */
export function normalizeEmail(raw: string | null | undefined): string | null {
  const email = raw?.trim().toLowerCase();
  return email ? email : null;
}

export interface ContactEmail {
  email: string;
  kind: EmailKind;
  isPrimary: boolean;
}

/**
 * A contact's distinct emails in source order (`email` first): normalized, each address once
 * (its first kind wins), exactly one primary when there is any — the first one.
 */
export function contactEmails(sources: readonly [EmailKind, string | null][]): ContactEmail[] {
  const seen = new Set<string>();
  const result: ContactEmail[] = [];
  for (const [kind, raw] of sources) {
    const email = normalizeEmail(raw);
    if (!email || seen.has(email)) continue;
    seen.add(email);
    result.push({ email, kind, isPrimary: result.length === 0 });
  }
  return result;
}
