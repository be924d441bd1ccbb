import { defineModule } from '../../core/modules/define-module.js';

export const outcomesModule = defineModule({
  name: 'outcomes',
  label: 'Outcomes',
});
