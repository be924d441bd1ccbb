import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Database } from '../../src/core/db/client.js';
import { buildApp, type AppOptions } from '../../src/core/http/app.js';
import {
  DEFAULT_RATE_LIMIT_POLICIES,
  type RateLimitPolicies,
} from '../../src/core/http/rate-limits.js';
import type { HttpApp } from '../../src/core/http/types.js';
import type { ImportsServiceDeps } from '../../src/core/imports/service.js';
import type { ModuleDefinition } from '../../src/core/modules/define-module.js';
import { createLogger } from '../../src/core/observe/logger.js';
import { createTestDatabase, type TestDatabase, type TestDatabaseKind } from './databases.js';

export const TEST_BASE_URL = 'http://localhost:3000';

const generousPolicies = Object.fromEntries(
  Object.entries(DEFAULT_RATE_LIMIT_POLICIES).map(([name, policy]) => [
    name,
    { ...policy, max: 10_000 },
  ]),
) as unknown as RateLimitPolicies;

/** A folder standing in for the built web app. */
export function fakeWebRoot(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'edl-web-'));
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>EduLedger</title>');
  writeFileSync(path.join(dir, 'robots.txt'), 'User-agent: *');
  return dir;
}

export interface TestApp {
  app: HttpApp;
  testDb: TestDatabase;
  dispose(): Promise<void>;
}

/** The real HTTP app on a fresh database, for inject() tests. */
export async function createTestApp(
  kind: TestDatabaseKind = 'pglite',
  {
    modules = () => [],
    imports,
    ...overrides
  }: Partial<Omit<AppOptions, 'database' | 'modules' | 'imports'>> & {
    modules?: (database: Database) => ModuleDefinition[];
    imports?: (database: Database) => ImportsServiceDeps;
  } = {},
): Promise<TestApp> {
  const testDb = await createTestDatabase(kind);
  const app = await buildApp({
    database: testDb.database,
    modules: modules(testDb.database),
    imports: imports?.(testDb.database),
    logger: createLogger('silent'),
    version: 'test',
    webRoot: fakeWebRoot(),
    exposeInternalErrors: true,
    rateLimitPerMinute: 10_000,
    // Tests sign in often from one address; the rate-limit tests pass the real policies.
    rateLimitPolicies: generousPolicies,
    baseUrl: TEST_BASE_URL,
    trustedOrigins: [TEST_BASE_URL],
    sessionSecret: 'test-secret-that-is-at-least-32-characters-long',
    ...overrides,
  });
  await app.ready();
  return {
    app,
    testDb,
    dispose: async () => {
      await app.close();
      await testDb.dispose();
    },
  };
}
