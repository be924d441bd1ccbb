import { z } from 'zod';
import type { Db } from '../db/client.js';
import type { EmailSender } from '../email/sender.js';
import type { HttpApp } from '../http/types.js';
import {
  confirmEmailChange,
  emailChangeInput,
  listOwnSessions,
  requestEmailChange,
  revokeOwnSession,
} from './profile-service.js';

/** A user's own account: email change (confirmed by link) and sessions. */
export function profileRoutes(
  app: HttpApp,
  deps: { db: Db; baseUrl: string; emailSender: EmailSender },
) {
  const tags = ['profile'];
  app.get(
    '/api/me/sessions',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags,
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                current: z.boolean(),
                createdAt: z.date(),
                lastSeenAt: z.date(),
                ipAddress: z.string().nullable(),
                userAgent: z.string().nullable(),
                rememberMe: z.boolean(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => ({ items: await listOwnSessions(deps.db, request.ctx) }),
  );

  app.delete(
    '/api/me/sessions/:id',
    {
      config: { permission: 'authenticated' },
      schema: { tags, params: z.object({ id: z.uuid() }) },
    },
    async (request, reply) => {
      await revokeOwnSession(deps.db, request.ctx, request.params.id);
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/me/email',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags,
        body: emailChangeInput,
        response: { 202: z.object({ pendingEmail: z.string() }) },
      },
    },
    async (request, reply) =>
      reply.status(202).send(await requestEmailChange(deps, request.ctx, request.body)),
  );

  app.get(
    '/api/me/email/confirm',
    {
      config: { permission: 'public' },
      schema: { tags, querystring: z.object({ token: z.string().max(200) }) },
    },
    async (request, reply) => {
      const changed = await confirmEmailChange(deps.db, request.query.token, request.id);
      return reply.redirect(changed ? '/profile?emailChanged=1' : '/profile?emailChangeError=1');
    },
  );
}
