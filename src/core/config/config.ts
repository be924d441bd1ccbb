import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseTrustProxy, type TrustProxy } from '../http/security.js';
import { envSchema, type RawEnv } from './env.js';

export type DatabaseTarget =
  | { kind: 'postgres'; url: string }
  | { kind: 'pglite'; dataDir: string }
  | { kind: 'pglite-memory' };

export interface EmailConfig {
  transport: 'sink' | 'smtp';
  from: string;
  /** Recipient patterns delivered outside production; null: everyone (production, or the sink). */
  allowlist: string[] | null;
  killSwitch: boolean;
  ratePerSecond: number;
  smtp: {
    url?: string;
    host?: string;
    port?: number;
    user?: string;
    password?: string;
    secure?: boolean;
  };
}

/**
 * The Salesforce connection of the API source: OAuth 2.0 with a connected app's client id and
 * secret, either the username-password flow (username, password, security token) or, without a
 * username, the client-credentials flow (the login URL is then the org's My Domain).
 */
export interface SalesforceConfig {
  loginUrl: string;
  clientId: string;
  clientSecret: string;
  username?: string;
  /** Password with the security token appended, as Salesforce expects. */
  password?: string;
  apiVersion: string;
}

export interface ImportsConfig {
  /** null when no SALESFORCE_* connection is configured. */
  salesforce: SalesforceConfig | null;
  uploadMaxBytes: number;
}

export interface ObservabilityConfig {
  /** Bearer token of `/metrics`; null: the endpoint answers 404. */
  metricsToken: string | null;
  /** Error capture (Sentry); null: off. */
  sentryDsn: string | null;
  alerts: {
    /** Slack-compatible incoming webhook; null: alerts are only logged. */
    webhookUrl: string | null;
    /** ALERTS_ENABLED; by default on in staging and production, off elsewhere. */
    enabled: boolean;
  };
}

export interface Config {
  appEnv: RawEnv['APP_ENV'];
  database: DatabaseTarget;
  dataDir: string;
  port: number;
  host: string;
  baseUrl: string;
  logLevel: RawEnv['LOG_LEVEL'];
  sessionSecret: string;
  rateLimitPerMinute: number;
  /** Whose X-Forwarded-* headers to believe (TRUST_PROXY; off unless set). */
  trustProxy: TrustProxy;
  email: EmailConfig;
  /** "Create your institution" sign-up for new tenants (off unless SELF_REGISTRATION=on). */
  selfRegistration: boolean;
  imports: ImportsConfig;
  observability: ObservabilityConfig;
}

