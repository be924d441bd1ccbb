import { ApiError } from './ApiError';

export interface ApiRequestInit extends Omit<RequestInit, 'body'> {
  /** Sent as the JSON request body. */
  json?: unknown;
  /** Sent as is, e.g. an uploaded file (give its Content-Type in `headers`). */
  body?: Blob;
}

/**
 * `referrerPolicy: 'same-origin'` keeps the real `Origin` header on state-changing requests, which
 * the server's CSRF check needs: under a `no-referrer` document policy (helmet's default)
 * browsers would send `Origin: null` instead.
 */
function buildRequest({ json, body, headers, ...init }: ApiRequestInit): RequestInit {
  const requestHeaders = new Headers(headers);
  requestHeaders.set('Accept', 'application/json');
  const base: RequestInit = {
    ...init,
    headers: requestHeaders,
    credentials: 'same-origin',
    referrerPolicy: 'same-origin',
  };
  if (body !== undefined) return { ...base, body };
  if (json === undefined) return base;
  requestHeaders.set('Content-Type', 'application/json');
  return { ...base, body: JSON.stringify(json) };
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    throw ApiError.network(
      `The server sent an unreadable response (HTTP ${String(response.status)}).`,
      response.status,
    );
  }
}

/**
 * Calls the EduLedger API and returns its JSON body typed as `T`.
 * Throws `ApiError` for error responses, unreadable responses and network failures.
 */
export async function apiFetch<T>(path: string, init: ApiRequestInit = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, buildRequest(init));
  } catch (cause) {
    if (init.signal?.aborted) throw cause;
    throw ApiError.network('The server could not be reached. Check your connection.');
  }

  if (response.status === 204) return undefined as T;
  const body = await readJson(response);
  if (response.ok) return body as T;
  throw (
    ApiError.fromBody(response.status, body) ??
    ApiError.network(
      `The server sent an unexpected error (HTTP ${String(response.status)}).`,
      response.status,
    )
  );
}
