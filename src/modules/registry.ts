import type { ModuleDefinition } from '../core/modules/define-module.js';
import { engagementModule } from './engagement/index.js';
import { outcomesModule } from './outcomes/index.js';

/** Every domain module this build ships, in menu order. */
export const modules: readonly ModuleDefinition[] = [engagementModule, outcomesModule];
