import type { Command } from 'commander';
import { seedDemo } from '../../core/seed/demo-tenant.js';
import { printResult } from '../output.js';
import { runWithRuntime } from '../run-with-runtime.js';

export function registerSeedCommands(program: Command) {
  const seed = program.command('seed').description('sample data');
  seed
    .command('demo')
    .description('create the demo tenant and its admin (prints the password once)')
    .option('--json', 'machine-readable output')
    .action((options: { json?: boolean }) =>
      runWithRuntime(options, async ({ database, moduleNames }) => {
        const result = await seedDemo(database.db, moduleNames);
        printResult(
          options,
          result,
          result.created
            ? [
                `Created tenant "${result.tenant}". Sign in with (shown only once):`,
                `  email:    ${result.email}`,
                `  password: ${result.password}`,
              ]
            : [`Tenant "${result.tenant}" already exists; nothing to do.`],
        );
      }),
    );
}
