import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, gt } from 'drizzle-orm';
import { z } from 'zod';
import type { RequestContext } from '../access/request-context.js';
import { recordAudit } from '../audit/service.js';
import type { Db, Queryable } from '../db/client.js';
import { tx } from '../db/tx.js';
import type { EmailSender } from '../email/sender.js';
import { AppError, ConflictError, NotFoundError } from '../errors.js';
import { normalizeEmail } from '../users/service.js';
import { parseInput } from '../validation.js';
import { verifyPassword } from './password-hash.js';
import { accounts, emailChanges, sessions, users } from './schema.js';

const EMAIL_CHANGE_HOURS = 24;
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

function signedIn(ctx: RequestContext) {
  if (!ctx.user) throw new AppError(401, 'unauthenticated', 'Sign in to continue');
  return ctx.user;
}

export const profileInput = z.object({ name: z.string().trim().min(1, 'is required').max(200) });

export async function updateProfile(
  db: Db,
  ctx: RequestContext,
  input: z.input<typeof profileInput>,
) {
  const user = signedIn(ctx);
  const { name } = parseInput(profileInput, input);
  await tx(db, { tenantId: ctx.tenantId }, async (q) => {
    await q.update(users).set({ name, updatedAt: new Date() }).where(eq(users.id, user.id));
    await recordAudit(q, ctx, {
      action: 'core.user.profile_updated',
      target: { type: 'user', id: user.id, label: user.email },
      changes: { name: [user.name, name] },
      tenantId: null,
    });
  });
}

export async function listOwnSessions(db: Db, ctx: RequestContext) {
  const user = signedIn(ctx);
  const rows = await tx(db, {}, (q) =>
    q
      .select()
      .from(sessions)
      .where(and(eq(sessions.userId, user.id), gt(sessions.expiresAt, new Date())))
      .orderBy(desc(sessions.lastSeenAt)),
  );
  return rows.map((s) => ({
    id: s.id,
    current: s.id === ctx.sessionId,
    createdAt: s.createdAt,
    lastSeenAt: s.lastSeenAt,
    ipAddress: s.ipAddress,
    userAgent: s.userAgent,
    rememberMe: s.rememberMe,
  }));
}

export async function revokeOwnSession(db: Db, ctx: RequestContext, sessionId: string) {
  const user = signedIn(ctx);
  await tx(db, {}, async (q) => {
    const removed = await q
      .delete(sessions)
      .where(and(eq(sessions.id, sessionId), eq(sessions.userId, user.id)))
      .returning({ id: sessions.id });
    if (removed.length === 0) throw new NotFoundError('Session');
    await recordAudit(q, ctx, {
      action: 'core.session.revoked',
      target: { type: 'session', id: sessionId },
      tenantId: null,
    });
  });
}

export const emailChangeInput = z.object({
  newEmail: z.email('must be a valid email address').transform(normalizeEmail),
  currentPassword: z.string().min(1, 'is required'),
});

async function assertPassword(db: Db, userId: string, password: string) {
  const [credential] = await tx(db, {}, (q) =>
    q
      .select({ hash: accounts.password })
      .from(accounts)
      .where(and(eq(accounts.userId, userId), eq(accounts.providerId, 'credential'))),
  );
  if (!credential?.hash || !(await verifyPassword(credential.hash, password))) {
    throw new AppError(400, 'invalid_password', 'The current password is not correct', [
      { path: 'currentPassword', message: 'is not correct' },
    ]);
  }
}

/** The new address of an email change still waiting for its confirmation link, if any. */
export async function pendingEmailOf(q: Queryable, userId: string): Promise<string | null> {
  const [change] = await q
    .select({ newEmail: emailChanges.newEmail })
    .from(emailChanges)
    .where(and(eq(emailChanges.userId, userId), gt(emailChanges.expiresAt, new Date())));
  return change?.newEmail ?? null;
}

/** Sends a confirmation link to the new address; the email changes only when it is opened. */
export async function requestEmailChange(
  deps: { db: Db; baseUrl: string; emailSender: EmailSender },
  ctx: RequestContext,
  input: z.input<typeof emailChangeInput>,
) {
  const user = signedIn(ctx);
  const { newEmail, currentPassword } = parseInput(emailChangeInput, input);
  await assertPassword(deps.db, user.id, currentPassword);
  const token = randomBytes(32).toString('base64url');
  await tx(deps.db, {}, async (q) => {
    const [taken] = await q.select({ id: users.id }).from(users).where(eq(users.email, newEmail));
    if (taken) {
      throw new ConflictError('This address belongs to another account', [
        { path: 'newEmail', message: 'is already in use' },
      ]);
    }
    await q.delete(emailChanges).where(eq(emailChanges.userId, user.id));
    await q.insert(emailChanges).values({
      userId: user.id,
      newEmail,
      tokenHash: hashToken(token),
      expiresAt: new Date(Date.now() + EMAIL_CHANGE_HOURS * 3600 * 1000),
    });
    const url = `${deps.baseUrl}/api/me/email/confirm?token=${token}`;
    await deps.emailSender.send(q, { template: 'email-change', to: newEmail, data: { url } });
    await recordAudit(q, ctx, {
      action: 'core.user.email_change_requested',
      target: { type: 'user', id: user.id, label: user.email },
      tenantId: null,
    });
  });
  return { pendingEmail: newEmail };
}

/** Applies a confirmed email change; false when the link is unknown, used or expired. */
export async function confirmEmailChange(
  db: Db,
  token: string,
  requestId: string,
): Promise<boolean> {
  return tx(db, {}, async (q) => {
    const [change] = await q
      .delete(emailChanges)
      .where(eq(emailChanges.tokenHash, hashToken(token)))
      .returning();
    if (!change || change.expiresAt < new Date()) return false;
    const [taken] = await q
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, change.newEmail));
    if (taken) return false;
    const [before] = await q.select().from(users).where(eq(users.id, change.userId));
    if (!before) return false;
    await q
      .update(users)
      .set({ email: change.newEmail, emailVerified: true, updatedAt: new Date() })
      .where(eq(users.id, change.userId));
    await recordAudit(
      q,
      { actor: { type: 'user', id: before.id, email: before.email }, requestId },
      {
        action: 'core.user.email_changed',
        target: { type: 'user', id: before.id, label: change.newEmail },
        changes: { email: [before.email, change.newEmail] },
        tenantId: null,
      },
    );
    return true;
  });
}
