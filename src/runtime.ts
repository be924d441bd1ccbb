import type { Logger } from 'pino';
import type { Config } from './core/config/config.js';
import { openDatabase, type Database } from './core/db/client.js';
import { migrate } from './core/db/migrate.js';
import { createLogger } from './core/observe/logger.js';
import { invalidateReportsAfterImports } from './core/reports/invalidate.js';
import { modules } from './modules/registry.js';

export interface Runtime {
  config: Config;
  database: Database;
  logger: Logger;
  moduleNames: string[];
  close(): Promise<void>;
}

/** Opens the database named by the configuration and brings its schema up to date. */
export async function openRuntime(config: Config, logger = createLogger(config.logLevel)) {
  const database = await openDatabase(config.database);
  try {
    await migrate(database);
  } catch (error) {
    await database.close();
    throw error;
  }
  const stopInvalidating = invalidateReportsAfterImports(database.db);
  const runtime: Runtime = {
    config,
    database,
    logger,
    moduleNames: modules.map((m) => m.name),
    close: () => {
      stopInvalidating();
      return database.close();
    },
  };
  return runtime;
}
