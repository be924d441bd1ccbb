import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import type { JobRunner } from './runner.js';

/**
 * The runner on PostgreSQL: pg-boss queues, so several app instances share the work. A trigger
 * is a singleton job (bursts coalesce); a cron schedule runs each task at least every minute.
 */
export function pgBossRunner(connectionString: string, logger: Logger): JobRunner {
  const boss = new PgBoss({ connectionString, schema: 'pgboss', max: 3 });
  boss.on('error', (error) => logger.error({ err: error }, 'pg-boss error'));
  const tasks = new Map<string, () => Promise<void>>();
  let started = false;

  return {
    register(name, task) {
      tasks.set(name, task);
    },
    trigger(name) {
      if (!started) return;
      boss
        .send(name, {}, { singletonKey: name, singletonSeconds: 1 })
        .catch((error: unknown) => logger.error({ err: error, job: name }, 'could not queue job'));
    },
    async start() {
      await boss.start();
      for (const [name, task] of tasks) {
        await boss.createQueue(name);
        await boss.work(name, { pollingIntervalSeconds: 2 }, async () => task());
        await boss.schedule(name, '* * * * *');
      }
      started = true;
    },
    async stop() {
      started = false;
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
}
