import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

describe('eduledger email render', () => {
  it('takes a PNG screenshot of every template in Chromium', async () => {
    const saved = { ...process.env };
    const out = mkdtempSync(path.join(tmpdir(), 'edl-email-png-'));
    try {
      delete process.env.BASE_URL;
      Object.assign(process.env, { DATABASE_URL: 'memory://', LOG_LEVEL: 'silent' });
      const result = await runCli(['email', 'render', '--out', out, '--json']);
      expect(result.code, result.stderr).toBe(0);
      const pngs = (JSON.parse(result.stdout).files as string[]).filter((f) => f.endsWith('.png'));
      expect(pngs.length).toBeGreaterThanOrEqual(14);
      for (const file of pngs) expect(statSync(file).size, file).toBeGreaterThan(5_000);
    } finally {
      process.env = saved;
    }
  });
});
