import { describe, expect, it } from 'vitest';
import { createTestApp } from '../support/app.js';
import { probeModule } from '../support/probe-module.js';

describe('graceful shutdown', () => {
  it('finishes in-flight requests, refuses new ones, then closes the database', async () => {
    const t = await createTestApp('pglite', { modules: (database) => [probeModule(database)] });
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });

    const inFlight = fetch(`${address}/api/probe/slow`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const closing = t.app.close();
    const refused = await fetch(`${address}/api/health`).then(
      (response) => response.status,
      () => 'connection refused',
    );

    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ finished: true });
    expect([503, 'connection refused']).toContain(refused);
    await closing;

    await t.testDb.dispose();
    await expect(t.testDb.database.db.execute('select 1')).rejects.toThrow();
  });
});
