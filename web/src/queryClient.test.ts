import { describe, expect, it, vi } from 'vitest';
import { ApiError } from './api/ApiError';
import { createQueryClient, shouldRetry } from './queryClient';

function apiError(status: number): ApiError {
  return new ApiError({ code: 'some_error', message: 'Failed', status });
}

describe('shouldRetry', () => {
  it.each([0, 502, 503, 504])('retries HTTP %i twice', (status) => {
    expect(shouldRetry(0, apiError(status))).toBe(true);
    expect(shouldRetry(1, apiError(status))).toBe(true);
    expect(shouldRetry(2, apiError(status))).toBe(false);
  });

  it('retries a failed fetch', () => {
    expect(shouldRetry(0, ApiError.network('offline'))).toBe(true);
  });

  it.each([200, 400, 401, 404, 409, 422, 500])('does not retry HTTP %i', (status) => {
    expect(shouldRetry(0, apiError(status))).toBe(false);
  });

  it('does not retry errors that did not come from the API', () => {
    expect(shouldRetry(0, new Error('bug in a query function'))).toBe(false);
  });
});

describe('createQueryClient', () => {
  it('makes a fresh client that uses the retry policy', () => {
    const client = createQueryClient();

    expect(client).not.toBe(createQueryClient());
    expect(client.getDefaultOptions().queries?.retry).toBe(shouldRetry);
  });
});

describe('the session check on 401', () => {
  it('invalidates /api/me when any other query is refused with 401', async () => {
    const client = createQueryClient();
    client.setQueryData(['me'], { signedIn: true });
    const invalidate = vi.spyOn(client, 'invalidateQueries');

    await client
      .fetchQuery({
        queryKey: ['events'],
        queryFn: () => Promise.reject(apiError(401)),
      })
      .catch(() => undefined);

    expect(invalidate).toHaveBeenCalledExactlyOnceWith({ queryKey: ['me'] });
    expect(client.getQueryState(['me'])?.isInvalidated).toBe(true);
  });

  it('leaves /api/me alone for other failures', async () => {
    const client = createQueryClient();
    const invalidate = vi.spyOn(client, 'invalidateQueries');

    await client
      .fetchQuery({ queryKey: ['events'], queryFn: () => Promise.reject(apiError(403)) })
      .catch(() => undefined);

    expect(invalidate).not.toHaveBeenCalled();
  });
});
