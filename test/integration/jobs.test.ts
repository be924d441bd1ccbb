import { describe, expect, it } from 'vitest';
import { inProcessRunner } from '../../src/core/jobs/in-process.js';
import { pgBossRunner } from '../../src/core/jobs/pg-boss.js';
import type { JobRunner } from '../../src/core/jobs/runner.js';
import { createLogger } from '../../src/core/observe/logger.js';
import { createPostgresDatabase } from '../support/databases.js';

const logger = createLogger('silent');

const until = async (check: () => boolean, timeoutMs: number) => {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting for the job');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

async function exercise(runner: JobRunner, timeoutMs: number) {
  let runs = 0;
  let concurrent = 0;
  let maxConcurrent = 0;
  runner.register(
    'test.drain',
    async () => {
      concurrent++;
      maxConcurrent = Math.max(maxConcurrent, concurrent);
      await new Promise((resolve) => setTimeout(resolve, 30));
      runs++;
      concurrent--;
    },
    { everySeconds: 3600 },
  );
  runner.trigger('test.drain');
  await runner.start();
  runner.trigger('test.drain');
  runner.trigger('test.drain');
  await until(() => runs >= 1, timeoutMs);
  await runner.stop();
  expect(maxConcurrent).toBe(1);
  return runs;
}

describe('background job runners', () => {
  it('in process: runs a triggered task, never two runs of it at once', async () => {
    expect(await exercise(inProcessRunner(logger), 2_000)).toBeGreaterThanOrEqual(1);
  });

  it.runIf(process.env.DATABASE_URL?.startsWith('postgres'))(
    'pg-boss: runs a triggered task through a PostgreSQL queue',
    async () => {
      const created = await createPostgresDatabase();
      try {
        expect(await exercise(pgBossRunner(created.url, logger), 15_000)).toBeGreaterThanOrEqual(1);
      } finally {
        await created.drop();
      }
    },
  );
});
