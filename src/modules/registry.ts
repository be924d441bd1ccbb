import type { ModuleDefinition } from '../core/modules/define-module.js';
import { engagementModule } from './engagement/index.js';
import { outcomesBillingUsage } from './outcomes/billing-usage.js';
import { outcomesModule } from './outcomes/index.js';

/** Every domain module this build ships, in menu order. Outcomes tenants are billed by usage (§1.7). */
export const modules: readonly ModuleDefinition[] = [
  engagementModule,
  { ...outcomesModule, billingUsage: outcomesBillingUsage },
];
