import type { Command } from 'commander';
import { createAlerter, sendTestAlert } from '../../core/observe/alerts.js';
import { EXIT_FAILED, printResult } from '../output.js';
import { runWithRuntime } from '../run-with-runtime.js';

export function registerAlertCommands(program: Command) {
  const alerts = program.command('alerts').description('the alert webhook');
  alerts
    .command('test')
    .description('post a synthetic alert to ALERT_WEBHOOK_URL (fails when alerts are off)')
    .option('--json', 'machine-readable output')
    .action((options: { json?: boolean }) =>
      runWithRuntime(options, async ({ config, database, logger }) => {
        const alerter = createAlerter(
          database.db,
          { ...config.observability.alerts, environment: config.appEnv },
          logger,
        );
        const outcome = await sendTestAlert(alerter, 'the command line');
        const human = {
          sent: 'Test alert sent to the alert webhook.',
          disabled: 'Alerts are off: set ALERT_WEBHOOK_URL and ALERTS_ENABLED=on.',
          failed: 'The alert webhook could not be reached (see the log above).',
          suppressed: 'Suppressed (an identical alert went out in the last 15 minutes).',
        }[outcome];
        printResult(options, { outcome }, [human]);
        if (outcome !== 'sent') process.exitCode = EXIT_FAILED;
      }),
    );
}
