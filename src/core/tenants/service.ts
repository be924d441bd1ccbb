import { z } from 'zod';
import type { Db } from '../db/client.js';
import { recordAudit, type AuditContext } from '../audit/service.js';
import { tx } from '../db/tx.js';
import { ConflictError, NotFoundError } from '../errors.js';
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
  audit: AuditContext = { actor: { type: 'system' } },
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
    await recordAudit(t, audit, {
      action: 'core.tenant.create',
      target: { type: 'tenant', id: created.id, label: created.slug },
      tenantId: null,
      meta: { modules: created.modules },
    });
    return created;
  });
}

export const findTenantBySlug = (db: Db, slug: string) =>
  tx(db, {}, (t) => tenantsData.findBySlug(t, slug));

export const countTenants = (db: Db) => tx(db, {}, (t) => tenantsData.count(t));

export const tenantUpdateInput = z
  .object({
    name: tenantInput.shape.name.optional(),
    modules: z.array(z.string()).optional(),
    isActive: z.boolean().optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), 'Give at least one change');

export const listTenants = (db: Db) =>
  tx(db, { allTenants: true }, (t) => tenantsData.listWithCounts(t));

/** Renames, changes modules, or (de)activates a tenant; a deactivated tenant keeps its data. */
export async function updateTenant(
  db: Db,
  audit: AuditContext,
  id: string,
  input: z.input<typeof tenantUpdateInput>,
  knownModules: readonly string[],
) {
  const values = parseInput(
    tenantUpdateInput.refine((v) => (v.modules ?? []).every((m) => knownModules.includes(m)), {
      message: `modules must be among: ${knownModules.join(', ')}`,
      path: ['modules'],
    }),
    input,
  );
  return tx(db, {}, async (t) => {
    const before = await tenantsData.findById(t, id);
    if (!before) throw new NotFoundError('Tenant');
    const after = await tenantsData.update(t, id, values);
    if (!after) throw new NotFoundError('Tenant');
    const changes: Record<string, [unknown, unknown]> = {};
    for (const key of ['name', 'modules', 'isActive'] as const) {
      if (values[key] !== undefined) changes[key] = [before[key], after[key]];
    }
    await recordAudit(t, audit, {
      action:
        after.isActive === before.isActive
          ? 'core.tenant.update'
          : after.isActive
            ? 'core.tenant.reactivate'
            : 'core.tenant.deactivate',
      target: { type: 'tenant', id, label: after.slug },
      changes,
      tenantId: null,
    });
    return after;
  });
}
