import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countTenants } from '../../src/core/tenants/service.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { testDatabaseKinds } from '../support/databases.js';
import { probeModule } from '../support/probe-module.js';

describe.each(testDatabaseKinds())('concurrent writes through HTTP on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind, { modules: (database) => [probeModule(database)] });
  });
  afterAll(() => t.dispose());

  it('persists all of 50 parallel inserts', async () => {
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        t.app.inject({
          method: 'POST',
          url: '/api/probe/tenants',
          payload: { slug: `parallel-${i}`, name: `Parallel ${i}`, seats: i },
        }),
      ),
    );
    expect(responses.map((r) => r.statusCode)).toEqual(Array(50).fill(201));
    expect(new Set(responses.map((r) => r.json().id)).size).toBe(50);
    expect(await countTenants(t.testDb.database.db)).toBe(50);
  });

  it('keeps reads answering while writes are in flight', async () => {
    const mixed = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        i % 2
          ? t.app.inject({ method: 'GET', url: '/api/ready' })
          : t.app.inject({
              method: 'POST',
              url: '/api/probe/tenants',
              payload: { slug: `mixed-${i}`, name: 'Mixed', seats: 1 },
            }),
      ),
    );
    expect(mixed.map((r) => r.statusCode)).toEqual(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? 200 : 201)),
    );
  });
});
