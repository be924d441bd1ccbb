import * as Sentry from '@sentry/node';
import type { Breadcrumb, ErrorEvent } from '@sentry/node';
import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';

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

function scrubBreadcrumb(breadcrumb: Breadcrumb): Breadcrumb {
  // Breadcrumb data (URLs, query strings, bodies of logged calls) is dropped whole.
  return {
    ...breadcrumb,
    data: undefined,
    message: breadcrumb.message && scrubText(breadcrumb.message),
  };
}

export interface ErrorCaptureOptions {
  /** SENTRY_DSN; null: error capture is off. */
  dsn: string | null;
  environment: string;
  release: string;
}

/** Starts error capture when a DSN is configured; returns whether it is on. */
export function initErrorCapture(options: ErrorCaptureOptions): boolean {
  if (!options.dsn) return false;
  Sentry.init({
    dsn: options.dsn,
    environment: options.environment,
    release: `eduledger@${options.release}`,
    // Collect nothing about people or requests; beforeSend scrubs whatever still gets through.
    dataCollection: {
      userInfo: false,
      cookies: false,
      httpHeaders: false,
      httpBodies: [],
      urlQueryParams: false,
    },
    // Errors only: no tracing, no automatic instrumentation of other libraries.
    defaultIntegrations: false,
    enableOpenTelemetrySetup: false,
    beforeSend: scrubEvent,
    beforeBreadcrumb: scrubBreadcrumb,
  });
  return true;
}

/** Sends what is still queued (at shutdown). */
export const closeErrorCapture = () =>
  Sentry.getClient() ? Sentry.close(2_000).then(() => undefined) : Promise.resolve();

const isServerError = (error: FastifyError) => {
  const status = error instanceof AppError ? error.statusCode : (error.statusCode ?? 500);
  return status >= 500;
};

/** Reports an unexpected server error, tagged with the request id and the route pattern. */
export function captureServerError(error: unknown, request: FastifyRequest) {
  if (!Sentry.getClient()) return;
  Sentry.withScope((scope) => {
    scope.setTag('request_id', request.id);
    scope.setTag('route', request.routeOptions.url ?? '(unmatched)');
    scope.setTag('method', request.method);
    const userId = request.ctx?.user?.id;
    if (userId) scope.setUser({ id: userId });
    Sentry.captureException(error);
  });
}

/** Captures every 5xx error of the app (4xx are the caller's mistakes, not ours). */
export function captureErrors(app: FastifyInstance) {
  app.addHook('onError', async (request, _reply, error) => {
    if (isServerError(error)) captureServerError(error, request);
  });
}
