import { defineModule } from '../../core/modules/define-module.js';
import { engagementPipeline } from './imports/pipeline.js';
import { engagementPermissions, engagementSensitiveFields } from './permissions.js';
import { engagementRoutes } from './routes/index.js';

export const engagementModule = defineModule({
  name: 'engagement',
  label: 'Engagement',
  routes: engagementRoutes,
  permissions: engagementPermissions,
  sensitiveFields: engagementSensitiveFields,
  importPipelines: [engagementPipeline],
});
