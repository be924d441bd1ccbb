/**
 * PII scrubbing of error reports, shared by the server (@sentry/node) and the web app
 * (@sentry/browser): it imports nothing but types, so both builds can use it.
 */
import type { Breadcrumb, DataCollection, ErrorEvent } from '@sentry/core';

/** Collect nothing about people or requests; `scrubEvent` removes whatever still gets through. */
export const NO_PERSONAL_DATA: DataCollection = {
  userInfo: false,
  cookies: false,
  httpHeaders: false,
  httpBodies: [],
  urlQueryParams: false,
};

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
const SECRET_PARAM = /([?&;]\s*(?:token|code|key|secret|password|signature|state)=)[^&\s"]+/gi;
const BEARER = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/g;
/** Request headers worth keeping in an error report: none of them identifies a person. */
const SAFE_HEADERS = new Set(['content-type', 'content-length', 'accept', 'x-request-id']);

/** Removes emails, secret query parameters and credentials from a text. */
export const scrubText = (text: string) =>
  text
    .replace(EMAIL, '[email]')
    .replace(SECRET_PARAM, '$1[redacted]')
    .replace(BEARER, '$1 [redacted]');

/**
 * beforeSend: no request body, cookies, query string or identifying headers; the user reduced to
 * their id; emails and tokens masked in messages, exception values and breadcrumbs.
 */
export function scrubEvent(event: ErrorEvent): ErrorEvent {
  if (event.request) {
    const { request } = event;
    delete request.data;
    delete request.cookies;
    delete request.query_string;
    if (request.url) request.url = request.url.split('?')[0];
    request.headers = Object.fromEntries(
      Object.entries(request.headers ?? {}).filter(([name]) =>
        SAFE_HEADERS.has(name.toLowerCase()),
      ),
    );
  }
  if (event.user) event.user = event.user.id ? { id: event.user.id } : {};
  delete event.extra;
  if (event.message) event.message = scrubText(event.message);
  for (const exception of event.exception?.values ?? []) {
    if (exception.value) exception.value = scrubText(exception.value);
  }
  event.breadcrumbs = event.breadcrumbs?.map(scrubBreadcrumb);
  return event;
}

export function scrubBreadcrumb(breadcrumb: Breadcrumb): Breadcrumb {
  // Breadcrumb data (URLs, query strings, bodies of logged calls) is dropped whole.
  return {
    ...breadcrumb,
    data: undefined,
    message: breadcrumb.message && scrubText(breadcrumb.message),
  };
}
