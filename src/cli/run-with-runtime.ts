import { loadConfig } from '../core/config/config.js';
import { createLogger } from '../core/observe/logger.js';
import { openRuntime, type Runtime } from '../runtime.js';
import { reportError, type OutputOptions } from './output.js';

/**
 * Opens the configured database (migrated), runs the command's work and closes it again.
 * Logs go to stderr so stdout stays machine-readable; a failure sets process.exitCode.
 */
export async function runWithRuntime(
  options: OutputOptions,
  work: (runtime: Runtime) => Promise<void>,
): Promise<void> {
  let runtime: Runtime | undefined;
  try {
    const config = loadConfig();
    runtime = await openRuntime(config, createLogger(config.logLevel, 2));
    await work(runtime);
  } catch (error) {
    process.exitCode = reportError(options, error);
  } finally {
    await runtime?.close();
  }
}
