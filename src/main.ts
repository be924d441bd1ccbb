import { ConfigError, loadConfig } from './core/config/config.js';
import { DataDirInUseError } from './core/db/data-dir-lock.js';
import { startServer } from './server.js';

async function main() {
  const config = loadConfig();
  const server = await startServer(config);
  const { logger } = server.runtime;

  const lines = [`EduLedger is running at ${server.url}`];
  if (server.demo) {
    lines.push(
      'A demo tenant was created. Sign in with (shown only once):',
      `  email:    ${server.demo.email}`,
      `  password: ${server.demo.password}`,
    );
  }
  process.stdout.write(`\n${lines.join('\n')}\n\n`);

  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DataDirInUseError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`EduLedger failed to start: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
