import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { APIError, createAuthMiddleware } from 'better-auth/api';
import { and, count, eq, gt, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import { recordAudit, type AuditContext } from '../audit/service.js';
import type { Db } from '../db/client.js';
import { tx } from '../db/tx.js';
import type { EmailRequest, EmailSender } from '../email/sender.js';
import { clearFailures, lockedUntil, LOCKOUT, recordFailure } from './lockout.js';
import { hashPassword, verifyPassword } from './password-hash.js';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordProblems } from './password-policy.js';
import { accounts, passwordResetRequests, sessions, users, verifications } from './schema.js';
import { memberships, tenants } from '../db/schema.js';

export interface AuthOptions {
  db: Db;
  baseUrl: string;
  secret: string;
  emailSender: EmailSender;
  logger: Logger;
}

const HOUR = 60 * 60;
export const SESSION_POLICY = {
  rememberMeSeconds: 30 * 24 * HOUR,
  idleSeconds: 8 * HOUR,
} as const;
const RESET_REQUESTS_PER_HOUR = 3;

const normalizeEmail = (value: unknown) =>
  String(value ?? '')
    .trim()
    .toLowerCase();

const policyError = (field: string, problems: string[]) =>
  new APIError('BAD_REQUEST', {
    code: 'VALIDATION_FAILED',
    message: 'The password does not meet the policy',
    details: problems.map((message) => ({ path: field, message })),
  });

/** A request's audit context before anyone is signed in. */
function anonymousAudit(request: Request | undefined, email?: string): AuditContext {
  return {
    actor: { type: 'user', email },
    requestId: request?.headers.get('x-request-id') ?? undefined,
    ip: request?.headers.get('x-forwarded-for') ?? undefined,
    userAgent: request?.headers.get('user-agent') ?? undefined,
  };
}

/**
 * Identity on better-auth: email + password only (no self sign-up), argon2id, server-side
 * sessions, lockout, reset and verification emails through the EmailSender, audited.
 */
