import { z } from 'zod';
import type { Db } from '../db/client.js';
import { tx } from '../db/tx.js';
import { ConflictError } from '../errors.js';
import { parseInput } from '../validation.js';
import * as tenantsData from './data.js';

export const tenantInput = z.object({
  slug: z
    .string()
    .trim()
    .regex(/^[a-z0-9-]{2,40}$/, '2–40 lower-case letters, digits or hyphens'),
  name: z.string().trim().min(1, 'is required').max(200, 'is at most 200 characters'),
  modules: z.array(z.string()).default([]),
});
export type TenantInput = z.input<typeof tenantInput>;

/** Creates a tenant; the slug is unique and immutable, modules must be registered ones. */
export async function createTenant(
  db: Db,
  input: TenantInput,
  knownModules: readonly string[],
): Promise<tenantsData.TenantRow> {
  const values = parseInput(
    tenantInput.refine((t) => t.modules.every((m) => knownModules.includes(m)), {
      message: `modules must be among: ${knownModules.join(', ')}`,
      path: ['modules'],
    }),
    input,
  );
  return tx(db, {}, async (t) => {
    const created = await tenantsData.insert(t, {
      slug: values.slug,
      name: values.name,
      modules: [...new Set(values.modules)],
    });
    if (!created) {
      throw new ConflictError(`A tenant with the slug "${values.slug}" already exists`, [
        { path: 'slug', message: 'is taken' },
      ]);
    }
    return created;
  });
}

export const findTenantBySlug = (db: Db, slug: string) =>
  tx(db, {}, (t) => tenantsData.findBySlug(t, slug));

export const countTenants = (db: Db) => tx(db, {}, (t) => tenantsData.count(t));
