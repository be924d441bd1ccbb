import { defineModule } from '../../core/modules/define-module.js';
import { engagementPipeline } from './imports/pipeline.js';
import { engagementPermissions, engagementSensitiveFields } from './permissions.js';
import { engagementReports } from './reports/index.js';
import { engagementRoutes } from './routes/index.js';

export const engagementModule = defineModule({
  name: 'engagement',
  label: 'Engagement',
  routes: engagementRoutes,
  permissions: engagementPermissions,
  sensitiveFields: engagementSensitiveFields,
  importPipelines: [engagementPipeline],
  reports: engagementReports,
});