export function createAuth({ db, baseUrl, secret, emailSender, logger }: AuthOptions) {
  const signInUrl = `${baseUrl}/sign-in`;
  const send = (request: EmailRequest) => tx(db, {}, (q) => emailSender.send(q, request));
  const audit = (ctx: AuditContext, entry: Parameters<typeof recordAudit>[2]) =>
    tx(db, {}, (q) => recordAudit(q, ctx, entry));

  const emailOfResetToken = async (token: string) => {
    const [row] = await db
      .select({ email: users.email })
      .from(verifications)
      .innerJoin(users, sql`${users.id}::text = ${verifications.value}`)
      .where(eq(verifications.identifier, `reset-password:${token}`));
    return row?.email;
  };

  return betterAuth({
    appName: 'EduLedger',
    baseURL: baseUrl,
    basePath: '/api/auth',
    secret,
    trustedOrigins: [new URL(baseUrl).origin],
    telemetry: { enabled: false },
    rateLimit: { enabled: false },
    logger: {
      log: (level, message) => logger[level]({ component: 'auth' }, message),
    },
    database: drizzleAdapter(db, {
      provider: 'pg',
      usePlural: true,
      schema: { users, sessions, accounts, verifications },
    }),
    advanced: {
      database: { generateId: 'uuid' },
      cookiePrefix: 'eduledger',
      useSecureCookies: baseUrl.startsWith('https://'),
      ipAddress: { ipAddressHeaders: ['x-forwarded-for'] },
    },
    user: {
      additionalFields: {
        status: { type: 'string', input: false, required: false },
        isSiteAdmin: { type: 'boolean', input: false, required: false },
      },
    },
    session: {
      expiresIn: SESSION_POLICY.rememberMeSeconds,
      updateAge: 24 * HOUR,
      additionalFields: {
        rememberMe: { type: 'boolean', input: false, required: false },
        lastSeenAt: { type: 'date', input: false, required: false },
        activeTenantId: { type: 'string', input: false, required: false },
        activeProgramId: { type: 'string', input: false, required: false },
      },
    },
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: PASSWORD_MIN_LENGTH,
      maxPasswordLength: PASSWORD_MAX_LENGTH,
      password: {
        hash: hashPassword,
        verify: ({ hash, password }) => verifyPassword(hash, password),
      },
      resetPasswordTokenExpiresIn: HOUR,
      revokeSessionsOnPasswordReset: true,
      sendResetPassword: async ({ user, url }, request) => {
        const email = normalizeEmail(user.email);
        const since = new Date(Date.now() - HOUR * 1000);
        const sent = await tx(db, {}, async (q) => {
          const [row] = await q
            .select({ n: count() })
            .from(passwordResetRequests)
            .where(
              and(
                eq(passwordResetRequests.email, email),
                gt(passwordResetRequests.requestedAt, since),
              ),
            );
          if ((row?.n ?? 0) >= RESET_REQUESTS_PER_HOUR) return false;
          await q.insert(passwordResetRequests).values({ email });
          await emailSender.send(q, { template: 'password-reset', to: email, data: { url } });
          return true;
        });
        await audit(anonymousAudit(request, email), {
          action: 'core.auth.password_reset_requested',
          outcome: sent ? 'success' : 'denied',
          target: { type: 'user', id: user.id, label: email },
          tenantId: null,
          meta: sent ? undefined : { reason: 'more than 3 requests in an hour' },
        });
      },
      onPasswordReset: async ({ user }, request) => {
        await send({ template: 'reset-confirmation', to: user.email, data: { signInUrl } });
        await tx(db, {}, (q) => clearFailures(q, normalizeEmail(user.email)));
        await audit(anonymousAudit(request, user.email), {
          action: 'core.user.password_reset',
          target: { type: 'user', id: user.id, label: user.email },
          changes: { password: ['', ''] },
          tenantId: null,
        });
      },
    },
    emailVerification: {
      expiresIn: 24 * HOUR,
      // A self-registered admin becomes active once their address is confirmed.
      afterEmailVerification: async (user) => {
        await tx(db, {}, (q) =>
          q
            .update(users)
            .set({ status: 'active' })
            .where(and(eq(users.id, user.id), eq(users.status, 'pending'))),
        );
      },
      sendVerificationEmail: async ({ user, url }) => {
        await send({ template: 'verify-email', to: user.email, data: { url } });
      },
    },
    databaseHooks: {
      session: {
        create: {
          before: async (session) => {
            const [user] = await db
              .select({ status: users.status })
              .from(users)
              .where(eq(users.id, session.userId));
            if (user?.status !== 'active') {
              throw new APIError('FORBIDDEN', {
                code: 'ACCOUNT_INACTIVE',
                message: 'This account is not active. Ask your administrator for help.',
              });
            }
            const [first] = await tx(db, { userId: session.userId }, (q) =>
              q
                .select({ tenantId: memberships.tenantId })
                .from(memberships)
                .innerJoin(tenants, eq(tenants.id, memberships.tenantId))
                .where(
                  and(
                    eq(memberships.userId, session.userId),
                    eq(memberships.status, 'active'),
                    eq(tenants.isActive, true),
                  ),
                )
                .orderBy(tenants.name)
                .limit(1),
            );
            // better-auth gives sessions without "remember me" a one-day expiry.
            const rememberMe = session.expiresAt.getTime() - Date.now() > 2 * 24 * HOUR * 1000;
            return {
              data: {
                ...session,
                rememberMe,
                lastSeenAt: new Date(),
                activeTenantId: first?.tenantId ?? null,
              },
            };
          },
        },
      },
    },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path === '/sign-in/email') {
          const email = normalizeEmail(ctx.body?.email);
          const until = await tx(db, {}, (q) => lockedUntil(q, email));
          if (until) {
            const minutes = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60_000));
            throw new APIError('TOO_MANY_REQUESTS', {
              code: 'TOO_MANY_ATTEMPTS',
              message: `Too many failed sign-ins. Try again in ${minutes} minutes, or reset your password.`,
            });
          }
        }
        if (ctx.path === '/reset-password') {
          const token = String(ctx.body?.token ?? ctx.query?.token ?? '');
          const problems = passwordProblems(
            String(ctx.body?.newPassword ?? ''),
            await emailOfResetToken(token),
          );
          if (problems.length) throw policyError('newPassword', problems);
        }
        if (ctx.path === '/change-password') {
          const session = ctx.context.session;
          const problems = passwordProblems(
            String(ctx.body?.newPassword ?? ''),
            session?.user.email,
          );
          if (problems.length) throw policyError('newPassword', problems);
        }
      }),
      after: createAuthMiddleware(async (ctx) => {
        if (ctx.path === '/sign-in/email') {
          const email = normalizeEmail(ctx.body?.email);
          const auditCtx = anonymousAudit(ctx.request, email);
          const returned = ctx.context.returned;
          if (returned instanceof APIError) {
            if (returned.statusCode !== 401) return;
            const locked = await tx(db, {}, (q) => recordFailure(q, email));
            await audit(auditCtx, {
              action: 'core.auth.sign_in',
              outcome: 'failed',
              target: { type: 'user', label: email },
              tenantId: null,
            });
            if (locked) {
              await audit(auditCtx, {
                action: 'core.auth.lockout',
                outcome: 'denied',
                target: { type: 'user', label: email },
                tenantId: null,
                meta: { lockedUntil: locked.toISOString(), failures: LOCKOUT.maxFailures },
              });
            }
            return;
          }
          const session = ctx.context.newSession;
          if (!session) return;
          await tx(db, {}, (q) => clearFailures(q, email));
          await audit(
            { ...auditCtx, actor: { type: 'user', id: session.user.id, email } },
            {
              action: 'core.auth.sign_in',
              target: { type: 'user', id: session.user.id, label: email },
              tenantId: null,
            },
          );
        }
        if (ctx.path === '/change-password' && !(ctx.context.returned instanceof APIError)) {
          const user = ctx.context.session?.user;
          if (!user) return;
          await send({ template: 'password-changed', to: user.email, data: { signInUrl } });
          await audit(
            {
              ...anonymousAudit(ctx.request, user.email),
              actor: { type: 'user', id: user.id, email: user.email },
            },
            {
              action: 'core.user.password_changed',
              target: { type: 'user', id: user.id, label: user.email },
              changes: { password: ['', ''] },
              tenantId: null,
            },
          );
        }
      }),
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;
