import { z } from 'zod';
import { recordAudit, type AuditContext } from '../audit/service.js';
import type { Db } from '../db/client.js';
import { ROLES, type MembershipScope } from '../db/schema.js';
import { tx } from '../db/tx.js';
import { ConflictError, NotFoundError } from '../errors.js';
import * as tenantsData from '../tenants/data.js';
import { parseInput } from '../validation.js';
import * as usersData from './data.js';
import { passwordProblems } from '../auth/password-policy.js';
import { hashPassword } from '../auth/password-hash.js';

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

export const userInput = z
  .object({
    email: z.email('must be a valid email address').transform(normalizeEmail),
    password: z.string(),
    name: z.string().trim().max(200).default(''),
    siteAdmin: z.boolean().default(false),
    membership: z
      .object({
        tenantSlug: z.string(),
        role: z.enum(ROLES),
        scope: z
          .object({ districts: z.array(z.string()), programs: z.array(z.string()) })
          .partial()
          .default({}),
      })
      .optional(),
  })
  .superRefine((u, ctx) => {
    for (const message of passwordProblems(u.password, u.email)) {
      ctx.addIssue({ code: 'custom', path: ['password'], message });
    }
  });
export type UserInput = z.input<typeof userInput>;

export interface CreatedUser {
  id: string;
  email: string;
  siteAdmin: boolean;
  membership?: { tenantId: string; role: string; scope: MembershipScope };
}

/** Creates an active user with an argon2id password, optionally a member of one tenant. */
export async function createUser(
  db: Db,
  input: UserInput,
  audit: AuditContext = { actor: { type: 'system' } },
): Promise<CreatedUser> {
  const values = parseInput(userInput, { ...input, email: input.email.trim() });
  const passwordHash = await hashPassword(values.password);
  const tenant = values.membership
    ? await tx(db, {}, (t) => tenantsData.findBySlug(t, values.membership?.tenantSlug ?? ''))
    : undefined;
  if (values.membership && !tenant)
    throw new NotFoundError(`Tenant "${values.membership.tenantSlug}"`);

  return tx(db, { tenantId: tenant?.id }, async (t) => {
    const user = await usersData.insertUser(t, {
      email: values.email,
      name: values.name,
      status: 'active',
      emailVerified: true,
      isSiteAdmin: values.siteAdmin,
    });
    if (!user) {
      throw new ConflictError('A user with this email already exists', [
        { path: 'email', message: 'is taken' },
      ]);
    }
    await usersData.insertPasswordCredential(t, user.id, passwordHash);
    const created: CreatedUser = { id: user.id, email: user.email, siteAdmin: user.isSiteAdmin };
    await recordAudit(t, audit, {
      action: 'core.user.create',
      target: { type: 'user', id: user.id, label: user.email },
      tenantId: tenant?.id ?? null,
      meta: { siteAdmin: user.isSiteAdmin, role: values.membership?.role ?? null },
    });
    if (!tenant || !values.membership) return created;
    const { role, scope } = values.membership;
    await usersData.insertMembership(t, { tenantId: tenant.id, userId: user.id, role, scope });
    return { ...created, membership: { tenantId: tenant.id, role, scope } };
  });
}
