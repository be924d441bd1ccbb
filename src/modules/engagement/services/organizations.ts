import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { RequestContext } from '../../../core/access/request-context.js';
import { recordAudit } from '../../../core/audit/service.js';
import type { Db } from '../../../core/db/client.js';
import { tx } from '../../../core/db/tx.js';
import { NotFoundError } from '../../../core/errors.js';
import { resolveFlags } from '../data/screens/flags.js';
import {
  countOrganizationVolunteers,
  findOrganization,
  insertOrganization,
  listOrganizations,
  organizationTypes,
  organizationVolunteers,
  updateOrganization,
  type OrganizationFilter,
  type OrganizationSort,
} from '../data/screens/organizations.js';
import type { ListWindow } from '../data/screens/query.js';
import { DEFAULT_ORGANIZATION_TYPE } from '../rules/organizations.js';
import { callerOf } from './caller.js';
import { changesOf, optionalText, requiredText } from './inputs.js';
import { dataChanged } from './reports.js';

/** The create/edit form of an organization; without a type it is `Other`. */
export const organizationInput = z.object({
  name: requiredText(200),
  type: optionalText(100).transform((value) => value ?? DEFAULT_ORGANIZATION_TYPE),
  description: optionalText(5000),
  billingStreet: optionalText(200),
  billingCity: optionalText(100),
  billingState: optionalText(100),
  billingPostalCode: optionalText(20),
  billingCountry: optionalText(100),
});
export type OrganizationInput = z.output<typeof organizationInput>;

const LISTED_VOLUNTEERS = 100;

export function listOrganizationsFor(
  db: Db,
  ctx: RequestContext,
  query: Omit<OrganizationFilter, 'tenantId'> & ListWindow<OrganizationSort>,
) {
  const { tenantId } = callerOf(ctx);
  return tx(db, { tenantId }, (q) => listOrganizations(q, { ...query, tenantId }));
}

export function organizationTypesFor(db: Db, ctx: RequestContext) {
  const { tenantId } = callerOf(ctx);
  return tx(db, { tenantId }, (q) => organizationTypes(q, tenantId));
}

export function getOrganization(db: Db, ctx: RequestContext, id: string) {
  const { tenantId } = callerOf(ctx);
  return tx(db, { tenantId }, async (q) => {
    const organization = await findOrganization(q, tenantId, id);
    if (!organization) throw new NotFoundError('Organization');
    return {
      ...organization,
      volunteers: await organizationVolunteers(q, id, LISTED_VOLUNTEERS),
      volunteerCount: await countOrganizationVolunteers(q, id),
    };
  });
}

/** A type given by hand resolves the organization's missing-type flag. */
async function resolveTypeFlag(
  q: Parameters<typeof resolveFlags>[0],
  tenantId: string,
  id: string,
  type: string,
) {
  if (type !== DEFAULT_ORGANIZATION_TYPE) {
    await resolveFlags(q, tenantId, 'organization', id, 'missing_org_type');
  }
}

export async function createOrganization(db: Db, ctx: RequestContext, input: OrganizationInput) {
  const { tenantId } = callerOf(ctx);
  const id = await tx(db, { tenantId }, async (q) => {
    const created = await insertOrganization(q, {
      ...input,
      tenantId,
      externalId: `manual:${randomUUID()}`,
    });
    await recordAudit(q, ctx, {
      action: 'engagement.organization.create',
      target: { type: 'organization', id: created, label: input.name },
    });
    await dataChanged(q, tenantId);
    return created;
  });
  return getOrganization(db, ctx, id);
}

export async function editOrganization(
  db: Db,
  ctx: RequestContext,
  id: string,
  input: OrganizationInput,
) {
  const { tenantId } = callerOf(ctx);
  await tx(db, { tenantId }, async (q) => {
    const before = await findOrganization(q, tenantId, id);
    if (!before) throw new NotFoundError('Organization');
    await updateOrganization(q, id, input);
    await resolveTypeFlag(q, tenantId, id, input.type);
    await recordAudit(q, ctx, {
      action: 'engagement.organization.update',
      target: { type: 'organization', id, label: input.name },
      changes: changesOf(before, input),
    });
    await dataChanged(q, tenantId);
  });
  return getOrganization(db, ctx, id);
}
