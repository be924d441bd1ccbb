import type { HttpApp } from '../../../core/http/types.js';
import type { ModuleRouteDeps } from '../../../core/modules/define-module.js';
import { removalRoutes } from './removal.js';
import { volunteerRoutes } from './volunteers.js';

/** The engagement screens' API. */
export function engagementRoutes(app: HttpApp, deps: ModuleRouteDeps) {
  volunteerRoutes(app, deps);
  removalRoutes(app, deps);
}
