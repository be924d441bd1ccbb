import { and, asc, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../../../core/db/client.js';
import { affiliations, contacts, organizations } from '../../schema.js';
import { fullName } from './people.js';
import { allOf, contains, ordering, pageOf, type ListWindow } from './query.js';

export const ORGANIZATION_SORTS = [
  'name',
  'type',
  'billingCity',
  'volunteers',
  'lastActivityDate',
] as const;
export type OrganizationSort = (typeof ORGANIZATION_SORTS)[number];

export interface OrganizationFilter {
  tenantId: string;
  search?: string;
  type?: string;
}

const volunteerCount = sql<number>`(select count(distinct a.contact_id) from affiliations a
  where a.organization_id = "organizations"."id")::int`;

const SORTS = {
  name: sql`lower(${organizations.name})`,
  type: sql`lower(${organizations.type})`,
  billingCity: sql`lower(${organizations.billingCity})`,
  volunteers: volunteerCount,
  lastActivityDate: organizations.lastActivityDate,
};

export function listOrganizations(
  q: Queryable,
  f: OrganizationFilter & ListWindow<OrganizationSort>,
) {
  const where = allOf(
    eq(organizations.tenantId, f.tenantId),
    contains(f.search, organizations.name, organizations.billingCity),
    f.type ? eq(organizations.type, f.type) : undefined,
  );
  return pageOf(
    q,
    () =>
      q
        .select({
          id: organizations.id,
          name: organizations.name,
          type: organizations.type,
          billingCity: organizations.billingCity,
          volunteers: volunteerCount,
          lastActivityDate: organizations.lastActivityDate,
        })
        .from(organizations)
        .where(where),
    ordering(f.order, SORTS[f.sort], organizations.id),
    f,
  );
}

/** The organization types present in the tenant, for the type filter. */
export async function organizationTypes(q: Queryable, tenantId: string) {
  const found = await q
    .selectDistinct({ type: organizations.type })
    .from(organizations)
    .where(eq(organizations.tenantId, tenantId))
    .orderBy(asc(organizations.type));
  return found.map((row) => row.type);
}

export async function findOrganization(q: Queryable, tenantId: string, id: string) {
  const [row] = await q
    .select()
    .from(organizations)
    .where(and(eq(organizations.tenantId, tenantId), eq(organizations.id, id)));
  return row;
}

/** The volunteers affiliated with the organization (at most `limit`), by name. */
export const organizationVolunteers = (q: Queryable, id: string, limit: number) =>
  q
    .select({
      contactId: contacts.id,
      name: fullName,
      role: affiliations.role,
      isPrimary: affiliations.isPrimary,
      status: affiliations.status,
      startDate: affiliations.startDate,
      endDate: affiliations.endDate,
    })
    .from(affiliations)
    .innerJoin(contacts, eq(contacts.id, affiliations.contactId))
    .where(eq(affiliations.organizationId, id))
    .orderBy(contacts.lastName, contacts.firstName, contacts.id)
    .limit(limit);

export async function countOrganizationVolunteers(q: Queryable, id: string) {
  const [row] = await q
    .select({ n: sql<number>`count(distinct ${affiliations.contactId})::int` })
    .from(affiliations)
    .where(eq(affiliations.organizationId, id));
  return row?.n ?? 0;
}

export type OrganizationValues = Omit<
  typeof organizations.$inferInsert,
  'id' | 'tenantId' | 'externalId' | 'createdAt' | 'updatedAt'
>;

export async function insertOrganization(
  q: Queryable,
  values: OrganizationValues & { tenantId: string; externalId: string },
) {
  const [row] = await q.insert(organizations).values(values).returning({ id: organizations.id });
  if (!row) throw new Error('organization insert returned no row');
  return row.id;
}

export const updateOrganization = (q: Queryable, id: string, values: OrganizationValues) =>
  q
    .update(organizations)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(organizations.id, id));
