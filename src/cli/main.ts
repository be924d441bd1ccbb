import { CommanderError } from 'commander';
import { EXIT_OK, EXIT_USAGE } from './output.js';
import { buildProgram } from './program.js';

try {
  await buildProgram().parseAsync(process.argv);
} catch (error) {
  if (!(error instanceof CommanderError)) throw error;
  // Help and version exit 0; every other parse failure is bad usage.
  const informational = ['commander.helpDisplayed', 'commander.version', 'commander.help'];
  process.exitCode = informational.includes(error.code) ? EXIT_OK : EXIT_USAGE;
}
