import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from './api/ApiError';
import { isUnexpected, reportError } from './errorCapture';
import { ME_QUERY_KEY } from './session/queries';

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
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      // A 401 from any query means the session has ended: check `/api/me` again, which sends
      // signed-in pages to sign-in.
      onError: (error, query) => {
        if (isUnexpected(error)) reportError(error);
        if (
          error instanceof ApiError &&
          error.status === 401 &&
          query.queryKey[0] !== ME_QUERY_KEY[0]
        ) {
          void queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY });
        }
      },
    }),
    mutationCache: new MutationCache({
      onError: (error) => {
        if (isUnexpected(error)) reportError(error);
      },
    }),
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 30_000 },
    },
  });
  return queryClient;
}
