import type { HttpApp } from '../../../core/http/types.js';
import type { ModuleRouteDeps } from '../../../core/modules/define-module.js';
import { AppError } from '../../../core/errors.js';
import { activeProgramRoutes } from './active-program.js';
import { courseRoutes } from './courses.js';
import { dashboardRoutes } from './dashboard.js';
import { importRoutes } from './imports.js';
import { instructorRoutes } from './instructors.js';
import { offeringRoutes } from './offerings.js';
import { ploRoutes } from './plo.js';
import { programRoutes } from './programs.js';
import { reviewRoutes } from './review.js';
import { sectionRoutes } from './sections.js';
import { termRoutes } from './terms.js';
import { workflowRoutes } from './workflow.js';

export class ModuleOffError extends AppError {
  constructor() {
    super(404, 'module_not_enabled', 'The outcomes module is not enabled for this tenant');
  }
}

/** The outcomes API; a tenant without the module has none of it (404). */
export function outcomesRoutes(app: HttpApp, deps: ModuleRouteDeps) {
  app.addHook('preHandler', async (request) => {
    const tenant = request.ctx.tenant;
    if (tenant && !tenant.modules.includes('outcomes')) throw new ModuleOffError();
  });
  activeProgramRoutes(app, deps);
  programRoutes(app, deps);
  courseRoutes(app, deps);
  termRoutes(app, deps);
  offeringRoutes(app, deps);
  sectionRoutes(app, deps);
  instructorRoutes(app, deps);
  importRoutes(app, deps);
  workflowRoutes(app, deps);
  reviewRoutes(app, deps);
  ploRoutes(app, deps);
  dashboardRoutes(app, deps);
}
