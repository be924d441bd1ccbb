import type {
  FastifyRateLimitStore,
  FastifyRateLimitStoreCtor,
  RateLimitOptions,
} from '@fastify/rate-limit';
import { sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import type { Db } from '../db/client.js';

/** One per-route limit: at most `max` requests per `windowMs`, counted per `key`. */
export interface RoutePolicy {
  max: number;
  windowMs: number;
  /** What is counted: the client address, or the address and the account's email. */
  key: 'ip' | 'ip+email';
}

const MINUTE = 60_000;

/** The sensitive routes' limits (the global RATE_LIMIT_PER_MINUTE still applies to the rest). */
export interface RateLimitPolicies {
  signIn: RoutePolicy;
  passwordReset: RoutePolicy;
  verificationEmail: RoutePolicy;
  passwordChange: RoutePolicy;
  invitations: RoutePolicy;
  invitationTokens: RoutePolicy;
  exports: RoutePolicy;
}

export const DEFAULT_RATE_LIMIT_POLICIES: RateLimitPolicies = {
  // Per address: password spraying and credential stuffing across accounts. Guessing one
  // account's password is stopped sooner by the account lockout (5 failures, auth.ts).
  signIn: { max: 50, windowMs: 15 * MINUTE, key: 'ip' },
  passwordReset: { max: 5, windowMs: 15 * MINUTE, key: 'ip+email' },
  verificationEmail: { max: 5, windowMs: 15 * MINUTE, key: 'ip+email' },
  passwordChange: { max: 10, windowMs: 15 * MINUTE, key: 'ip' },
  invitations: { max: 60, windowMs: 60 * MINUTE, key: 'ip' },
  invitationTokens: { max: 30, windowMs: 15 * MINUTE, key: 'ip' },
  exports: { max: 30, windowMs: MINUTE, key: 'ip' },
};

/** The better-auth endpoints under /api/auth/* and their policy. */
const AUTH_ENDPOINTS: Record<string, keyof RateLimitPolicies> = {
  'POST /sign-in/email': 'signIn',
  'POST /request-password-reset': 'passwordReset',
  'POST /reset-password': 'passwordReset',
  'GET /reset-password': 'passwordReset',
  'POST /send-verification-email': 'verificationEmail',
  'POST /change-password': 'passwordChange',
};

function authEndpoint(request: FastifyRequest): keyof RateLimitPolicies | undefined {
  const path = (request.url.split('?')[0] ?? '').replace(/^\/api\/auth/, '');
  const base = path.startsWith('/reset-password/') ? '/reset-password' : path;
  return AUTH_ENDPOINTS[`${request.method} ${base}`];
}

/** Which policy a (non-auth) route falls under, by its method and URL pattern. */
function routePolicy(method: string, url: string): keyof RateLimitPolicies | undefined {
  if (method === 'POST' && (url === '/api/invitations' || url === '/api/invitations/:id/resend')) {
    return 'invitations';
  }
  if (url.startsWith('/api/invitations/by-token/')) return 'invitationTokens';
  if (/\/export(s)?(\/|$)|\.(csv|xlsx|json)$|\/finance-export/.test(url)) return 'exports';
  return undefined;
}

const emailOf = (request: FastifyRequest) => {
  const email = (request.body as { email?: unknown } | undefined)?.email;
  return typeof email === 'string' ? email.trim().toLowerCase() : '';
};

const keyFor = (request: FastifyRequest, name: string, policy: RoutePolicy) =>
  `${name}|${request.ip}${policy.key === 'ip+email' ? `|${emailOf(request)}` : ''}`;

/** Marks keys counted in this process only (the global per-address limit, unlisted endpoints). */
const LOCAL = 'local:';

/**
 * Gives the sensitive routes their own limits (an onRoute hook; registered before the
 * rate-limit plugin so the plugin sees the config). The auth endpoints share one wildcard route,
 * so their key, limit and window depend on the endpoint; the others on the route.
 */
export function applyRoutePolicies(
  app: FastifyInstance,
  policies: RateLimitPolicies,
  globalPerMinute: number,
) {
  app.addHook('onRoute', (route: RouteOptions) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (route.url === '/api/auth/*') {
      const limit: RateLimitOptions = {
        // After the body is parsed, so sign-in and reset can count per account.
        hook: 'preHandler',
        keyGenerator: (request) => {
          const name = authEndpoint(request);
          return name ? keyFor(request, name, policies[name]) : `${LOCAL}auth|${request.ip}`;
        },
        max: (request) => {
          const name = authEndpoint(request);
          return name ? policies[name].max : globalPerMinute;
        },
        timeWindow: (request) => {
          const name = authEndpoint(request);
          return name ? policies[name].windowMs : MINUTE;
        },
      };
      route.config = { ...route.config, rateLimit: limit } as typeof route.config;
      return;
    }
    const name = methods.map((m) => routePolicy(String(m), route.url)).find(Boolean);
    if (!name) return;
    const policy = policies[name];
    const limit: RateLimitOptions = {
      max: policy.max,
      timeWindow: policy.windowMs,
      keyGenerator: (request) => keyFor(request, name, policy),
    };
    route.config = { ...route.config, rateLimit: limit } as typeof route.config;
  });
}

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;

