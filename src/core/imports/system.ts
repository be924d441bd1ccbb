import type { Logger } from 'pino';
import type { Config } from '../config/config.js';
import type { Db } from '../db/client.js';
import type { EmailSender } from '../email/sender.js';
import type { JobRunner } from '../jobs/runner.js';
import type { ModuleDefinition } from '../modules/define-module.js';
import type { ImportsServiceDeps } from './service.js';
import { drainQueuedRuns, queueScheduledRuns, type RegisteredPipeline } from './worker.js';

export const IMPORT_RUN_JOB = 'imports.run';
export const IMPORT_SCHEDULE_JOB = 'imports.schedule';

export const registeredPipelines = (modules: readonly ModuleDefinition[]): RegisteredPipeline[] =>
  modules.flatMap((m) =>
    (m.importPipelines ?? []).map((pipeline) => ({ module: m.name, label: m.label, pipeline })),
  );

/**
 * The import jobs (executing queued runs; queueing scheduled ones) and what the HTTP routes
 * need. Runs started over HTTP are queued and executed by the job, so requests return at once.
 */
export function createImportsSystem(deps: {
  config: Pick<Config, 'dataDir' | 'imports' | 'baseUrl'>;
  db: Db;
  logger: Logger;
  jobs: JobRunner;
  modules: readonly ModuleDefinition[];
  emailSender: EmailSender;
}): ImportsServiceDeps {
  const workerDeps = {
    db: deps.db,
    logger: deps.logger,
    config: deps.config.imports,
    pipelines: registeredPipelines(deps.modules),
    emailSender: deps.emailSender,
    baseUrl: deps.config.baseUrl,
  };
  deps.jobs.register(IMPORT_RUN_JOB, async () => void (await drainQueuedRuns(workerDeps)), {
    everySeconds: 30,
  });
  deps.jobs.register(
    IMPORT_SCHEDULE_JOB,
    async () => {
      if ((await queueScheduledRuns(workerDeps)) > 0) deps.jobs.trigger(IMPORT_RUN_JOB);
    },
    { everySeconds: 60 },
  );
  return {
    db: deps.db,
    pipelines: workerDeps.pipelines,
    config: deps.config.imports,
    dataDir: deps.config.dataDir,
    trigger: () => deps.jobs.trigger(IMPORT_RUN_JOB),
  };
}
