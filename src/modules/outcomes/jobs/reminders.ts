import type { ModuleJob } from '../../../core/modules/jobs.js';
import { runScheduledReminders } from '../services/reminders.js';

export const REMINDERS_JOB = 'outcomes.reminders';

/**
 * The scheduled assessment reminders (§3.2): each institution's day runs once, so checking every
 * hour is cheap and a restart or a second instance never sends twice.
 */
export const remindersJob: ModuleJob = {
  name: REMINDERS_JOB,
  everySeconds: 3600,
  async run(deps) {
    for (const run of await runScheduledReminders(deps)) {
      deps.logger.info(
        {
          job: REMINDERS_JOB,
          tenant: run.tenantId,
          day: run.today,
          sections: run.sections,
          recipients: run.recipients,
        },
        'scheduled reminders queued',
      );
    }
  },
};
