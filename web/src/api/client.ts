import { ApiError } from './ApiError';

export interface ApiRequestInit extends Omit<RequestInit, 'body'> {
  /** Sent as the JSON request body. */
  json?: unknown;
}

function buildRequest({ json, headers, ...init }: ApiRequestInit): RequestInit {
  const requestHeaders = new Headers(headers);
  requestHeaders.set('Accept', 'application/json');
  if (json === undefined) return { ...init, headers: requestHeaders, credentials: 'same-origin' };
  requestHeaders.set('Content-Type', 'application/json');
  return {
    ...init,
    headers: requestHeaders,
    credentials: 'same-origin',
    body: JSON.stringify(json),
  };
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
