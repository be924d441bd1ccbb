import type { FastifyInstance, RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../errors.js';
import './permission.js';

export class UnauthenticatedError extends AppError {
  constructor() {
    super(401, 'unauthenticated', 'Sign in to continue');
  }
}

/** A route registered without a permission: refused at boot (default deny). */
export class MissingPermissionError extends Error {
  constructor(routes: string[]) {
    super(`Every route must declare config.permission; missing on: ${routes.join(', ')}`);
    this.name = 'MissingPermissionError';
  }
}

/**
 * Default deny. Every route must declare `config.permission` (checked when the app is ready,
 * so plugin-owned routes can be marked in their own context); requests to non-public routes
 * need a signed-in actor. Identity and the permission matrix plug in here.
 */
export const routeGuard = fp(
  async (app: FastifyInstance) => {
    const routes: RouteOptions[] = [];
    app.addHook('onRoute', (route) => {
      routes.push(route);
    });
    app.addHook('onReady', async () => {
      const missing = routes
        .filter((route) => route.config?.permission === undefined)
        .map((route) => `${String(route.method)} ${route.url}`);
      if (missing.length > 0) throw new MissingPermissionError(missing);
    });
    app.addHook('onRequest', async (request) => {
      if (request.is404) return;
      const permission = request.routeOptions.config.permission;
      if (permission === 'public') return;
      // No identity provider is installed yet, so nobody is signed in.
      throw new UnauthenticatedError();
    });
  },
  { name: 'route-guard' },
);

/** Marks every route registered in the calling plugin context as public (for vendor plugins). */
export function markRoutesPublic(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    route.config = { ...route.config, permission: 'public' };
  });
}
