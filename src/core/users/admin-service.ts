import { z } from 'zod';
import type { RequestContext } from '../access/request-context.js';
import { recordAudit } from '../audit/service.js';
import type { Auth } from '../auth/auth.js';
import { clearFailures } from '../auth/lockout.js';
import type { Db, Tx } from '../db/client.js';
import { ROLES } from '../db/schema.js';
import { tx } from '../db/tx.js';
import { AppError, NotFoundError } from '../errors.js';
import { parseInput } from '../validation.js';
import { findMember, listMembers, updateMembership, type MemberQuery } from './admin-data.js';

export class CannotChangeSelfError extends AppError {
  constructor(what: string) {
    super(400, 'cannot_change_self', `You cannot ${what} yourself; ask another administrator`);
  }
}

export const roleChangeInput = z
  .object({
    role: z.enum(ROLES).optional(),
    scope: z
      .object({ districts: z.array(z.string()), programs: z.array(z.string()) })
      .partial()
      .optional(),
  })
  .refine((v) => v.role !== undefined || v.scope !== undefined, 'Give a role or a scope');

function tenantOf(ctx: RequestContext): string {
  if (!ctx.tenantId) throw new AppError(400, 'no_active_tenant', 'Choose a tenant first');
  return ctx.tenantId;
}

async function memberOrNotFound(q: Tx, tenantId: string, userId: string) {
  const member = await findMember(q, tenantId, userId);
  if (!member) throw new NotFoundError('User');
  return member;
}

export function listTenantMembers(
  db: Db,
  ctx: RequestContext,
  query: Omit<MemberQuery, 'tenantId'>,
) {
  const tenantId = tenantOf(ctx);
  return tx(db, { tenantId }, (q) => listMembers(q, { ...query, tenantId }));
}

export async function changeRole(
  db: Db,
  ctx: RequestContext,
  userId: string,
  input: z.input<typeof roleChangeInput>,
) {
  const values = parseInput(roleChangeInput, input);
  if (userId === ctx.user?.id && values.role && values.role !== ctx.membership?.role) {
    throw new CannotChangeSelfError('change the role of');
  }
  const tenantId = tenantOf(ctx);
  return tx(db, { tenantId }, async (q) => {
    const before = await memberOrNotFound(q, tenantId, userId);
    await updateMembership(q, tenantId, userId, values);
    const after = await memberOrNotFound(q, tenantId, userId);
    await recordAudit(q, ctx, {
      action: 'core.user.role_changed',
      target: { type: 'user', id: userId, label: before.email },
      changes: { role: [before.role, after.role], scope: [before.scope, after.scope] },
    });
    return after;
  });
}

export async function setMemberActive(
  db: Db,
  ctx: RequestContext,
  userId: string,
  active: boolean,
) {
  if (userId === ctx.user?.id) throw new CannotChangeSelfError('deactivate');
  const tenantId = tenantOf(ctx);
  return tx(db, { tenantId }, async (q) => {
    const before = await memberOrNotFound(q, tenantId, userId);
    await updateMembership(q, tenantId, userId, { status: active ? 'active' : 'deactivated' });
    const after = await memberOrNotFound(q, tenantId, userId);
    await recordAudit(q, ctx, {
      action: active ? 'core.user.reactivated' : 'core.user.deactivated',
      target: { type: 'user', id: userId, label: before.email },
      changes: { status: [before.status, after.status] },
    });
    return after;
  });
}

export async function unlockMember(db: Db, ctx: RequestContext, userId: string) {
  const tenantId = tenantOf(ctx);
  return tx(db, { tenantId }, async (q) => {
    const member = await memberOrNotFound(q, tenantId, userId);
    await clearFailures(q, member.email);
    await recordAudit(q, ctx, {
      action: 'core.user.unlocked',
      target: { type: 'user', id: userId, label: member.email },
      changes: { locked: [member.locked, false] },
    });
    return { ...member, locked: false };
  });
}

/** Emails the member a reset link (the per-address hourly limit still applies). */
export async function sendResetLink(db: Db, auth: Auth, ctx: RequestContext, userId: string) {
  const tenantId = tenantOf(ctx);
  const member = await tx(db, { tenantId }, async (q) => {
    const found = await memberOrNotFound(q, tenantId, userId);
    await recordAudit(q, ctx, {
      action: 'core.user.reset_link_sent',
      target: { type: 'user', id: userId, label: found.email },
    });
    return found;
  });
  await auth.api.requestPasswordReset({
    body: { email: member.email, redirectTo: '/reset-password' },
  });
}
