import { defineModule } from '../../core/modules/define-module.js';

export const engagementModule = defineModule({
  name: 'engagement',
  label: 'Engagement',
});
