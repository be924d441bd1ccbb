import { vi } from 'vitest';

export function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

/**
 * Replaces global fetch with a mock that answers with `responses` in turn (errors are thrown);
 * the `unstubGlobals` setting restores fetch after each test.
 */
export function stubFetch(...responses: Array<Response | Error>) {
  const fetchMock = vi.fn<typeof fetch>();
  for (const response of responses) {
    if (response instanceof Response) fetchMock.mockResolvedValueOnce(response);
    else fetchMock.mockRejectedValueOnce(response);
  }
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

/** An answer of the mock API: a JSON reply, or an error to throw as a failed fetch. */
export type MockReply = { status: number; body?: unknown } | Error;

export interface ApiCall {
  method: string;
  path: string;
  /** The parsed JSON request body, if any. */
  body: unknown;
}

type Handler = MockReply | ((call: ApiCall, url: URL) => MockReply | Promise<MockReply>);

/** Answers `{ status, body }`, where `body` is sent as JSON. */
export function reply(status: number, body: unknown = {}): MockReply {
  return { status, body };
}

/** Answers with the platform error shape. */
export function errorReply(
  status: number,
  code: string,
  message: string,
  details: ReadonlyArray<{ path?: string; message: string }> = [],
): MockReply {
  return { status, body: { error: { code, message, details, requestId: 'req-test' } } };
}

/** A reply that never arrives, to look at loading states. */
export function never(): Promise<MockReply> {
  return new Promise<MockReply>(() => {});
}

function parseBody(body: RequestInit['body']): unknown {
  return typeof body === 'string' ? JSON.parse(body) : undefined;
}

/**
 * Replaces global fetch with a tiny API router. Keys are `'METHOD /path'` (query string ignored
 * for routing; handlers get the URL, and `queriesTo` reports it);
 * a list of handlers answers successive calls, its last entry answering all later ones.
 * Unknown routes answer 404 `not_found` naming the route.
 */
export function mockApi(routes: Record<string, Handler | Handler[]>) {
  const calls: ApiCall[] = [];
  const urls: URL[] = [];
  const counts = new Map<string, number>();
  const fetchMock = vi.fn<typeof fetch>(async (input, init) => {
    const url = new URL(String(input), 'http://localhost');
    const call: ApiCall = {
      method: (init?.method ?? 'GET').toUpperCase(),
      path: url.pathname,
      body: parseBody(init?.body),
    };
    calls.push(call);
    urls.push(url);
    const key = `${call.method} ${call.path}`;
    const route = routes[key];
    const handlers = Array.isArray(route) ? route : route === undefined ? [] : [route];
    const index = counts.get(key) ?? 0;
    counts.set(key, index + 1);
    const handler = handlers[Math.min(index, handlers.length - 1)];
    const answer =
      handler === undefined
        ? errorReply(404, 'not_found', `No mock for ${key}`)
        : typeof handler === 'function'
          ? await handler(call, url)
          : handler;
    if (answer instanceof Error) throw answer;
    return jsonResponse(answer.status, answer.body);
  });
  vi.stubGlobal('fetch', fetchMock);
  return {
    fetchMock,
    calls,
    /** Calls made to `'METHOD /path'`. */
    callsTo: (key: string) => calls.filter((call) => `${call.method} ${call.path}` === key),
    /** The query strings of the calls made to `'METHOD /path'`, as plain objects. */
    queriesTo: (key: string) =>
      calls.flatMap((call, index) =>
        `${call.method} ${call.path}` === key
          ? [Object.fromEntries(urls[index]?.searchParams ?? [])]
          : [],
      ),
  };
}
