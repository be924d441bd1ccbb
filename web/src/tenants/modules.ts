import type { TenantModule } from '../access';
import { MODULE_LABELS } from '../session/labels';

const isKnownModule = (name: string): name is TenantModule => Object.hasOwn(MODULE_LABELS, name);

/** The display name of a module ("Engagement"), or its name when this build does not know it. */
export function moduleName(name: string): string {
  return isKnownModule(name) ? MODULE_LABELS[name].name : name;
}

export function moduleDescription(name: string): string | undefined {
  return isKnownModule(name) ? MODULE_LABELS[name].description : undefined;
}
