import type { Command } from 'commander';
import { migrationStatus } from '../../core/db/migrate.js';
import { printResult } from '../output.js';
import { runWithRuntime } from '../run-with-runtime.js';

export function registerDbCommands(program: Command) {
  const db = program.command('db').description('database maintenance');
  db.command('migrate')
    .description('apply pending migrations')
    .option('--json', 'machine-readable output')
    .action((options: { json?: boolean }) =>
      runWithRuntime(options, async ({ database }) => {
        const status = await migrationStatus(database);
        printResult(options, { status: 'succeeded', migrations: status.applied }, [
          `Database is up to date (${status.applied} migrations applied).`,
        ]);
      }),
    );
}
