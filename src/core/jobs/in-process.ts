import type { Logger } from 'pino';
import { jobFailuresTotal } from '../observe/metrics.js';
import { JobStats, type JobRunner } from './runner.js';

interface Task {
  run: () => Promise<void>;
  everySeconds: number;
  running?: Promise<void>;
  /** When the current run (or the wait for it) began. */
  busySince?: Date;
  again: boolean;
  timer?: NodeJS.Timeout;
}

/** The runner for the embedded database: one process, so tasks run on timers in this process. */
export function inProcessRunner(logger: Logger): JobRunner {
  const tasks = new Map<string, Task>();
  const stats = new JobStats();
  let started = false;

  const run = (name: string, task: Task): Promise<void> => {
    if (task.running) {
      task.again = true;
      return task.running;
    }
    task.busySince = new Date();
    task.running = (async () => {
      do {
        task.again = false;
        try {
          await task.run();
          stats.succeeded(name);
        } catch (error) {
          stats.failed(name);
          jobFailuresTotal.inc({ job: name });
          logger.error({ err: error, job: name }, 'background job failed');
        }
      } while (task.again && started);
    })().finally(() => {
      task.running = undefined;
      task.busySince = undefined;
    });
    return task.running;
  };

  return {
    register(name, taskFn, { everySeconds }) {
      tasks.set(name, { run: taskFn, everySeconds, again: false });
    },
    trigger(name) {
      const task = tasks.get(name);
      if (task && started) setImmediate(() => void run(name, task));
    },
    async start() {
      started = true;
      for (const [name, task] of tasks) {
        task.timer = setInterval(() => void run(name, task), task.everySeconds * 1000);
        task.timer.unref();
      }
    },
    async stop() {
      started = false;
      for (const task of tasks.values()) clearInterval(task.timer);
      await Promise.all([...tasks.values()].map((task) => task.running));
    },
    async health() {
      return [...tasks].map(([name, task]) => ({
        name,
        depth: (task.running ? 1 : 0) + (task.again ? 1 : 0),
        ...stats.get(name),
        waitingSince: task.busySince ?? null,
      }));
    },
  };
}
