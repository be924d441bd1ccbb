import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import { recordAudit } from '../audit/service.js';
import type { Db } from '../db/client.js';
import { tx } from '../db/tx.js';
import { AppError } from '../errors.js';
import type { Subject } from './ability.js';
import type { Permission } from './permission.js';
import type { RequestContext } from './request-context.js';
import './permission.js';

export class UnauthenticatedError extends AppError {
  constructor() {
    super(401, 'unauthenticated', 'Sign in to continue');
  }
}

export class ForbiddenError extends AppError {
  constructor(message = 'You do not have permission to do this') {
    super(403, 'forbidden', message);
  }
}

/** A route registered without a permission: refused at boot (default deny). */
export class MissingPermissionError extends Error {
  constructor(routes: string[]) {
    super(`Every route must declare config.permission; missing on: ${routes.join(', ')}`);
    this.name = 'MissingPermissionError';
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route registered, with its declared permission (for tests and docs). */
    routeTable: RouteOptions[];
  }
}

export interface RouteGuardOptions {
  db: Db;
  resolveContext: (request: FastifyRequest) => Promise<RequestContext>;
  /** Runs once the caller is authorized; throws to refuse (the billing read-only check: 402). */
  afterAuthorized?: (request: FastifyRequest) => Promise<void>;
}

const describe = (permission: Permission) =>
  typeof permission === 'string' ? permission : `${permission[0]} ${permission[1]}`;

/**
 * Default deny. Every route must declare `config.permission` (checked when the app is ready, so
 * plugin-owned routes can be marked in their own context). Non-public routes resolve the caller
 * and check the permission matrix; a refusal is audited with outcome `denied`.
 */
export const routeGuard = fp<RouteGuardOptions>(
  async (app: FastifyInstance, { db, resolveContext, afterAuthorized }) => {
    const routes: RouteOptions[] = [];
    app.decorate('routeTable', routes);
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
      if (permission === undefined || permission === 'public') return;
      const ctx = await resolveContext(request);
      request.ctx = ctx;
      if (!ctx.user) throw new UnauthenticatedError();
      if (
        permission === 'authenticated' ||
        ctx.ability.can(permission[0], permission[1] as Subject)
      ) {
        await afterAuthorized?.(request);
        return;
      }
      await tx(db, { tenantId: ctx.tenantId }, (q) =>
        recordAudit(q, ctx, {
          action: 'core.access.denied',
          outcome: 'denied',
          target: { type: 'route', label: `${request.method} ${request.routeOptions.url}` },
          meta: { permission: describe(permission) },
        }),
      );
      throw new ForbiddenError();
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
