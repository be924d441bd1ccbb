import { describe, expect, it } from 'vitest';
import { jsonResponse, stubFetch } from '../test/http';
import { ApiError } from './ApiError';
import { apiFetch } from './client';

function requestOf(fetchMock: ReturnType<typeof stubFetch>): RequestInit {
  const init = fetchMock.mock.calls[0]?.[1];
  if (!init) throw new Error('fetch was not called with an init object');
  return init;
}

async function caughtError(promise: Promise<unknown>): Promise<ApiError> {
  const error: unknown = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return error;
}

describe('apiFetch', () => {
  it('returns the parsed JSON body and sends same-origin credentials', async () => {
    const fetchMock = stubFetch(jsonResponse(200, { items: [1, 2] }));

    await expect(apiFetch<{ items: number[] }>('/api/things')).resolves.toEqual({ items: [1, 2] });

    expect(fetchMock).toHaveBeenCalledWith('/api/things', expect.any(Object));
    const init = requestOf(fetchMock);
    expect(init.credentials).toBe('same-origin');
    expect(init.referrerPolicy).toBe('same-origin');
    expect(new Headers(init.headers).get('Accept')).toBe('application/json');
    expect(init.body).toBeUndefined();
  });

  it('sends a json option as a JSON body, keeping the caller headers', async () => {
    const fetchMock = stubFetch(jsonResponse(201, { id: 'a1' }));

    await apiFetch('/api/things', {
      method: 'POST',
      json: { name: 'Lincoln High' },
      headers: { 'X-Trace': 't-1' },
    });

    const init = requestOf(fetchMock);
    const headers = new Headers(init.headers);
    expect(init.method).toBe('POST');
    expect(init.body).toBe('{"name":"Lincoln High"}');
    expect(headers.get('Content-Type')).toBe('application/json');
    expect(headers.get('X-Trace')).toBe('t-1');
  });

  it('sends a body option (a file) as is, with the caller content type', async () => {
    const fetchMock = stubFetch(jsonResponse(200, {}));
    const file = new Blob(['PK'], { type: 'application/zip' });

    await apiFetch('/api/upload', {
      method: 'POST',
      body: file,
      headers: { 'Content-Type': 'application/zip' },
    });

    const init = requestOf(fetchMock);
    expect(init.body).toBe(file);
    expect(new Headers(init.headers).get('Content-Type')).toBe('application/zip');
  });

  it('resolves to undefined for 204 No Content', async () => {
    stubFetch(new Response(null, { status: 204 }));

    await expect(
      apiFetch<undefined>('/api/things/1', { method: 'DELETE' }),
    ).resolves.toBeUndefined();
  });

  it('throws an ApiError built from the server error shape', async () => {
    stubFetch(
      jsonResponse(409, {
        error: {
          code: 'conflict',
          message: 'Slug already taken',
          details: [{ path: 'slug', message: 'Taken' }],
          requestId: 'req-9',
        },
      }),
    );

    const error = await caughtError(apiFetch('/api/tenants', { method: 'POST', json: {} }));

    expect(error).toMatchObject({
      code: 'conflict',
      message: 'Slug already taken',
      status: 409,
      details: [{ path: 'slug', message: 'Taken' }],
      requestId: 'req-9',
    });
  });

  it('turns a non-JSON error response into a network_error with its status', async () => {
    stubFetch(new Response('<html>Bad Gateway</html>', { status: 502 }));

    const error = await caughtError(apiFetch('/api/health'));

    expect(error.code).toBe('network_error');
    expect(error.status).toBe(502);
    expect(error.message).toContain('HTTP 502');
  });

  it('turns a JSON error response of another shape into a network_error', async () => {
    stubFetch(jsonResponse(500, { message: 'boom' }));

    const error = await caughtError(apiFetch('/api/health'));

    expect(error).toMatchObject({ code: 'network_error', status: 500 });
  });

  it('turns a successful but non-JSON response into a network_error', async () => {
    stubFetch(new Response('<!doctype html><title>SPA</title>', { status: 200 }));

    const error = await caughtError(apiFetch('/api/health'));

    expect(error).toMatchObject({ code: 'network_error', status: 200 });
  });

  it('turns a failed fetch into a network_error with status 0', async () => {
    stubFetch(new TypeError('Failed to fetch'));

    const error = await caughtError(apiFetch('/api/health'));

    expect(error).toMatchObject({ code: 'network_error', status: 0 });
    expect(error.message).toMatch(/could not be reached/);
  });

  it('lets an abort through unchanged so callers can tell cancellation from failure', async () => {
    const controller = new AbortController();
    controller.abort();
    const abortError = new DOMException('The operation was aborted.', 'AbortError');
    stubFetch(abortError);

    await expect(apiFetch('/api/health', { signal: controller.signal })).rejects.toBe(abortError);
  });
});
