import { createEmailVerificationToken } from 'better-auth/api';
import { z } from 'zod';
import { recordAudit } from '../audit/service.js';
import { hashPassword } from '../auth/password-hash.js';
import { beginTrial } from '../billing/subscriptions.js';
import { passwordProblems } from '../auth/password-policy.js';
import type { Db } from '../db/client.js';
import { memberships } from '../db/schema.js';
import { enterTenant, tx } from '../db/tx.js';
import type { EmailSender } from '../email/sender.js';
import { ConflictError, ValidationError } from '../errors.js';
import { findByEmail, insertPasswordCredential, insertUser } from '../users/data.js';
import { normalizeEmail } from '../users/service.js';
import { parseInput } from '../validation.js';
import * as tenantsData from './data.js';
import { tenantInput } from './service.js';

export const registrationInput = z.object({
  institutionName: tenantInput.shape.name,
  slug: tenantInput.shape.slug,
  name: z.string().trim().min(1, 'is required').max(200),
  email: z.email('must be a valid email address').transform(normalizeEmail),
  password: z.string(),
});

export interface RegistrationDeps {
  db: Db;
  baseUrl: string;
  secret: string;
  emailSender: EmailSender;
  moduleNames: readonly string[];
}

/**
 * "Create your institution": a new outcomes tenant and its pending tenant admin, who must confirm
 * their email (24 h link) before signing in. Answers the same shape whatever happens to the email.
 */
export async function registerInstitution(
  deps: RegistrationDeps,
  input: z.input<typeof registrationInput>,
  requestId: string,
) {
  const values = parseInput(registrationInput, input);
  const problems = passwordProblems(values.password, values.email);
  if (problems.length) {
    throw new ValidationError(
      'The password does not meet the policy',
      problems.map((message) => ({ path: 'password', message })),
    );
  }
  const passwordHash = await hashPassword(values.password);
  const token = await createEmailVerificationToken(deps.secret, values.email, undefined, 24 * 3600);
  const url = `${deps.baseUrl}/api/auth/verify-email?token=${token}&callbackURL=${encodeURIComponent('/sign-in?verified=1')}`;
  const modules = deps.moduleNames.includes('outcomes') ? ['outcomes'] : [];

  return tx(deps.db, {}, async (q) => {
    if (await findByEmail(q, values.email)) {
      throw new ConflictError('An account with this email already exists; sign in instead', [
        { path: 'email', message: 'already has an account' },
      ]);
    }
    const tenant = await tenantsData.insert(q, {
      slug: values.slug,
      name: values.institutionName,
      modules,
    });
    if (!tenant) {
      throw new ConflictError(`The address "${values.slug}" is taken`, [
        { path: 'slug', message: 'is taken' },
      ]);
    }
    await enterTenant(q, tenant.id);
    const user = await insertUser(q, { email: values.email, name: values.name, status: 'pending' });
    if (!user) throw new Error('could not create the user');
    await insertPasswordCredential(q, user.id, passwordHash);
    await q
      .insert(memberships)
      .values({ tenantId: tenant.id, userId: user.id, role: 'tenant_admin' });
    await deps.emailSender.send(q, { template: 'verify-email', to: values.email, data: { url } });
    const actor = {
      tenantId: tenant.id,
      actor: { type: 'user' as const, id: user.id, email: values.email },
      requestId,
    };
    await recordAudit(q, actor, {
      action: 'core.tenant.self_registered',
      target: { type: 'tenant', id: tenant.id, label: tenant.slug },
    });
    // DOMAIN.md §1.7: a new institution starts on a 30-day trial, no card.
    await beginTrial(q, tenant, {}, actor);
    return { tenantSlug: tenant.slug, email: values.email };
  });
}
