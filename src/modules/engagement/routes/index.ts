import type { HttpApp } from '../../../core/http/types.js';
import type { ModuleRouteDeps } from '../../../core/modules/define-module.js';
import { eventRoutes } from './events.js';
import { flagRoutes } from './flags.js';
import { historyRoutes } from './history.js';
import { localStatusRoutes } from './local-status.js';
import { organizationRoutes } from './organizations.js';
import { peopleRoutes } from './people.js';
import { placeRoutes } from './places.js';
import { removalRoutes } from './removal.js';
import { volunteerRoutes } from './volunteers.js';

/** The engagement screens' API. */
export function engagementRoutes(app: HttpApp, deps: ModuleRouteDeps) {
  volunteerRoutes(app, deps);
  organizationRoutes(app, deps);
  eventRoutes(app, deps);
  peopleRoutes(app, deps);
  placeRoutes(app, deps);
  historyRoutes(app, deps);
  flagRoutes(app, deps);
  localStatusRoutes(app, deps);
  removalRoutes(app, deps);
}
