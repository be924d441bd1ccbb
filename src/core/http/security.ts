import type { FastifyHelmetOptions } from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/** Whether the public address is served over TLS (by the proxy in front of the app). */
export const servedOverTls = (baseUrl: string) => baseUrl.startsWith('https://');

/**
 * Fastify's `trustProxy` from TRUST_PROXY: `true` trusts every hop's X-Forwarded-* headers, a
 * number that many hops, anything else a comma-separated list of proxy addresses or CIDRs.
 */
export type TrustProxy = boolean | number | string;

export function parseTrustProxy(raw: string | undefined): TrustProxy {
  const value = raw?.trim() ?? '';
  if (value === '' || value === 'false' || value === 'off') return false;
  if (value === 'true' || value === 'on') return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}

/** TRUST_PROXY in the form Fastify takes (a hop count becomes "trust the first n hops"). */
export function fastifyTrustProxy(
  value: TrustProxy,
): boolean | string | ((address: string, hop: number) => boolean) {
  if (typeof value !== 'number') return value;
  return (_address, hop) => hop < value;
}

/** The paths a plain-HTTP request may still reach behind a TLS proxy (the platform's probes). */
const PLAIN_HTTP_ALLOWED = ['/api/health', '/metrics'];

/**
 * Security headers. The Content-Security-Policy allows scripts from the app's own origin only
 * (no 'unsafe-inline', no eval); styles may be inline because Mantine injects <style> tags.
 * HSTS is sent only when BASE_URL is https: on a plain-HTTP install it would lock browsers out.
 * With error capture on (`errorDsn`), the browser may also send its reports to that DSN's host.
 */
export function helmetOptions(
  baseUrl: string,
  errorDsn: string | null = null,
): FastifyHelmetOptions {
  const tls = servedOverTls(baseUrl);
  return {
    contentSecurityPolicy: {
      directives: {
        // Behind TLS, any leftover http: subresource is upgraded; on plain HTTP it would break.
        'upgrade-insecure-requests': tls ? [] : null,
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'script-src-attr': ["'none'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:'],
        'font-src': ["'self'", 'data:'],
        'connect-src': ["'self'", ...(errorDsn ? [new URL(errorDsn).origin] : [])],
        'object-src': ["'none'"],
        'frame-ancestors': ["'none'"],
        'base-uri': ["'self'"],
        'form-action': ["'self'"],
      },
    },
    hsts: tls ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    // The Swagger UI sets its own hash-based CSP on its pages.
    enableCSPNonces: false,
    // Browsers then send a real Origin on same-origin writes (no-referrer makes it "null").
    referrerPolicy: { policy: 'same-origin' },
  };
}

/**
 * HTTPS enforcement behind a TLS-terminating proxy: with an https BASE_URL and TRUST_PROXY set,
 * a request the proxy reports as plain HTTP (X-Forwarded-Proto: http) is redirected (301) to
 * the same path on BASE_URL — the configured host, never the request's Host header, so the
 * redirect cannot be pointed elsewhere. Health checks and the metrics scrape stay reachable over plain HTTP.
 * Without TRUST_PROXY the app cannot tell what the client used, so it does not redirect.
 */
export function enforceHttps(
  app: FastifyInstance,
  { baseUrl, trustProxy }: { baseUrl: string; trustProxy: TrustProxy },
) {
  if (!servedOverTls(baseUrl) || trustProxy === false) return;
  const origin = new URL(baseUrl).origin;
  app.addHook('onRequest', async (request, reply) => {
    if (request.protocol === 'https') return;
    const pathOnly = request.url.split('?')[0] ?? '';
    if (PLAIN_HTTP_ALLOWED.some((p) => pathOnly === p || pathOnly.startsWith(`${p}/`))) return;
    return reply.redirect(`${origin}${request.url}`, 301);
  });
}
