import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { spawnServer } from '../support/server-process.js';

describe('the server process on the embedded database', () => {
  it('seeds once, guards its data folder, survives kill -9 and shuts down gracefully', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'edl-server-'));
    const env = { DATA_DIR: dataDir };

    const first = spawnServer(env);
    const url = await first.url;
    expect(first.output()).toContain('email:    admin@demo.example.com');
    expect((await fetch(`${url}/api/ready`)).status).toBe(200);

    const intruder = spawnServer(env);
    expect(await intruder.exit).toBe(2);
    expect(intruder.output()).toContain('is in use by another EduLedger process');

    // A crash mid-flight: requests in progress, no shutdown handler runs.
    const inFlight = Array.from({ length: 5 }, () => fetch(`${url}/api/ready`).catch(() => null));
    first.child.kill('SIGKILL');
    await Promise.all([first.exit, ...inFlight]);

    const second = spawnServer(env);
    const secondUrl = await second.url;
    expect(second.output()).not.toContain('demo tenant was created');
    expect((await fetch(`${secondUrl}/api/health`)).status).toBe(200);

    second.child.kill('SIGTERM');
    expect(await second.exit).toBe(0);
    expect(existsSync(path.join(dataDir, 'eduledger.lock'))).toBe(false);

    const saved = { ...process.env };
    try {
      delete process.env.DATABASE_URL;
      delete process.env.BASE_URL;
      Object.assign(process.env, env, { LOG_LEVEL: 'silent' });
      const seed = await runCli(['seed', 'demo', '--json']);
      expect(JSON.parse(seed.stdout)).toEqual({ created: false, tenant: 'demo' });
    } finally {
      process.env = saved;
    }
    // Four server starts (each migrating and seeding its data folder) in one scenario.
  }, 120_000);
});
