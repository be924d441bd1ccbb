import path from 'node:path';
import type { Command } from 'commander';
import { ValidationError } from '../../core/errors.js';
import { findTenantBySlug } from '../../core/tenants/service.js';
import { exportOutcomes } from '../../modules/outcomes/transfer/export.js';
import { printResult } from '../output.js';
import { runWithRuntime } from '../run-with-runtime.js';

/** `eduledger export outcomes --tenant S --out F.zip` (DOMAIN.md §3.5, §4). */
export function registerExportCommands(program: Command) {
  const parent = program.command('export').description('export data of a tenant');
  parent
    .command('outcomes')
    .description('an institution’s outcomes data as a zip of CSV files and a manifest')
    .requiredOption('--tenant <slug>', 'tenant (institution)')
    .requiredOption('--out <file>', 'the zip to write')
    .option('--json', 'machine-readable output')
    .action((options: { tenant: string; out: string; json?: boolean }) =>
      runWithRuntime(options, async ({ database }) => {
        const tenant = await findTenantBySlug(database.db, options.tenant);
        if (!tenant) throw new ValidationError(`Unknown tenant "${options.tenant}"`);
        if (!tenant.modules.includes('outcomes')) {
          throw new ValidationError(
            `The Outcomes module is not enabled for tenant "${tenant.slug}"`,
          );
        }
        const out = path.resolve(options.out);
        const manifest = await exportOutcomes(database.db, tenant, out, {
          tenantId: tenant.id,
          actor: { type: 'system' },
        });
        printResult(options, { file: out, ...manifest }, [
          `Exported ${tenant.slug} to ${out}:`,
          ...Object.entries(manifest.counts).map(([file, n]) => `  ${file}: ${String(n)}`),
        ]);
      }),
    );
}
