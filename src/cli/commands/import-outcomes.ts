import { statSync } from 'node:fs';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { ValidationError } from '../../core/errors.js';
import { findTenantBySlug } from '../../core/tenants/service.js';
import {
  IMPORT_FORMATS,
  importOutcomes,
  type ImportFormat,
  type OutcomesImportResult,
} from '../../modules/outcomes/imports/service.js';
import { runWithRuntime } from '../run-with-runtime.js';

interface OutcomesImportOptions {
  tenant: string;
  file: string;
  format?: ImportFormat;
  validateOnly?: boolean;
  json?: boolean;
}

function humanLines(result: OutcomesImportResult, validateOnly: boolean): string[] {
  const lines = [
    `Import ${result.runId}: ${result.status}${validateOnly ? ' (validate only: nothing written)' : ''}`,
  ];
  lines.push(`${'entity'.padEnd(16)} created  updated  unchanged`);
  for (const [entity, c] of Object.entries(result.counts)) {
    lines.push(
      `${entity.padEnd(16)} ${String(c.created).padStart(7)}  ${String(c.updated).padStart(7)}  ${String(c.unchanged).padStart(9)}`,
    );
  }
  for (const e of result.errors.slice(0, 20)) {
    const where = [e.file, e.row ? `row ${String(e.row)}` : null, e.column]
      .filter(Boolean)
      .join(', ');
    lines.push(`error: ${where ? `${where}: ` : ''}${e.message} [${e.code}]`);
  }
  if (result.errors.length > 20)
    lines.push(`… and ${String(result.errors.length - 20)} more errors`);
  for (const w of result.warnings.slice(0, 20)) {
    lines.push(`warning: ${w.file ?? ''}${w.row ? `, row ${String(w.row)}` : ''}: ${w.message}`);
  }
  if (result.warnings.length > 20) {
    lines.push(`… and ${String(result.warnings.length - 20)} more warnings`);
  }
  return lines;
}

/** `eduledger import outcomes --tenant S --file F [--format cei] [--validate-only] [--json]` (§4). */
export function registerOutcomesImportCommand(program: Command) {
  const parent =
    program.commands.find((c) => c.name() === 'import') ??
    program.command('import').description('import data into a tenant');
  parent
    .command('outcomes')
    .description('import an institution’s courses, sections and outcomes from a registrar feed')
    .requiredOption('--tenant <slug>', 'tenant (institution)')
    .requiredOption('--file <file>', 'a CEI workbook (.xlsx) or an outcomes export (.zip)')
    .addOption(
      new Option(
        '--format <format>',
        'cei, or generic (an export zip); default from the file',
      ).choices(IMPORT_FORMATS),
    )
    .option('--validate-only', 'run every check and report, but write nothing but the run record')
    .option('--json', 'machine-readable output')
    .action((options: OutcomesImportOptions) =>
      runWithRuntime(options, async ({ database, logger }) => {
        const tenant = await findTenantBySlug(database.db, options.tenant);
        if (!tenant) throw new ValidationError(`Unknown tenant "${options.tenant}"`);
        if (!tenant.modules.includes('outcomes')) {
          throw new ValidationError(
            `The Outcomes module is not enabled for tenant "${tenant.slug}"`,
          );
        }
        const filePath = path.resolve(options.file);
        if (!statSync(filePath, { throwIfNoEntry: false })?.isFile()) {
          throw new ValidationError(`--file ${options.file} does not exist`);
        }
        const result = await importOutcomes(
          { db: database.db, logger },
          {
            tenantId: tenant.id,
            filePath,
            fileName: path.basename(filePath),
            format:
              options.format ??
              (path.extname(filePath).toLowerCase() === '.zip' ? 'generic' : 'cei'),
            validateOnly: options.validateOnly ?? false,
            triggeredBy: { type: 'system' },
            audit: { tenantId: tenant.id, actor: { type: 'system' } },
            actor: { id: null, label: 'eduledger import' },
          },
        );
        process.stdout.write(
          options.json
            ? `${JSON.stringify(result)}\n`
            : `${humanLines(result, options.validateOnly ?? false).join('\n')}\n`,
        );
        process.exitCode = result.status === 'succeeded' ? 0 : 1;
      }),
    );
}
