import * as Sentry from '@sentry/node';
import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';
import { NO_PERSONAL_DATA, scrubBreadcrumb, scrubEvent } from './scrub.js';

export interface ErrorCaptureOptions {
  /** SENTRY_DSN; null: error capture is off. */
  dsn: string | null;
  environment: string;
  release: string;
}

/** What the web app needs to report its own errors to the same project (null: off). */
export type BrowserErrorCapture = { dsn: string; environment: string; release: string } | null;

export const browserErrorCapture = (options: ErrorCaptureOptions): BrowserErrorCapture =>
  options.dsn
    ? {
        dsn: options.dsn,
        environment: options.environment,
        release: `eduledger@${options.release}`,
      }
    : null;

/** Starts error capture when a DSN is configured; returns whether it is on. */
export function initErrorCapture(options: ErrorCaptureOptions): boolean {
  if (!options.dsn) return false;
  Sentry.init({
    dsn: options.dsn,
    environment: options.environment,
    release: `eduledger@${options.release}`,
    dataCollection: NO_PERSONAL_DATA,
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