/** Counts in this process's memory (the global per-address limit, and tests without a store). */
class MemoryCounters {
  private readonly counters = new Map<string, { hits: number; startedAt: number }>();

  incr(key: string, timeWindow: number) {
    const now = Date.now();
    let counter = this.counters.get(key);
    if (!counter || counter.startedAt + timeWindow <= now) {
      counter = { hits: 0, startedAt: now };
      this.counters.set(key, counter);
    }
    counter.hits += 1;
    if (this.counters.size > 10_000) {
      for (const [k, c] of this.counters)
        if (c.startedAt + timeWindow <= now) this.counters.delete(k);
    }
    return { current: counter.hits, ttl: counter.startedAt + timeWindow - now };
  }
}

/**
 * A rate-limit store for @fastify/rate-limit: the sensitive routes' counters live in the
 * database (rate_limit_counters), so instances sharing a PostgreSQL database share the limits;
 * the global per-address limit stays in memory (a database write on every request would cost
 * more than it protects). A database failure lets the request through (skipOnError) rather than
 * locking everyone out.
 */
export function databaseRateLimitStore(db: Db): FastifyRateLimitStoreCtor {
  const memory = new MemoryCounters();
  let calls = 0;

  const incrShared = async (key: string, timeWindow: number) => {
    const result = (await db.execute(sql`
      insert into rate_limit_counters as c (key, hits, window_started_at)
      values (${key}, 1, now())
      on conflict (key) do update set
        hits = case when c.window_started_at + make_interval(secs => ${timeWindow / 1000}) <= now()
                    then 1 else c.hits + 1 end,
        window_started_at = case when c.window_started_at + make_interval(secs => ${timeWindow / 1000}) <= now()
                    then now() else c.window_started_at end
      returning hits,
        greatest(0, extract(epoch from (window_started_at + make_interval(secs => ${timeWindow / 1000}) - now())) * 1000)::float8 as ttl
    `)) as unknown as { rows: { hits: number; ttl: number }[] };
    calls += 1;
    // Now and then, forget counters whose window ended long ago.
    if (calls % 500 === 0) {
      await db.execute(
        sql`delete from rate_limit_counters where window_started_at < now() - interval '1 day'`,
      );
    }
    const row = result.rows[0];
    return { current: Number(row?.hits ?? 1), ttl: Math.round(Number(row?.ttl ?? timeWindow)) };
  };

  class Store implements FastifyRateLimitStore {
    private readonly shared: boolean;

    /** The plugin constructs the root store with its options; children are made by child(). */
    constructor(_options?: unknown, shared = false) {
      this.shared = shared;
    }

    incr(key: string, callback: Callback, timeWindow: number) {
      if (!this.shared || key.startsWith(LOCAL)) {
        callback(null, memory.incr(key, timeWindow));
        return;
      }
      incrShared(key, timeWindow).then(
        (result) => callback(null, result),
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
    }

    /** Routes with their own limit (the sensitive ones) count in the database. */
    child(): FastifyRateLimitStore {
      return new Store(undefined, true);
    }
  }
  return Store as unknown as FastifyRateLimitStoreCtor;
}
