import { ForbiddenError } from '../access/route-guard.js';
import { NotFoundError } from '../errors.js';
import type { ModuleDefinition } from '../modules/define-module.js';
import type { ReportAction, ReportCaller } from './caller.js';
import type { ReportDefinition } from './types.js';

export interface RegisteredReport {
  /** The module that contributes it; tenants without the module have no such report. */
  module: string;
  definition: ReportDefinition;
}

export type ReportRegistry = ReadonlyMap<string, RegisteredReport>;

/** Every report the modules contribute, by name (names are unique across modules). */
export function reportRegistry(modules: readonly ModuleDefinition[]): ReportRegistry {
  const registry = new Map<string, RegisteredReport>();
  for (const module of modules) {
    for (const definition of module.reports ?? []) {
      if (registry.has(definition.name)) {
        throw new Error(`Two modules define the report "${definition.name}"`);
      }
      registry.set(definition.name, { module: module.name, definition });
    }
  }
  return registry;
}

/** The reports of the caller's tenant that the caller may do `action` on. */
export const reportsFor = (registry: ReportRegistry, caller: ReportCaller, action: ReportAction) =>
  [...registry.values()].filter(
    (entry) => caller.modules.includes(entry.module) && caller.may(action, entry.definition),
  );

/** The named report, if the tenant has it (else 404) and the caller may do `action` (else 403). */
export function findReport(
  registry: ReportRegistry,
  caller: ReportCaller,
  name: string,
  action: ReportAction,
): ReportDefinition {
  const entry = registry.get(name);
  if (!entry || !caller.modules.includes(entry.module)) throw new NotFoundError('Report');
  if (!caller.may(action, entry.definition)) throw new ForbiddenError();
  return entry.definition;
}
