import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

const tempDir = () => mkdtempSync(path.join(tmpdir(), 'edl-config-'));

function problemsOf(env: NodeJS.ProcessEnv) {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('applies defaults for a development start on the embedded database', () => {
    const dataDir = tempDir();
    const config = loadConfig({ DATA_DIR: dataDir });
    expect(config).toMatchObject({
      appEnv: 'development',
      database: { kind: 'pglite', dataDir },
      port: 3000,
      host: '127.0.0.1',
      baseUrl: 'http://localhost:3000',
      logLevel: 'info',
    });
  });

  it('generates the development session secret once and keeps it in the data folder', () => {
    const dataDir = tempDir();
    const first = loadConfig({ DATA_DIR: dataDir }).sessionSecret;
    const file = path.join(dataDir, 'session-secret');
    expect(existsSync(file)).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe(first);
    expect(loadConfig({ DATA_DIR: dataDir }).sessionSecret).toBe(first);
    expect(first.length).toBeGreaterThanOrEqual(32);
  });

  it('selects PostgreSQL from DATABASE_URL and strips a trailing slash from BASE_URL', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://u@127.0.0.1:5432/db',
      BASE_URL: 'https://edu.example.org/',
      SESSION_SECRET: 'x'.repeat(32),
    });
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgres://u@127.0.0.1:5432/db' });
    expect(config.baseUrl).toBe('https://edu.example.org');
  });

  it('names every bad variable', () => {
    const problems = problemsOf({
      PORT: 'eighty',
      APP_ENV: 'prod',
      DATABASE_URL: 'mysql://x',
      LOG_LEVEL: 'loud',
      BASE_URL: 'not a url',
    });
    expect(problems.map((p) => p.variable).sort()).toEqual([
      'APP_ENV',
      'BASE_URL',
      'DATABASE_URL',
      'LOG_LEVEL',
      'PORT',
    ]);
    expect(problems.find((p) => p.variable === 'PORT')?.message).toMatch(/whole number/);
  });

  it('rejects an out-of-range port and a short secret', () => {
    const problems = problemsOf({ PORT: '70000', SESSION_SECRET: 'short' });
    expect(problems).toEqual([
      { variable: 'PORT', message: 'must be between 0 and 65535' },
      { variable: 'SESSION_SECRET', message: 'must be at least 32 characters' },
    ]);
  });

  it('requires SESSION_SECRET in production and never echoes secret values', () => {
    const problems = problemsOf({
      APP_ENV: 'production',
      DATABASE_URL: 'postgres://h/db',
      BASE_URL: 'https://edu.example.org',
    });
    expect(problems).toEqual([
      { variable: 'SESSION_SECRET', message: 'is required in production' },
    ]);
    expect(() => loadConfig({ SESSION_SECRET: 'hunter2-short' })).toThrow(/SESSION_SECRET/);
    const shortSecret = problemsOf({ SESSION_SECRET: 'hunter2-short' });
    expect(JSON.stringify(shortSecret)).not.toContain('hunter2');
  });

  it('refuses a localhost BASE_URL in production, and SMTP without a server', () => {
    const problems = problemsOf({
      APP_ENV: 'production',
      SESSION_SECRET: 'x'.repeat(32),
      BASE_URL: 'http://localhost:3000',
      EMAIL_TRANSPORT: 'smtp',
    });
    expect(problems.map((p) => p.variable)).toEqual(['BASE_URL', 'SMTP_URL']);
  });

  it('delivers email to everyone from the sink, to the allowlist over SMTP outside production', () => {
    const dir = { DATA_DIR: tempDir() };
    expect(loadConfig(dir).email).toMatchObject({
      transport: 'sink',
      allowlist: null,
      killSwitch: false,
    });
    expect(
      loadConfig({ ...dir, EMAIL_TRANSPORT: 'smtp', SMTP_URL: 'smtp://127.0.0.1:2525' }).email
        .allowlist,
    ).toEqual([]);
    expect(
      loadConfig({ ...dir, EMAIL_ALLOWLIST: '*@example.com, ada@example.org' }).email.allowlist,
    ).toEqual(['*@example.com', 'ada@example.org']);
    expect(
      loadConfig({
        ...dir,
        APP_ENV: 'production',
        SESSION_SECRET: 'x'.repeat(32),
        BASE_URL: 'https://edu.example.org',
        EMAIL_ALLOWLIST: '*@example.com',
      }).email.allowlist,
    ).toBeNull();
  });

  it('treats empty variables as unset', () => {
    const config = loadConfig({ DATABASE_URL: '', PORT: '', DATA_DIR: tempDir() });
    expect(config.database.kind).toBe('pglite');
    expect(config.port).toBe(3000);
  });
  it('configures the Salesforce connection only with a client id and secret', () => {
    const dataDir = tempDir();
    expect(loadConfig({ DATA_DIR: dataDir }).imports.salesforce).toBeNull();
    expect(
      loadConfig({
        DATA_DIR: dataDir,
        SALESFORCE_CLIENT_ID: 'id',
        SALESFORCE_CLIENT_SECRET: 'secret',
        SALESFORCE_USERNAME: 'sync@example.org',
        SALESFORCE_PASSWORD: 'pass',
        SALESFORCE_SECURITY_TOKEN: 'TOKEN',
      }).imports.salesforce,
    ).toEqual({
      loginUrl: 'https://login.salesforce.com',
      clientId: 'id',
      clientSecret: 'secret',
      username: 'sync@example.org',
      password: 'passTOKEN',
      apiVersion: '62.0',
    });
    expect(problemsOf({ DATA_DIR: dataDir, SALESFORCE_USERNAME: 'sync@example.org' })).toEqual([
      { variable: 'SALESFORCE_CLIENT_ID', message: 'is required to connect to Salesforce' },
      { variable: 'SALESFORCE_CLIENT_SECRET', message: 'is required to connect to Salesforce' },
      { variable: 'SALESFORCE_PASSWORD', message: 'is required with SALESFORCE_USERNAME' },
    ]);
    expect(
      problemsOf({ DATA_DIR: dataDir, SALESFORCE_CLIENT_ID: 'id', SALESFORCE_CLIENT_SECRET: 's' }),
    ).toMatchObject([{ variable: 'SALESFORCE_LOGIN_URL' }]);
  });
});
