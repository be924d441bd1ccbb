import { createHash, randomBytes } from 'node:crypto';
import { subject } from '@casl/ability';
import { z } from 'zod';
import type { RequestContext } from '../access/request-context.js';
import { ForbiddenError } from '../access/route-guard.js';
import { recordAudit } from '../audit/service.js';
import { hashPassword, verifyPassword } from '../auth/password-hash.js';
import { passwordProblems } from '../auth/password-policy.js';
import { sessions, users } from '../auth/schema.js';
import type { Db, Queryable } from '../db/client.js';
import { memberships, ROLES } from '../db/schema.js';
import { tx } from '../db/tx.js';
import type { EmailRequest, EmailSender } from '../email/sender.js';
import { AppError, ConflictError, NotFoundError, ValidationError } from '../errors.js';
import { insertPasswordCredential } from '../users/data.js';
import { normalizeEmail } from '../users/service.js';
import { parseInput } from '../validation.js';
import { and, eq } from 'drizzle-orm';
import * as data from './data.js';
import {
  landingOf,
  namesOf,
  type InvitedWorkNames,
  type ModuleInvitationLanding,
  type ModuleInvitedWorkDescriber,
} from './landing.js';

export const INVITATION_DAYS = 7;

export interface InvitationDeps {
  db: Db;
  baseUrl: string;
  emailSender: EmailSender;
  /** Where the modules send an invitee after accepting (e.g. the invited section). */
  landings?: readonly ModuleInvitationLanding[];
  /** How the modules name the invited program and section (email, acceptance page). */
  describers?: readonly ModuleInvitedWorkDescriber[];
}

export const invitationInput = z.object({
  email: z.email('must be a valid email address').transform(normalizeEmail),
  role: z.enum(ROLES),
  scope: z
    .object({ districts: z.array(z.string()), programs: z.array(z.string()) })
    .partial()
    .default({}),
  message: z.string().trim().max(1000, 'is at most 1,000 characters').optional(),
  sectionId: z.string().max(100).optional(),
});
export type InvitationInput = z.input<typeof invitationInput>;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** The emailed token: the tenant id (so acceptance runs inside it) and 32 random bytes. */
function newToken(tenantId: string) {
  const token = `${tenantId}.${randomBytes(32).toString('base64url')}`;
  return { token, tokenHash: hashToken(token) };
}

const expiry = () => new Date(Date.now() + INVITATION_DAYS * 24 * 60 * 60 * 1000);
const acceptUrl = (baseUrl: string, token: string) =>
  `${baseUrl}/invitations/accept?token=${encodeURIComponent(token)}`;

/** The program and section the invitation names, as the tenant's modules call them. */
const namesOfInvitation = (
  deps: InvitationDeps,
  q: Queryable,
  tenantModules: readonly string[],
  invitation: Pick<data.InvitationRow, 'role' | 'scope' | 'sectionId'>,
) =>
  namesOf(deps.describers ?? [], tenantModules, q, {
    role: invitation.role,
    scope: invitation.scope,
    sectionId: invitation.sectionId,
  });

/** The invitation email; the modules name its program and section. */
const invitationRequest = (
  invitation: data.InvitationRow,
  url: string,
  names: InvitedWorkNames,
): EmailRequest<'invitation'> => ({
  template: 'invitation',
  to: invitation.email,
  tenantId: invitation.tenantId,
  data: {
    url,
    inviterName: invitation.invitedByName,
    role: invitation.role,
    program: names.program,
    section: names.section,
    message: invitation.message,
  },
});

/** Program admins invite instructors only, into programs of their own scope. */
function assertMayInvite(
  ctx: RequestContext,
  input: Pick<z.output<typeof invitationInput>, 'role' | 'scope'>,
) {
  if (!ctx.ability.can('create', subject('Invitation', { role: input.role }))) {
    throw new ForbiddenError('Your role may not invite people with this role');
  }
  if (ctx.membership?.role === 'program_admin') {
    const own = new Set(ctx.membership.scope.programs ?? []);
    const wanted = input.scope.programs ?? [];
    if (wanted.length === 0 || wanted.some((p) => !own.has(p))) {
      throw new ForbiddenError('You may invite instructors only into your own programs');
    }
  }
}

function requireTenant(ctx: RequestContext): string {
  if (!ctx.tenantId) throw new AppError(400, 'no_active_tenant', 'Choose a tenant first');
  return ctx.tenantId;
}

