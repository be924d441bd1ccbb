import type { Database } from '../../src/core/db/client.js';
import type { HttpApp } from '../../src/core/http/types.js';
import type { Role } from '../../src/core/db/schema.js';
import { createTenant } from '../../src/core/tenants/service.js';
import { createUser } from '../../src/core/users/service.js';
import { outcomesModule } from '../../src/modules/outcomes/index.js';
import { createTestApp, TEST_BASE_URL } from './app.js';
import type { TestDatabaseKind } from './databases.js';
import { PASSWORD } from './identity.js';

/** The real app with the outcomes module, on a fresh database. */
export const createOutcomesApp = (kind: TestDatabaseKind) =>
  createTestApp(kind, { modules: () => [outcomesModule] });

/** A tenant with the outcomes module on (an institution). */
export const seedInstitution = (database: Database, slug: string, modules = ['outcomes']) =>
  createTenant(database.db, { slug, name: `Institution ${slug}`, modules }, [
    'outcomes',
    'engagement',
  ]);

export const seedMember = (
  database: Database,
  email: string,
  tenantSlug: string,
  role: Role,
  programs?: string[],
) =>
  createUser(database.db, {
    email,
    password: PASSWORD,
    name: email.split('@')[0],
    membership: { tenantSlug, role, scope: programs ? { programs } : {} },
  });

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** JSON calls to the API as the holder of a session cookie. */
export function apiAs(app: HttpApp, cookie: string) {
  return async (method: Method, url: string, payload?: object) => {
    const response = await app.inject({
      method,
      url,
      headers: { cookie, origin: TEST_BASE_URL },
      ...(payload ? { payload } : {}),
    });
    const body = response.body ? response.json() : undefined;
    return { status: response.statusCode, body };
  };
}
