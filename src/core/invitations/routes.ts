import { fromNodeHeaders } from 'better-auth/node';
import { z } from 'zod';
import type { Auth } from '../auth/auth.js';
import { ROLES } from '../db/schema.js';
import type { HttpApp } from '../http/types.js';
import {
  acceptInput,
  acceptInvitation,
  cancelInvitation,
  createInvitation,
  describeInvitation,
  enterInvitedTenant,
  invitationInput,
  listInvitations,
  resendInvitation,
  type InvitationDeps,
} from './service.js';

const invitationReply = z.object({
  id: z.string(),
  email: z.string(),
  role: z.enum(ROLES),
  scope: z.object({ districts: z.array(z.string()), programs: z.array(z.string()) }).partial(),
  message: z.string().nullable(),
  sectionId: z.string().nullable(),
  status: z.enum(['pending', 'accepted', 'cancelled']),
  invitedByName: z.string(),
  expiresAt: z.date(),
  createdAt: z.date(),
});
const idParams = z.object({ id: z.uuid() });
const tokenParams = z.object({ token: z.string().min(10).max(200) });

export function invitationRoutes(app: HttpApp, deps: InvitationDeps & { auth: Auth }) {
  app.post(
    '/api/invitations',
    {
      config: { permission: ['create', 'Invitation'] },
      schema: {
        tags: ['invitations'],
        summary: 'Invite someone into the active tenant',
        body: invitationInput,
        response: { 201: invitationReply },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createInvitation(deps, request.ctx, request.body)),
  );

  app.get(
    '/api/invitations',
    {
      config: { permission: ['read', 'Invitation'] },
      schema: {
        tags: ['invitations'],
        querystring: z.object({ status: z.enum(['pending', 'accepted', 'cancelled']).optional() }),
        response: { 200: z.object({ items: z.array(invitationReply) }) },
      },
    },
    async (request) => ({ items: await listInvitations(deps, request.ctx, request.query.status) }),
  );

  app.post(
    '/api/invitations/:id/resend',
    {
      config: { permission: ['update', 'Invitation'] },
      schema: { tags: ['invitations'], params: idParams, response: { 200: invitationReply } },
    },
    async (request) => resendInvitation(deps, request.ctx, request.params.id),
  );

  app.delete(
    '/api/invitations/:id',
    {
      config: { permission: ['delete', 'Invitation'] },
      schema: { tags: ['invitations'], params: idParams, response: { 200: invitationReply } },
    },
    async (request) => cancelInvitation(deps, request.ctx, request.params.id),
  );

  app.get(
    '/api/invitations/by-token/:token',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['invitations'],
        summary: 'What an invitation link offers (for the acceptance page)',
        params: tokenParams,
        response: {
          200: z.object({
            email: z.string(),
            tenantName: z.string(),
            role: z.enum(ROLES),
            inviterName: z.string(),
            message: z.string().nullable(),
            expiresAt: z.date(),
            /** The program and the section to teach, as the tenant's modules name them. */
            program: z.string().nullable(),
            section: z.string().nullable(),
          }),
        },
      },
    },
    async (request) => describeInvitation(deps, request.params.token),
  );

  app.post(
    '/api/invitations/by-token/:token/accept',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['invitations'],
        summary: 'Accept: set name and password, and sign in',
        params: tokenParams,
        body: acceptInput,
        response: { 200: z.object({ redirectTo: z.string() }) },
      },
    },
    async (request, reply) => {
      const accepted = await acceptInvitation(deps, request.params.token, request.body);
      const { headers, response } = await deps.auth.api.signInEmail({
        body: { email: accepted.email, password: request.body.password, rememberMe: false },
        headers: fromNodeHeaders(request.headers),
        returnHeaders: true,
      });
      // The invitee lands in the tenant that invited them, even if they belong to others.
      await enterInvitedTenant(deps.db, response.token, accepted.tenantId);
      const cookies = headers.getSetCookie();
      if (cookies.length > 0) reply.header('set-cookie', cookies);
      return { redirectTo: accepted.redirectTo };
    },
  );
}
