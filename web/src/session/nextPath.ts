import type { Location } from 'react-router';

export const SIGN_IN_PATH = '/sign-in';
export const HOME_PATH = '/';

/** Only used to resolve relative paths; never contacted. */
const RESOLVE_BASE = 'https://eduledger.invalid';
const RESOLVE_ORIGIN = new URL(RESOLVE_BASE).origin;

/**
 * The page to open after signing in: `next` when it is a path on this site
 * (starting with a single `/`), otherwise the home page. Guards against open redirects
 * such as `//evil.example`, `/\evil.example` or `https://evil.example`.
 */
export function safeNextPath(next: string | null | undefined): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return HOME_PATH;
  let url: URL;
  try {
    url = new URL(next, RESOLVE_BASE);
  } catch {
    return HOME_PATH;
  }
  if (url.origin !== RESOLVE_ORIGIN) return HOME_PATH;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // Dot segments can collapse into `//host` once resolved, e.g. `/.//evil.example`.
  if (path.startsWith('//') || url.pathname === SIGN_IN_PATH) return HOME_PATH;
  return path;
}

/** The sign-in address that comes back to `location` afterwards (plain `/sign-in` for home). */
export function signInPathFor(location: Pick<Location, 'pathname' | 'search'>): string {
  const here = `${location.pathname}${location.search}`;
  if (here === HOME_PATH) return SIGN_IN_PATH;
  return `${SIGN_IN_PATH}?${new URLSearchParams({ next: here }).toString()}`;
}
