import { NO_PERSONAL_DATA, scrubBreadcrumb, scrubEvent } from '../../src/core/observe/scrub';
import { ApiError } from './api/ApiError';
import type * as Sdk from './errorCaptureSdk';

/** The deployment's error capture settings (`/api/public-config`); null when it is off. */
export type ErrorCaptureSettings = { dsn: string; environment: string; release: string } | null;

let sdk: typeof Sdk | undefined;

/**
 * Starts reporting the web app's own errors (uncaught errors, failed renders, 5xx answers) when
 * the deployment has error capture on. The SDK is loaded only then; every report is scrubbed of
 * personal data the same way as the server's.
 */
export async function startErrorCapture(settings: ErrorCaptureSettings): Promise<boolean> {
  if (!settings || sdk) return !!sdk;
  const Sentry = await import('./errorCaptureSdk');
  Sentry.init({
    dsn: settings.dsn,
    environment: settings.environment,
    release: settings.release,
    dataCollection: NO_PERSONAL_DATA,
    beforeSend: scrubEvent,
    beforeBreadcrumb: scrubBreadcrumb,
  });
  sdk = Sentry;
  return true;
}

/** Reports an unexpected error; an API error carries the server's request id. */
export function reportError(error: unknown): void {
  const Sentry = sdk;
  if (!Sentry) return;
  Sentry.withScope((scope) => {
    if (error instanceof ApiError && error.requestId) scope.setTag('request_id', error.requestId);
    Sentry.captureException(error);
  });
}

/** Errors worth a report: anything but an API's answer to the user's own mistake (4xx). */
export const isUnexpected = (error: unknown) => !(error instanceof ApiError) || error.status >= 500;
