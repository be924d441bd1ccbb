import { randomUUID } from 'node:crypto';
import { statSync } from 'node:fs';
import path from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { ValidationError } from '../../core/errors.js';
import { printImportPlan, runImportCli } from '../../core/imports/cli-runner.js';
import { openSource } from '../../core/imports/source-ref.js';
import { extractZip } from '../../core/imports/sources/zip.js';
import type { ImportPipeline, SourceRef } from '../../core/imports/types.js';
import type { ModuleDefinition } from '../../core/modules/define-module.js';
import { findTenantBySlug } from '../../core/tenants/service.js';
import { runWithRuntime } from '../run-with-runtime.js';

interface ImportOptions {
  tenant: string;
  source?: string;
  file?: string;
  salesforce?: boolean;
  only?: string[];
  exclude?: string[];
  planOnly?: boolean;
  validateOnly?: boolean;
  failFast?: boolean;
  sequential?: boolean;
  chunkSize?: number;
  studentsMaxChunks?: number;
  batchSize?: number;
  json?: boolean;
}

const list = (value: string) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

const positive = (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be a whole number ≥ 1');
  return n;
};

/** The source the options name: exactly one of --source, --file or --salesforce. */
async function sourceRef(options: ImportOptions, dataDir: string): Promise<SourceRef> {
  const given = [options.source, options.file, options.salesforce].filter(Boolean).length;
  if (given !== 1) {
    throw new ValidationError('Give exactly one source: --source DIR, --file F or --salesforce');
  }
  if (options.salesforce) return { kind: 'salesforce' };
  if (options.source) {
    const dir = path.resolve(options.source);
    if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
      throw new ValidationError(`--source ${options.source} is not a folder`);
    }
    return { kind: 'folder', path: dir };
  }
  const file = path.resolve(options.file ?? '');
  if (!statSync(file, { throwIfNoEntry: false })?.isFile()) {
    throw new ValidationError(`--file ${options.file ?? ''} does not exist`);
  }
  if (path.extname(file).toLowerCase() === '.zip') {
    const dir = path.join(dataDir, 'imports', 'cli', randomUUID());
    await extractZip(file, dir);
    return { kind: 'folder', path: dir };
  }
  return { kind: 'file', path: file };
}

function registerPipeline(parent: Command, module: ModuleDefinition, pipeline: ImportPipeline) {
  const steps = pipeline.steps.map((s) => s.name).join(', ');
  parent
    .command(pipeline.name)
    .description(`import ${module.label} data (steps: ${steps})`)
    .requiredOption('--tenant <slug>', 'tenant')
    .option('--source <dir>', 'folder with one CSV (or XLSX) file per object')
    .option('--file <file>', 'a .zip of such files, or an .xlsx workbook')
    .option('--salesforce', 'read the Salesforce API configured by the SALESFORCE_* variables')
    .option('--only <steps>', 'comma-separated steps to run', list)
    .option('--exclude <steps>', 'comma-separated steps to leave out', list)
    .option('--plan-only', 'print the plan and warnings; run nothing')
    .option('--validate-only', 'run every check and report, but write nothing but the run record')
    .option('--fail-fast', 'stop at the first rejected row or failed step')
    .option('--sequential', 'run the steps one after another (always the case)')
    .option('--chunk-size <n>', 'students per chunk (default 2000)', positive)
    .option('--students-max-chunks <n>', 'stop the students step after n chunks', positive)
    .option('--batch-size <n>', 'rows per transaction (default 1000)', positive)
    .option('--json', 'machine-readable output')
    .action((options: ImportOptions) =>
      runWithRuntime(options, async ({ database, config, logger }) => {
        const tenant = await findTenantBySlug(database.db, options.tenant);
        if (!tenant) throw new ValidationError(`Unknown tenant "${options.tenant}"`);
        if (!tenant.modules.includes(module.name)) {
          throw new ValidationError(
            `The ${module.label} module is not enabled for tenant "${tenant.slug}"`,
          );
        }
        if (options.planOnly) {
          process.exitCode = printImportPlan(pipeline, options, options);
          return;
        }
        const ref = await sourceRef(options, config.dataDir);
        const source = await openSource(ref, {
          db: database.db,
          config: config.imports,
          tenantId: tenant.id,
          pipeline: pipeline.name,
        });
        process.exitCode = await runImportCli(
          { db: database.db, logger },
          {
            tenantId: tenant.id,
            pipeline,
            source,
            sourceRef: ref,
            only: options.only,
            exclude: options.exclude,
            validateOnly: options.validateOnly,
            failFast: options.failFast,
            chunkSize: options.chunkSize,
            studentsMaxChunks: options.studentsMaxChunks,
            batchSize: options.batchSize,
            triggeredBy: { type: 'system' },
          },
          { json: options.json },
        );
      }),
    );
}

/** `eduledger import <pipeline>` for every import pipeline the modules declare (DOMAIN.md §4). */
export function registerImportCommands(program: Command, modules: readonly ModuleDefinition[]) {
  const parent =
    program.commands.find((c) => c.name() === 'import') ??
    program.command('import').description('import data into a tenant');
  for (const module of modules) {
    for (const pipeline of module.importPipelines ?? []) {
      if (!parent.commands.some((c) => c.name() === pipeline.name)) {
        registerPipeline(parent, module, pipeline);
      }
    }
  }
}
