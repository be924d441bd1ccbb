import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config.js';
import { fastifyTrustProxy, helmetOptions, parseTrustProxy } from './security.js';

describe('TRUST_PROXY', () => {
  it('is off unless set, and reads true, a hop count or addresses', () => {
    expect(parseTrustProxy(undefined)).toBe(false);
    expect(parseTrustProxy('false')).toBe(false);
    expect(parseTrustProxy('true')).toBe(true);
    expect(parseTrustProxy('2')).toBe(2);
    expect(parseTrustProxy('10.0.0.0/8, 127.0.0.1')).toBe('10.0.0.0/8, 127.0.0.1');
  });

  it('trusts the first n hops for a count', () => {
    const trust = fastifyTrustProxy(1) as (address: string, hop: number) => boolean;
    expect(trust('10.0.0.1', 0)).toBe(true);
    expect(trust('10.0.0.2', 1)).toBe(false);
  });

  it('is checked at start-up', () => {
    const base = { DATABASE_URL: 'memory://' };
    expect(loadConfig({ ...base }).trustProxy).toBe(false);
    expect(loadConfig({ ...base, TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(() => loadConfig({ ...base, TRUST_PROXY: 'everyone please' })).toThrow(/TRUST_PROXY/);
  });
});

describe('helmet options', () => {
  it('sends HSTS only for an https BASE_URL', () => {
    expect(helmetOptions('http://localhost:3000').hsts).toBe(false);
    expect(helmetOptions('https://ledger.example.edu').hsts).toMatchObject({ maxAge: 31_536_000 });
  });

  it("lets the browser send error reports to the DSN's host only when error capture is on", () => {
    const connectSrc = (dsn: string | null) => {
      const csp = helmetOptions('https://ledger.example.edu', dsn).contentSecurityPolicy;
      return csp && typeof csp === 'object' ? csp.directives?.['connect-src'] : undefined;
    };
    expect(connectSrc(null)).toEqual(["'self'"]);
    expect(connectSrc('https://publickey@o42.ingest.sentry.io/7')).toEqual([
      "'self'",
      'https://o42.ingest.sentry.io',
    ]);
  });
});
