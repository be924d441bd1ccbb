import { loadConfig } from '../../src/core/config/config.js';
import { startServer, type RunningServer } from '../../src/server.js';

/** The real server on a random port with an in-memory database (and the built web app). */
export const startLiveServer = (): Promise<RunningServer> =>
  startServer(
    loadConfig({ DATABASE_URL: 'memory://', PORT: '0', LOG_LEVEL: 'warn', APP_ENV: 'test' }),
  );
