import { vi } from 'vitest';
import { CommanderError } from 'commander';
import { buildProgram } from '../../src/cli/program.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the eduledger CLI (or another program) in-process, capturing its output and exit code. */
export async function runCli(args: string[], build = buildProgram): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  process.exitCode = undefined;
  let code: number;
  try {
    const program = build().configureOutput({
      writeOut: (s) => (stdout += s),
      writeErr: (s) => (stderr += s),
    });
    await program.parseAsync(['node', 'eduledger', ...args]);
    code = Number(process.exitCode ?? 0);
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    code = error.exitCode === 0 ? 0 : 2;
  } finally {
    out.mockRestore();
    err.mockRestore();
    process.exitCode = undefined;
  }
  return { code, stdout, stderr };
}
