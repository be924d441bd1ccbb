import { ConfigError } from '../core/config/config.js';
import { DataDirInUseError } from '../core/db/data-dir-lock.js';
import { AppError, ValidationError } from '../core/errors.js';

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

export interface OutputOptions {
  json?: boolean;
}

/** Prints a command's result: the object as JSON with --json, else the human lines. */
export function printResult(options: OutputOptions, result: object, human: string[]): void {
  process.stdout.write(options.json ? `${JSON.stringify(result)}\n` : `${human.join('\n')}\n`);
}

/** Reports an error on stderr (and as JSON on stdout with --json); returns the exit code. */
export function reportError(options: OutputOptions, error: unknown): number {
  const usage =
    error instanceof ConfigError ||
    error instanceof DataDirInUseError ||
    error instanceof ValidationError;
  const code = usage ? EXIT_USAGE : EXIT_FAILED;
  const appError = error instanceof AppError ? error : undefined;
  const message = error instanceof Error ? error.message : String(error);
  const details = appError?.details ?? [];
  if (options.json) {
    const body = { error: { code: appError?.code ?? 'failed', message, details } };
    process.stdout.write(`${JSON.stringify(body)}\n`);
  }
  const detailLines = details.map((d) => `  ${d.path ? `${d.path}: ` : ''}${d.message}`);
  process.stderr.write(`${[`error: ${message}`, ...detailLines].join('\n')}\n`);
  return code;
}
