import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { NotFoundError } from '../errors.js';
import type { ErrorBody } from '../http/error-handler.js';
import type { HttpApp } from '../http/types.js';
import type { Auth } from './auth.js';

/** The better-auth endpoints EduLedger uses; every other one (sign-up, social, …) stays closed. */
const EXPOSED = new Set([
  'POST /sign-in/email',
  'POST /sign-out',
  'GET /get-session',
  'POST /request-password-reset',
  'GET /reset-password/:token',
  'POST /reset-password',
  'GET /verify-email',
  'POST /send-verification-email',
  'POST /change-password',
]);

const endpointOf = (method: string, path: string) =>
  `${method} ${path.startsWith('/reset-password/') ? '/reset-password/:token' : path}`;

/** better-auth's `{ code, message }` errors, re-shaped into the platform's one error shape. */
function platformError(request: FastifyRequest, status: number, text: string): ErrorBody {
  let parsed: { code?: string; message?: string; details?: { path?: string; message: string }[] } =
    {};
  try {
    parsed = JSON.parse(text) as typeof parsed;
  } catch {
    parsed = {};
  }
  const code = (parsed.code ?? (status === 401 ? 'unauthenticated' : 'bad_request')).toLowerCase();
  const renamed: Record<string, string> = { invalid_email_or_password: 'invalid_credentials' };
  return {
    error: {
      code: renamed[code] ?? code,
      message:
        code === 'invalid_email_or_password'
          ? 'Email or password is incorrect'
          : (parsed.message ?? 'The request could not be completed'),
      details: parsed.details ?? [],
      requestId: request.id,
    },
  };
}

async function forward(auth: Auth, request: FastifyRequest, reply: FastifyReply) {
  const url = new URL(request.url, 'http://internal');
  const path = url.pathname.replace(/^\/api\/auth/, '');
  if (!EXPOSED.has(endpointOf(request.method, path)))
    throw new NotFoundError(`Route ${request.method} ${url.pathname}`);

  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined && name !== 'content-length') headers.set(name, String(value));
  }
  headers.set('x-forwarded-for', request.ip);
  headers.set('x-request-id', request.id);
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  const body = (request.body ?? {}) as Record<string, unknown>;
  if (typeof body.email === 'string') body.email = body.email.trim().toLowerCase();
  const response = await auth.handler(
    new Request(new URL(`${url.pathname}${url.search}`, auth.options.baseURL), {
      method: request.method,
      headers,
      body: hasBody ? JSON.stringify(body) : undefined,
    }),
  );

  reply.status(response.status);
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie' && name !== 'content-length') reply.header(name, value);
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) reply.header('set-cookie', cookies);
  const text = await response.text();
  if (response.status >= 400) {
    return reply.type('application/json').send(platformError(request, response.status, text));
  }
  return reply.send(text);
}

/** Mounts the identity endpoints under /api/auth (they authenticate on their own). */
export function authRoutes(app: HttpApp, auth: Auth) {
  app.route({
    method: ['GET', 'POST'],
    url: '/api/auth/*',
    config: { permission: 'public' },
    schema: { hide: true, params: z.object({ '*': z.string() }) },
    handler: (request, reply) => forward(auth, request, reply),
  });
}