export async function createInvitation(
  deps: InvitationDeps,
  ctx: RequestContext,
  input: InvitationInput,
) {
  const values = parseInput(invitationInput, input);
  assertMayInvite(ctx, values);
  const tenantId = requireTenant(ctx);
  const { token, tokenHash } = newToken(tenantId);
  return tx(deps.db, { tenantId }, async (q) => {
    const user =
      (await data.findUserByEmail(q, values.email)) ??
      (await data.insertPendingUser(q, values.email));
    if (!user) throw new Error('could not create the invited user');
    const member = await data.findMembership(q, tenantId, user.id);
    if (member && user.status === 'active') {
      throw new ConflictError('This person is already a member of this tenant', [
        { path: 'email', message: 'is already a member' },
      ]);
    }
    if (!member) {
      await q
        .insert(memberships)
        .values({ tenantId, userId: user.id, role: values.role, scope: values.scope });
    }
    await data.cancelPendingFor(q, values.email);
    const invitation = await data.insert(q, {
      tenantId,
      userId: user.id,
      email: values.email,
      role: values.role,
      scope: values.scope,
      message: values.message ?? null,
      sectionId: values.sectionId ?? null,
      tokenHash,
      invitedById: ctx.user?.id ?? null,
      invitedByName: ctx.user?.name || ctx.user?.email || 'An administrator',
      expiresAt: expiry(),
    });
    if (!invitation) throw new Error('could not create the invitation');
    const names = await namesOfInvitation(deps, q, ctx.tenant?.modules ?? [], invitation);
    await deps.emailSender.send(
      q,
      invitationRequest(invitation, acceptUrl(deps.baseUrl, token), names),
    );
    await recordAudit(q, ctx, {
      action: 'core.invitation.create',
      target: { type: 'invitation', id: invitation.id, label: values.email },
      meta: { role: values.role, scope: values.scope },
    });
    return invitation;
  });
}

export const listInvitations = (
  deps: InvitationDeps,
  ctx: RequestContext,
  status?: data.InvitationRow['status'],
) => tx(deps.db, { tenantId: requireTenant(ctx) }, (q) => data.list(q, status));

/** A pending invitation the caller's role may manage (program admins: their instructors). */
async function pendingInvitationYouMayManage(
  q: Parameters<typeof data.findById>[0],
  ctx: RequestContext,
  id: string,
) {
  const invitation = await data.findById(q, id);
  if (!invitation) throw new NotFoundError('Invitation');
  if (invitation.status !== 'pending') {
    throw new ConflictError(`This invitation is already ${invitation.status}`);
  }
  assertMayInvite(ctx, invitation);
  return invitation;
}

/** Sends a fresh link and extends the invitation by 7 days from now. */
export async function resendInvitation(deps: InvitationDeps, ctx: RequestContext, id: string) {
  const tenantId = requireTenant(ctx);
  const { token, tokenHash } = newToken(tenantId);
  return tx(deps.db, { tenantId }, async (q) => {
    const invitation = await pendingInvitationYouMayManage(q, ctx, id);
    const updated = await data.update(q, id, { tokenHash, expiresAt: expiry() });
    const names = await namesOfInvitation(deps, q, ctx.tenant?.modules ?? [], invitation);
    await deps.emailSender.send(
      q,
      invitationRequest(updated ?? invitation, acceptUrl(deps.baseUrl, token), names),
    );
    await recordAudit(q, ctx, {
      action: 'core.invitation.resend',
      target: { type: 'invitation', id, label: invitation.email },
      changes: {
        expiresAt: [invitation.expiresAt.toISOString(), updated?.expiresAt.toISOString()],
      },
    });
    return updated;
  });
}

/** Cancels a pending invitation; a never-activated invitee loses the membership made for it. */
export async function cancelInvitation(deps: InvitationDeps, ctx: RequestContext, id: string) {
  const tenantId = requireTenant(ctx);
  return tx(deps.db, { tenantId }, async (q) => {
    const invitation = await pendingInvitationYouMayManage(q, ctx, id);
    const updated = await data.update(q, id, { status: 'cancelled' });
    const [user] = await q.select().from(users).where(eq(users.id, invitation.userId));
    if (user?.status === 'pending') {
      await q
        .delete(memberships)
        .where(and(eq(memberships.tenantId, tenantId), eq(memberships.userId, invitation.userId)));
    }
    await recordAudit(q, ctx, {
      action: 'core.invitation.cancel',
      target: { type: 'invitation', id, label: invitation.email },
      changes: { status: ['pending', 'cancelled'] },
    });
    return updated;
  });
}

