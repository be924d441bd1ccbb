import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../db/client.js';
import { migrationStatus } from '../db/migrate.js';
import type { HttpApp } from './types.js';

const healthReply = z.object({ status: z.literal('ok'), version: z.string(), time: z.string() });
const readyReply = z.object({
  status: z.enum(['ready', 'not_ready']),
  checks: z.object({
    database: z.enum(['ok', 'unreachable']),
    migrations: z.enum(['ok', 'pending', 'unknown']),
  }),
});

async function readiness(database: Database): Promise<z.infer<typeof readyReply>> {
  try {
    await database.db.execute(sql`select 1`);
  } catch {
    return { status: 'not_ready', checks: { database: 'unreachable', migrations: 'unknown' } };
  }
  try {
    const { expected, applied } = await migrationStatus(database);
    const migrations = applied >= expected ? 'ok' : 'pending';
    return {
      status: migrations === 'ok' ? 'ready' : 'not_ready',
      checks: { database: 'ok', migrations },
    };
  } catch {
    return { status: 'not_ready', checks: { database: 'ok', migrations: 'pending' } };
  }
}

export function healthRoutes(app: HttpApp, deps: { database: Database; version: string }) {
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
