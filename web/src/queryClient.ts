import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api/ApiError';

const MAX_RETRIES = 2;

/** No answer, or a gateway/availability answer: worth asking again. */
const TRANSIENT_STATUSES: ReadonlySet<number> = new Set([0, 502, 503, 504]);

/** Retries only failures that may pass on their own; any other answer would come back the same. */
export function shouldRetry(failureCount: number, error: Error): boolean {
  return (
    failureCount < MAX_RETRIES && error instanceof ApiError && TRANSIENT_STATUSES.has(error.status)
  );
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 30_000 },
    },
  });
}
