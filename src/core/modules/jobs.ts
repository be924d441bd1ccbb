import type { Logger } from 'pino';
import type { JobRunner } from '../jobs/runner.js';
import type { ModuleDefinition, ModuleRouteDeps } from './define-module.js';

/** What the platform hands a module's background jobs. */
export interface ModuleJobDeps extends ModuleRouteDeps {
  logger: Logger;
}

/**
 * A module's background task (e.g. the daily assessment reminders). Like every job it reads its
 * durable state from the database, so it must be safe to run often: the runner calls it every
 * `everySeconds` (every minute on PostgreSQL) and a crash loses nothing.
 */
export interface ModuleJob {
  /** Unique job name, `{module}.{task}`. */
  name: string;
  everySeconds: number;
  run(deps: ModuleJobDeps): Promise<void>;
}

/** Registers every module's jobs on the runner. */
export function registerModuleJobs(
  jobs: JobRunner,
  modules: readonly ModuleDefinition[],
  deps: ModuleJobDeps,
) {
  for (const module of modules) {
    for (const job of module.jobs ?? []) {
      jobs.register(job.name, () => job.run(deps), { everySeconds: job.everySeconds });
    }
  }
}
