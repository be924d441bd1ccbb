import type { Logger } from 'pino';
import type { JobRunner } from '../../jobs/runner.js';
import type { BillingDeps } from '../context.js';
import { runBillingToday } from '../run.js';

export const BILLING_DAILY_JOB = 'billing.daily';

/**
 * The daily billing run (snapshots, trial ends and notices, invoices, overdue checks) for each
 * tenant once its day has come. Tenants already run today are skipped, so checking hourly is cheap.
 */
export function registerDailyBillingJob(jobs: JobRunner, deps: BillingDeps, logger: Logger) {
  jobs.register(
    BILLING_DAILY_JOB,
    async () => {
      const results = await runBillingToday(deps);
      for (const result of results) {
        logger.info(
          {
            job: BILLING_DAILY_JOB,
            tenant: result.tenant,
            invoices: result.invoicesIssued.length,
            transitions: result.transitions.length,
            emails: result.emailsQueued,
          },
          'billing run done',
        );
      }
    },
    { everySeconds: 3600 },
  );
}
