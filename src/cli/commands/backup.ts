import type { Command } from 'commander';
import { loadConfig } from '../../core/config/config.js';
import { backupDatabase, restoreDatabase } from '../../core/db/backup.js';
import { printResult, reportError, type OutputOptions } from '../output.js';

/** Runs a command that works on the database files itself (no runtime, no migrations). */
async function guarded(options: OutputOptions, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    process.exitCode = reportError(options, error);
  }
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export function registerBackupCommands(program: Command) {
  program
    .command('backup')
    .description(
      'write a backup of the whole database: pg_dump (custom format) for PostgreSQL, a consistent ' +
        'copy of the data folder for the embedded database (stop the server first)',
    )
    .requiredOption('--out <file>', 'where to write the backup')
    .option('--json', 'machine-readable output')
    .action((options: { out: string; json?: boolean }) =>
      guarded(options, async () => {
        const result = await backupDatabase(loadConfig().database, options.out);
        printResult(options, { status: 'succeeded', ...result }, [
          `Backup of the ${result.format === 'postgres' ? 'PostgreSQL' : 'embedded'} database ` +
            `written to ${result.file} (${megabytes(result.bytes)}).`,
        ]);
      }),
    );
  program
    .command('restore')
    .description(
      'restore a backup made by `eduledger backup` into the configured database (stop the ' +
        'application first); an empty database only, unless --force',
    )
    .argument('<file>', 'the backup file')
    .option('--force', 'replace everything the database holds now')
    .option('--json', 'machine-readable output')
    .action((file: string, options: { force?: boolean; json?: boolean }) =>
      guarded(options, async () => {
        const result = await restoreDatabase(loadConfig().database, file, {
          force: options.force,
        });
        printResult(options, { status: 'succeeded', ...result }, [
          `Restored ${result.file} into the ${result.format === 'postgres' ? 'PostgreSQL' : 'embedded'} database` +
            `${result.replaced ? ' (its previous contents were replaced)' : ''}.`,
          'Start the application: it applies any migrations newer than the backup.',
        ]);
      }),
    );
}
