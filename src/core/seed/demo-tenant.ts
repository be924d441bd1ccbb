import { randomBytes } from 'node:crypto';
import type { Db } from '../db/client.js';
import { createTenant, findTenantBySlug } from '../tenants/service.js';
import { createUser } from '../users/service.js';

export const DEMO_TENANT_SLUG = 'demo';
export const DEMO_ADMIN_EMAIL = 'admin@demo.example.com';

export type DemoSeedResult =
  | { created: true; tenant: string; email: string; password: string }
  | { created: false; tenant: string };

/** A readable one-time password: 20 characters from an unambiguous alphabet. */
function generatePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return Array.from(randomBytes(20), (byte) => alphabet[byte % alphabet.length]).join('');
}

/**
 * Creates the demo tenant (every module) and its tenant admin with a generated password that is
 * returned once and stored only as a hash. Does nothing when the demo tenant exists.
 */
export async function seedDemo(db: Db, moduleNames: readonly string[]): Promise<DemoSeedResult> {
  if (await findTenantBySlug(db, DEMO_TENANT_SLUG)) {
    return { created: false, tenant: DEMO_TENANT_SLUG };
  }
  await createTenant(
    db,
    { slug: DEMO_TENANT_SLUG, name: 'Demo Partnership', modules: [...moduleNames] },
    moduleNames,
  );
  const password = generatePassword();
  await createUser(db, {
    email: DEMO_ADMIN_EMAIL,
    password,
    name: 'Demo Admin',
    membership: { tenantSlug: DEMO_TENANT_SLUG, role: 'tenant_admin' },
  });
  return { created: true, tenant: DEMO_TENANT_SLUG, email: DEMO_ADMIN_EMAIL, password };
}
