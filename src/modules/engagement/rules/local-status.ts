import type { LocalStatus } from '../enums.js';

export interface ZipPrefixes {
  local: readonly string[];
  partial: readonly string[];
}

/** DOMAIN.md §2.6 defaults: the metro area is local, the surrounding region partial. */
export const DEFAULT_ZIP_PREFIXES: ZipPrefixes = {
  local: ['640', '641', '660', '661', '664', '665', '666'],
  partial: ['644', '645', '646', '670', '671', '672', '673', '674'],
};

export interface LocalStatusFacts {
  attendedInPerson: boolean;
  zip: string | null;
  previous: LocalStatus;
}

/**
 * A volunteer's local status: an attended in-person participation → local; else the ZIP's
 * 3-digit prefix decides (local, partial, any other ZIP non_local); no data keeps a known
 * previous value, else unknown.
 */
export function localStatus(facts: LocalStatusFacts, prefixes: ZipPrefixes): LocalStatus {
  if (facts.attendedInPerson) return 'local';
  const zip = facts.zip?.trim() ?? '';
  if (/^\d{3}/.test(zip)) {
    const prefix = zip.slice(0, 3);
    if (prefixes.local.includes(prefix)) return 'local';
    if (prefixes.partial.includes(prefix)) return 'partial';
    return 'non_local';
  }
  return facts.previous;
}
