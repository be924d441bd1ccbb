import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../db/client.js';
import { migrationStatus } from '../db/migrate.js';
import type { BrowserErrorCapture } from '../observe/error-capture.js';
import type { HttpApp } from './types.js';

const healthReply = z.object({ status: z.literal('ok'), version: z.string(), time: z.string() });
const readyReply = z.object({
  status: z.enum(['ready', 'not_ready']),
  checks: z.object({
    database: z.enum(['ok', 'unreachable']),
    migrations: z.enum(['ok', 'pending', 'unknown']),
  }),
});

/** One query when healthy; a second only to tell an unreachable database from a missing schema. */
async function readiness(database: Database): Promise<z.infer<typeof readyReply>> {
  try {
    const { expected, applied } = await migrationStatus(database);
    if (applied >= expected)
      return { status: 'ready', checks: { database: 'ok', migrations: 'ok' } };
    return { status: 'not_ready', checks: { database: 'ok', migrations: 'pending' } };
  } catch {
    const reachable = await database.db.execute(sql`select 1`).then(
      () => true,
      () => false,
    );
    return reachable
      ? { status: 'not_ready', checks: { database: 'ok', migrations: 'pending' } }
      : { status: 'not_ready', checks: { database: 'unreachable', migrations: 'unknown' } };
  }
}

const publicConfigReply = z.object({
  selfRegistration: z.boolean(),
  errorCapture: z
    .object({ dsn: z.string(), environment: z.string(), release: z.string() })
    .nullable(),
});

export function healthRoutes(
  app: HttpApp,
  deps: {
    database: Database;
    version: string;
    selfRegistration: boolean;
    errorCapture: BrowserErrorCapture;
  },
) {
  app.get(
    '/api/public-config',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['platform'],
        summary: 'What the web app needs to know about this deployment before sign-in',
        response: { 200: publicConfigReply },
      },
    },
    async () => ({ selfRegistration: deps.selfRegistration, errorCapture: deps.errorCapture }),
  );

  app.get(
    '/api/health',
    {
      config: { permission: 'public' },
      schema: { tags: ['platform'], summary: 'Liveness', response: { 200: healthReply } },
    },
    async () => ({ status: 'ok' as const, version: deps.version, time: new Date().toISOString() }),
  );

  app.get(
    '/api/ready',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['platform'],
        summary: 'Readiness: database reachable and migrations applied',
        response: { 200: readyReply, 503: readyReply },
      },
    },
    async (_request, reply) => {
      const result = await readiness(deps.database);
      return reply.status(result.status === 'ready' ? 200 : 503).send(result);
    },
  );
}