/** Makes the invitation's tenant the active one of the session the invitee just signed in with. */
export const enterInvitedTenant = (db: Db, sessionToken: string, tenantId: string) =>
  tx(db, { tenantId }, (q) =>
    q.update(sessions).set({ activeTenantId: tenantId }).where(eq(sessions.token, sessionToken)),
  );

/** A pending, unexpired invitation by its emailed token, or a 404 that says no more. */
async function byToken(db: Db, token: string) {
  const tenantId = token.split('.')[0] ?? '';
  if (!z.uuid().safeParse(tenantId).success) throw new NotFoundError('Invitation');
  const found = await tx(db, { tenantId }, (q) => data.findByTokenHash(q, hashToken(token)));
  if (!found || found.invitation.status !== 'pending') throw new NotFoundError('Invitation');
  if (found.invitation.expiresAt < new Date()) {
    throw new AppError(410, 'invitation_expired', 'This invitation has expired; ask for a new one');
  }
  return { ...found, tenantId };
}

export async function describeInvitation(deps: InvitationDeps, token: string) {
  const { invitation, tenantName, tenantId, tenantModules } = await byToken(deps.db, token);
  const names = await tx(deps.db, { tenantId }, (q) =>
    namesOfInvitation(deps, q, tenantModules, invitation),
  );
  return {
    email: invitation.email,
    tenantName,
    role: invitation.role,
    inviterName: invitation.invitedByName,
    message: invitation.message,
    expiresAt: invitation.expiresAt,
    ...names,
  };
}

export const acceptInput = z.object({
  name: z.string().trim().min(1, 'is required').max(200),
  password: z.string(),
});

/**
 * Accepts an invitation: sets the name and password (for a new account), activates it, and
 * returns where the invitee should land. The caller signs them in.
 */
export async function acceptInvitation(
  deps: InvitationDeps,
  token: string,
  input: z.input<typeof acceptInput>,
) {
  const { db } = deps;
  const values = parseInput(acceptInput, input);
  const { invitation, tenantId, tenantModules } = await byToken(db, token);
  const existing = await tx(db, {}, (q) => data.credentialOf(q, invitation.userId));
  if (existing) {
    // An existing account proves itself with its own password before the invitation is used.
    if (!(await verifyPassword(existing, values.password))) {
      throw new AppError(401, 'invalid_credentials', 'Email or password is incorrect', [
        { path: 'password', message: 'is not the password of your existing account' },
      ]);
    }
  } else {
    const problems = passwordProblems(values.password, invitation.email);
    if (problems.length) {
      throw new ValidationError(
        'The password does not meet the policy',
        problems.map((message) => ({ path: 'password', message })),
      );
    }
  }
  const passwordHash = existing ?? (await hashPassword(values.password));
  await tx(db, { tenantId }, async (q) => {
    const [user] = await q.select().from(users).where(eq(users.id, invitation.userId));
    if (!user) throw new NotFoundError('Invitation');
    if (user.status === 'suspended') throw new ForbiddenError('This account is suspended');
    if (user.status === 'pending') {
      if (!existing) await insertPasswordCredential(q, user.id, passwordHash);
      await q
        .update(users)
        .set({ name: values.name, status: 'active', emailVerified: true, updatedAt: new Date() })
        .where(eq(users.id, user.id));
    }
    await data.update(q, invitation.id, { status: 'accepted', acceptedAt: new Date() });
    await deps.emailSender.send(q, {
      template: 'welcome',
      to: invitation.email,
      tenantId,
      data: { name: values.name, url: `${deps.baseUrl}/` },
    });
    await recordAudit(
      q,
      {
        tenantId,
        actor: { type: 'user', id: user.id, email: invitation.email, role: invitation.role },
      },
      {
        action: 'core.invitation.accept',
        target: { type: 'invitation', id: invitation.id, label: invitation.email },
        changes: { status: ['pending', 'accepted'] },
      },
    );
  });
  // The invited work (e.g. the section to assess), in the tenant of the invitation.
  const redirectTo = landingOf(deps.landings ?? [], tenantModules, {
    role: invitation.role,
    scope: invitation.scope,
    sectionId: invitation.sectionId,
  });
  return { email: invitation.email, tenantId, redirectTo };
}
