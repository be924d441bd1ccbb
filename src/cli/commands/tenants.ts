import type { Command } from 'commander';
import { createTenant } from '../../core/tenants/service.js';
import { printResult } from '../output.js';
import { runWithRuntime } from '../run-with-runtime.js';

const list = (value: string) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

export function registerTenantCommands(program: Command) {
  const tenants = program.command('tenants').description('tenants (organizations using EduLedger)');
  tenants
    .command('create')
    .description('create a tenant')
    .requiredOption('--slug <slug>', 'unique, immutable: 2–40 of a-z, 0-9 and -')
    .requiredOption('--name <name>', 'display name')
    .option('--modules <list>', 'comma-separated: engagement,outcomes', list, [])
    .option('--json', 'machine-readable output')
    .action((options: { slug: string; name: string; modules: string[]; json?: boolean }) =>
      runWithRuntime(options, async ({ database, moduleNames }) => {
        const tenant = await createTenant(database.db, options, moduleNames);
        printResult(
          options,
          { id: tenant.id, slug: tenant.slug, name: tenant.name, modules: tenant.modules },
          [
            `Created tenant "${tenant.slug}" (${tenant.name}) with modules: ${tenant.modules.join(', ') || 'none'}.`,
          ],
        );
      }),
    );
}
