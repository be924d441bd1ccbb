import { defineModule } from '../../core/modules/define-module.js';
import { outcomesBillingUsage } from './billing-usage.js';
import { remindersJob } from './jobs/reminders.js';
import { outcomesPermissions } from './permissions.js';
import { cloResultsReport } from './reports/clo-results.js';
import { describeOutcomesInvitation, outcomesInvitationLanding } from './invitation-landing.js';
import { outcomesRoutes } from './routes/index.js';
import { outcomesTenantMetrics } from './services/dashboard.js';

export const outcomesModule = defineModule({
  name: 'outcomes',
  label: 'Outcomes',
  routes: outcomesRoutes,
  permissions: outcomesPermissions,
  reports: [cloResultsReport],
  jobs: [remindersJob],
  billingUsage: outcomesBillingUsage,
  tenantMetrics: outcomesTenantMetrics,
  invitationLanding: outcomesInvitationLanding,
  describeInvitedWork: describeOutcomesInvitation,
});
