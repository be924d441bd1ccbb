import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { NotFoundError, ValidationError } from '../../core/errors.js';
import { systemCaller } from '../../core/reports/caller.js';
import { exportReport, type ExportFormat } from '../../core/reports/export/export-service.js';
import { reportRegistry } from '../../core/reports/registry.js';
import { reportDocument } from '../../core/reports/service.js';
import { findTenantBySlug } from '../../core/tenants/service.js';
import { modules } from '../../modules/registry.js';
import { printResult } from '../output.js';
import { runWithRuntime } from '../run-with-runtime.js';

interface ReportOptions {
  tenant: string;
  schoolYear?: string;
  district?: string;
  filter: Record<string, string>;
  format: 'json' | ExportFormat;
  out?: string;
  json?: boolean;
}

/** `--filter key=value`, repeatable, for the filters without an option of their own. */
function collectFilter(value: string, previous: Record<string, string>) {
  const match = /^([A-Za-z][A-Za-z0-9]*)=(.*)$/.exec(value);
  if (!match?.[1]) throw new InvalidArgumentError('expected key=value');
  return { ...previous, [match[1]]: match[2] ?? '' };
}

export function registerReportCommands(program: Command) {
  program
    .command('report')
    .description('compute a report: JSON {report, filters, computedAt, summary, rows}, CSV or XLSX')
    .argument('<name>', 'report name, e.g. district-year-end')
    .requiredOption('--tenant <slug>', 'tenant')
    .option('--school-year <YYYY-YYYY>', 'school year (default: the current one)')
    .option('--district <name>', 'district name')
    .option(
      '--filter <key=value>',
      'any other filter of the report (repeatable)',
      collectFilter,
      {},
    )
    .addOption(
      new Option('--format <format>', 'output format')
        .choices(['json', 'csv', 'xlsx'])
        .default('json'),
    )
    .option('--out <file>', 'write to this file instead of stdout (required for xlsx)')
    .option('--json', 'machine-readable output')
    .action((name: string, options: ReportOptions) =>
      runWithRuntime(options, async ({ database }) => {
        const registry = reportRegistry(modules);
        if (!registry.has(name)) {
          throw new ValidationError(`Unknown report "${name}"`, [
            { path: 'name', message: `must be one of: ${[...registry.keys()].join(', ')}` },
          ]);
        }
        if (options.format === 'xlsx' && !options.out) {
          throw new ValidationError('--format xlsx needs --out');
        }
        const tenant = await findTenantBySlug(database.db, options.tenant);
        if (!tenant) throw new NotFoundError(`Tenant "${options.tenant}"`);
        const caller = systemCaller(tenant);
        const deps = { db: database.db, registry };
        const filters = {
          ...options.filter,
          ...(options.schoolYear ? { schoolYear: options.schoolYear } : {}),
          ...(options.district ? { district: options.district } : {}),
        };
        if (options.format === 'json') {
          const document = await reportDocument(deps, caller, name, filters);
          const text = `${JSON.stringify(document)}\n`;
          if (!options.out) {
            process.stdout.write(text);
            return;
          }
          await writeFile(options.out, text);
        } else {
          const file = await exportReport(deps, caller, name, filters, options.format);
          if (!options.out) {
            await pipeline(file.stream, process.stdout, { end: false });
            return;
          }
          await pipeline(file.stream, createWriteStream(options.out));
        }
        printResult(options, { report: name, format: options.format, out: options.out }, [
          `Wrote ${name} (${options.format}) to ${options.out}.`,
        ]);
      }),
    );
}
