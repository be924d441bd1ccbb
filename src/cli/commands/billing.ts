import type { Command } from 'commander';
import { runBilling } from '../../core/billing/run.js';
import { billingDeps } from '../../core/billing/system.js';
import { outboxEmailSender } from '../../core/email/sender.js';
import { modules } from '../../modules/registry.js';
import { printResult } from '../output.js';
import { runWithRuntime } from '../run-with-runtime.js';

interface RunOptions {
  date: string;
  tenant: string[];
  json?: boolean;
}

const collect = (value: string, previous: string[]) => [...previous, value];

export function registerBillingCommands(program: Command) {
  const billing = program.command('billing').description('plans, subscriptions and invoices');
  billing
    .command('run')
    .description(
      'the billing run of one day: usage snapshots, trial ends and notices, monthly invoices and ' +
        'overdue checks (running the same day twice creates nothing new)',
    )
    .requiredOption('--date <YYYY-MM-DD>', 'the day to run, in the tenants’ calendar')
    .option('--tenant <slug>', 'only this tenant (repeatable)', collect, [])
    .option('--json', 'machine-readable output')
    .action((options: RunOptions) =>
      runWithRuntime(options, async ({ database, config }) => {
        const result = await runBilling(
          billingDeps({
            db: database.db,
            // Queued in the outbox; the server's delivery worker sends them.
            emailSender: outboxEmailSender(),
            baseUrl: config.baseUrl,
            modules,
          }),
          { day: options.date, tenantSlugs: options.tenant.length ? options.tenant : undefined },
        );
        printResult(options, result, [
          `Billing run of ${result.day}: ${result.tenants.length} subscribed tenant(s).`,
          `  usage snapshots created: ${result.snapshotsCreated}`,
          `  invoices issued:         ${result.invoicesIssued}`,
          `  status changes:          ${result.transitions}`,
          `  emails queued:           ${result.emailsQueued}`,
          ...result.tenants.flatMap((t) => [
            ...t.invoicesIssued.map((number) => `  ${t.tenant}: invoice ${number}`),
            ...t.transitions.map((c) => `  ${t.tenant}: ${c.from} → ${c.to} (${c.reason})`),
          ]),
        ]);
      }),
    );
}
