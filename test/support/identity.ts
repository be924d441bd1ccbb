import type { sql } from 'drizzle-orm';
import type { Database } from '../../src/core/db/client.js';
import type { Role } from '../../src/core/db/schema.js';
import type { HttpApp } from '../../src/core/http/types.js';
import { createTenant } from '../../src/core/tenants/service.js';
import { createUser } from '../../src/core/users/service.js';
import { TEST_BASE_URL } from './app.js';

export const PASSWORD = 'violet harbor lantern';

export async function seedTenant(database: Database, slug: string) {
  return createTenant(database.db, { slug, name: `Tenant ${slug}`, modules: [] }, []);
}

export async function seedUser(
  database: Database,
  email: string,
  tenantSlug?: string,
  role?: Role,
) {
  return createUser(database.db, {
    email,
    password: PASSWORD,
    name: email.split('@')[0],
    membership: tenantSlug && role ? { tenantSlug, role } : undefined,
  });
}

/** Headers of a same-origin browser request carrying the session cookie. */
export const browserHeaders = (cookie: string) => ({ cookie, origin: TEST_BASE_URL });

export async function signIn(
  app: HttpApp,
  email: string,
  password = PASSWORD,
  rememberMe = true,
): Promise<{
  status: number;
  cookie: string;
  body: { error?: { code: string; message: string } };
}> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/sign-in/email',
    headers: { origin: TEST_BASE_URL },
    payload: { email, password, rememberMe },
  });
  const cookie = response.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  return { status: response.statusCode, cookie, body: response.json() };
}

/** Rows of a raw SQL query run as the database owner (tests inspect what the app wrote). */
export async function rows<T>(database: Database, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await database.db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

export type Person = [email: string, tenantSlug: string, role: Role];

/** Creates the tenants named by `people` (once each) and their members; returns tenant ids. */
export async function seedPeople(
  database: Database,
  people: Person[],
): Promise<Record<string, string>> {
  const tenantIds: Record<string, string> = {};
  for (const [email, slug, role] of people) {
    tenantIds[slug] ??= (await seedTenant(database, slug)).id;
    await seedUser(database, email, slug, role);
  }
  return tenantIds;
}

/** Session cookies of several people, by email. */
export async function signInAll(app: HttpApp, emails: string[]): Promise<Record<string, string>> {
  const cookies: Record<string, string> = {};
  for (const email of emails) cookies[email] = (await signIn(app, email)).cookie;
  return cookies;
}
