import { z } from 'zod';
import type { Auth } from '../auth/auth.js';
import type { Db } from '../db/client.js';
import { ROLES } from '../db/schema.js';
import { pageReply, paginationQuery } from '../http/pagination.js';
import type { HttpApp } from '../http/types.js';
import { MEMBER_SORTS, MEMBER_STATUSES } from './admin-data.js';
import {
  changeRole,
  listTenantMembers,
  roleChangeInput,
  sendResetLink,
  setMemberActive,
  unlockMember,
} from './admin-service.js';

const memberReply = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  scope: z.object({ districts: z.array(z.string()), programs: z.array(z.string()) }).partial(),
  status: z.enum(MEMBER_STATUSES),
  locked: z.boolean(),
  lastSeenAt: z.date().nullable(),
});
const idParams = z.object({ id: z.uuid() });
const listQuery = paginationQuery.extend({
  search: z.string().trim().max(200).optional(),
  role: z.enum(ROLES).optional(),
  status: z.enum(MEMBER_STATUSES).optional(),
  sort: z.enum(MEMBER_SORTS).default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
});

/** Tenant admins manage the tenant's members: roles, scopes, access, lockouts, resets. */
export function userAdminRoutes(app: HttpApp, deps: { db: Db; auth: Auth }) {
  const { db, auth } = deps;
  const tags = ['users'];
  app.get(
    '/api/users',
    {
      config: { permission: ['read', 'Membership'] },
      schema: { tags, querystring: listQuery, response: { 200: pageReply(memberReply) } },
    },
    async (request) => {
      const { page, pageSize, search, ...rest } = request.query;
      const result = await listTenantMembers(db, request.ctx, {
        ...rest,
        search: search || undefined,
        limit: pageSize,
        offset: (page - 1) * pageSize,
      });
      return { ...result, page, pageSize };
    },
  );

  app.patch(
    '/api/users/:id',
    {
      config: { permission: ['update', 'Membership'] },
      schema: { tags, params: idParams, body: roleChangeInput, response: { 200: memberReply } },
    },
    async (request) => changeRole(db, request.ctx, request.params.id, request.body),
  );

  for (const [verb, active] of [
    ['deactivate', false],
    ['reactivate', true],
  ] as const) {
    app.post(
      `/api/users/:id/${verb}`,
      {
        config: { permission: ['update', 'Membership'] },
        schema: { tags, params: idParams, response: { 200: memberReply } },
      },
      async (request) => setMemberActive(db, request.ctx, request.params.id, active),
    );
  }

  app.post(
    '/api/users/:id/unlock',
    {
      config: { permission: ['update', 'Membership'] },
      schema: { tags, params: idParams, response: { 200: memberReply } },
    },
    async (request) => unlockMember(db, request.ctx, request.params.id),
  );

  app.post(
    '/api/users/:id/send-reset',
    {
      config: { permission: ['update', 'Membership'] },
      schema: { tags, params: idParams },
    },
    async (request, reply) => {
      await sendResetLink(db, auth, request.ctx, request.params.id);
      return reply.status(204).send();
    },
  );
}
