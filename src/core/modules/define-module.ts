import type { HttpApp } from '../http/types.js';

/** What a domain module plugs into the platform. The core never imports a module; it receives these. */
export interface ModuleDefinition {
  /** Stable identifier, stored in `tenants.modules`. */
  name: string;
  /** Human name for menus and messages. */
  label: string;
  /** Registers the module's HTTP routes; each route declares its permission. */
  routes?: (app: HttpApp) => void | Promise<void>;
}

export const defineModule = (definition: ModuleDefinition): ModuleDefinition => definition;