/** A configuration problem the operator must fix; the message names every bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; message: string }[]) {
    super(
      `Invalid configuration:\n${problems.map((p) => `  ${p.variable}: ${p.message}`).join('\n')}`,
    );
    this.name = 'ConfigError';
  }
}

const SECRET_FILE = 'session-secret';

/** Reads the session secret kept in the data folder, creating it on first use (development only). */
function localSessionSecret(dataDir: string): string {
  const file = path.join(dataDir, SECRET_FILE);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

function databaseTarget(env: RawEnv, dataDir: string): DatabaseTarget {
  if (env.DATABASE_URL === 'memory://') return { kind: 'pglite-memory' };
  if (env.DATABASE_URL) return { kind: 'postgres', url: env.DATABASE_URL };
  return { kind: 'pglite', dataDir };
}

function emailConfig(env: RawEnv): EmailConfig {
  const listed = env.EMAIL_ALLOWLIST?.split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  // The sink never leaves the machine, so outside production it takes everyone unless told otherwise.
  const allowlist =
    env.APP_ENV === 'production' ? null : (listed ?? (env.EMAIL_TRANSPORT === 'sink' ? null : []));
  return {
    transport: env.EMAIL_TRANSPORT,
    from: env.EMAIL_FROM,
    allowlist,
    killSwitch: env.EMAIL_KILL_SWITCH === 'on',
    ratePerSecond: env.EMAIL_RATE_PER_SECOND,
    smtp: {
      url: env.SMTP_URL,
      host: env.SMTP_HOST,
      port: env.SMTP_PORT,
      user: env.SMTP_USER,
      password: env.SMTP_PASSWORD,
      secure: env.SMTP_SECURE === undefined ? undefined : env.SMTP_SECURE === 'true',
    },
  };
}

function salesforceConfig(env: RawEnv): SalesforceConfig | null {
  if (!env.SALESFORCE_CLIENT_ID || !env.SALESFORCE_CLIENT_SECRET) return null;
  return {
    loginUrl: (env.SALESFORCE_LOGIN_URL ?? 'https://login.salesforce.com').replace(/\/$/, ''),
    clientId: env.SALESFORCE_CLIENT_ID,
    clientSecret: env.SALESFORCE_CLIENT_SECRET,
    username: env.SALESFORCE_USERNAME,
    password: env.SALESFORCE_PASSWORD
      ? `${env.SALESFORCE_PASSWORD}${env.SALESFORCE_SECURITY_TOKEN ?? ''}`
      : undefined,
    apiVersion: env.SALESFORCE_API_VERSION,
  };
}

function salesforceProblems(env: RawEnv): { variable: string; message: string }[] {
  const problems: { variable: string; message: string }[] = [];
  const anySet = Object.entries(env).some(
    ([name, value]) => name.startsWith('SALESFORCE_') && name !== 'SALESFORCE_API_VERSION' && value,
  );
  if (!anySet) return problems;
  for (const variable of ['SALESFORCE_CLIENT_ID', 'SALESFORCE_CLIENT_SECRET'] as const) {
    if (!env[variable]) {
      problems.push({ variable, message: 'is required to connect to Salesforce' });
    }
  }
  if (env.SALESFORCE_USERNAME && !env.SALESFORCE_PASSWORD) {
    problems.push({
      variable: 'SALESFORCE_PASSWORD',
      message: 'is required with SALESFORCE_USERNAME',
    });
  }
  if (!env.SALESFORCE_USERNAME && !env.SALESFORCE_LOGIN_URL && env.SALESFORCE_CLIENT_ID) {
    problems.push({
      variable: 'SALESFORCE_LOGIN_URL',
      message:
        "is required without SALESFORCE_USERNAME (the client-credentials flow logs in at the org's My Domain)",
    });
  }
  return problems;
}

/** Parses the environment into a Config, or throws ConfigError naming each bad variable. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(
    Object.entries(source).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => ({
        variable: String(issue.path[0] ?? '(environment)'),
        message: issue.message,
      })),
    );
  }
  const env = parsed.data;
  const problems: { variable: string; message: string }[] = [];
  if (env.APP_ENV === 'production' && !env.SESSION_SECRET) {
    problems.push({ variable: 'SESSION_SECRET', message: 'is required in production' });
  }
  if (
    env.APP_ENV === 'production' &&
    /^https?:\/\/(localhost|127\.|\[::1\])/.test(env.BASE_URL ?? 'http://localhost')
  ) {
    problems.push({
      variable: 'BASE_URL',
      message: 'must be the public address in production, not localhost',
    });
  }
  if (env.EMAIL_TRANSPORT === 'smtp' && !env.SMTP_URL && !env.SMTP_HOST) {
    problems.push({
      variable: 'SMTP_URL',
      message: 'or SMTP_HOST is required when EMAIL_TRANSPORT=smtp',
    });
  }
  if (env.APP_ENV === 'production' && env.DATABASE_URL === 'memory://') {
    problems.push({ variable: 'DATABASE_URL', message: 'memory:// is not allowed in production' });
  }
  problems.push(...salesforceProblems(env));
  if (problems.length > 0) throw new ConfigError(problems);

  const dataDir = path.resolve(env.DATA_DIR);
  const database = databaseTarget(env, dataDir);
  const sessionSecret =
    env.SESSION_SECRET ??
    (database.kind === 'pglite-memory'
      ? randomBytes(32).toString('base64url')
      : localSessionSecret(dataDir));

  return {
    appEnv: env.APP_ENV,
    database,
    dataDir,
    port: env.PORT,
    host: env.HOST,
    baseUrl: (env.BASE_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ''),
    logLevel: env.LOG_LEVEL,
    sessionSecret,
    rateLimitPerMinute: env.RATE_LIMIT_PER_MINUTE,
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    selfRegistration: env.SELF_REGISTRATION === 'on',
    email: emailConfig(env),
    imports: {
      salesforce: salesforceConfig(env),
      uploadMaxBytes: env.IMPORT_UPLOAD_MAX_MB * 1024 * 1024,
    },
    observability: {
      metricsToken: env.METRICS_TOKEN ?? null,
      sentryDsn: env.SENTRY_DSN ?? null,
      alerts: {
        webhookUrl: env.ALERT_WEBHOOK_URL ?? null,
        enabled:
          (env.ALERTS_ENABLED ??
            (env.APP_ENV === 'production' || env.APP_ENV === 'staging' ? 'on' : 'off')) === 'on',
      },
    },
  };
}
