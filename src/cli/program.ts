import { Command } from 'commander';
import { appVersion } from '../core/version.js';
import { modules } from '../modules/registry.js';
import { registerBackupCommands } from './commands/backup.js';
import { registerAlertCommands } from './commands/alerts.js';
import { registerBillingCommands } from './commands/billing.js';
import { registerDbCommands } from './commands/db.js';
import { registerEmailCommands } from './commands/email.js';
import { registerExportCommands } from './commands/export-outcomes.js';
import { registerImportCommands } from './commands/import.js';
import { registerOutcomesImportCommand } from './commands/import-outcomes.js';
import { registerReportCommands } from './commands/report.js';
import { registerSeedCommands } from './commands/seed.js';
import { registerTenantCommands } from './commands/tenants.js';
import { registerUserCommands } from './commands/users.js';

/** The `eduledger` command line (DOMAIN.md §4). */
export function buildProgram(): Command {
  const program = new Command('eduledger')
    .description('EduLedger command line: database, tenants, users, imports and reports')
    .version(appVersion)
    .showHelpAfterError()
    .exitOverride();
  registerDbCommands(program);
  registerSeedCommands(program);
  registerTenantCommands(program);
  registerUserCommands(program);
  registerEmailCommands(program);
  registerReportCommands(program);
  registerImportCommands(program, modules);
  registerOutcomesImportCommand(program);
  registerExportCommands(program);
  registerBillingCommands(program);
  registerAlertCommands(program);
  registerBackupCommands(program);
  return program;
}
