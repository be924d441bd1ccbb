import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import { jobFailuresTotal } from '../observe/metrics.js';
import { JobStats, type JobRunner } from './runner.js';

/**
 * The runner on PostgreSQL: pg-boss queues, so several app instances share the work. A trigger
 * is a singleton job (bursts coalesce); a cron schedule runs each task at least every minute.
 */
export function pgBossRunner(connectionString: string, logger: Logger): JobRunner {
  const boss = new PgBoss({ connectionString, schema: 'pgboss', max: 3 });
  boss.on('error', (error) => logger.error({ err: error }, 'pg-boss error'));
  const tasks = new Map<string, () => Promise<void>>();
  const stats = new JobStats();
  /** When this instance last started a run of each job. */
  const lastStartedAt = new Map<string, Date>();
  let started = false;
  let startedAt: Date | undefined;

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
        await boss.work(name, { pollingIntervalSeconds: 2 }, async () => {
          lastStartedAt.set(name, new Date());
          try {
            await task();
            stats.succeeded(name);
          } catch (error) {
            stats.failed(name);
            jobFailuresTotal.inc({ job: name });
            throw error;
          }
        });
        await boss.schedule(name, '* * * * *');
      }
      started = true;
      startedAt = new Date();
    },
    async stop() {
      started = false;
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
    /**
     * The depth is the shared queue's (every instance's work); waiting-since is when this
     * instance last started a run while work is queued, so a queue no instance drains shows up.
     */
    async health() {
      return Promise.all(
        [...tasks.keys()].map(async (name) => {
          const depth = started ? await boss.getQueueSize(name).catch(() => 0) : 0;
          const since = lastStartedAt.get(name) ?? startedAt ?? new Date();
          return { name, depth, ...stats.get(name), waitingSince: depth > 0 ? since : null };
        }),
      );
    },
  };
}
