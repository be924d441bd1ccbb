import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../../../../core/db/client.js';
import type { FlagEntityType, FlagIssue, FlagStatus } from '../../enums.js';
import { dataQualityFlags } from '../../schema.js';
import { allOf, contains, ordering, pageOf, type ListWindow } from './query.js';

export const FLAG_SORTS = [
  'createdAt',
  'issue',
  'entityType',
  'entityLabel',
  'details',
  'status',
] as const;
export type FlagSort = (typeof FLAG_SORTS)[number];

export interface FlagFilter {
  tenantId: string;
  issue?: FlagIssue;
  status?: FlagStatus;
  entityType?: FlagEntityType;
  search?: string;
}

const f = '"data_quality_flags"';
/** A readable name of the flagged record, when it exists. */
const entityLabel = sql<string | null>`case ${sql.raw(f)}."entity_type"
  when 'contact' then (select btrim(c.first_name || ' ' || c.last_name) from contacts c where c.id = ${sql.raw(f)}."entity_id")
  when 'organization' then (select o.name from organizations o where o.id = ${sql.raw(f)}."entity_id")
  when 'event' then (select e.title from events e where e.id = ${sql.raw(f)}."entity_id")
  when 'school' then (select s.name from schools s where s.id = ${sql.raw(f)}."entity_id")
  when 'district' then (select d.name from districts d where d.id = ${sql.raw(f)}."entity_id")
  end`;
/** Which screen shows the flagged record: contacts are volunteers, teachers or students. */
const entityKind = sql<string | null>`case ${sql.raw(f)}."entity_type"
  when 'contact' then (select c.kind from contacts c where c.id = ${sql.raw(f)}."entity_id")
  else ${sql.raw(f)}."entity_type" end`;

const columns = {
  id: dataQualityFlags.id,
  entityType: dataQualityFlags.entityType,
  entityId: dataQualityFlags.entityId,
  entityExternalId: dataQualityFlags.entityExternalId,
  entityLabel,
  entityKind,
  issue: dataQualityFlags.issue,
  details: dataQualityFlags.details,
  status: dataQualityFlags.status,
  createdAt: dataQualityFlags.createdAt,
  updatedAt: dataQualityFlags.updatedAt,
  resolvedAt: dataQualityFlags.resolvedAt,
  dismissedAt: dataQualityFlags.dismissedAt,
};

const SORTS = {
  createdAt: dataQualityFlags.createdAt,
  issue: dataQualityFlags.issue,
  entityType: dataQualityFlags.entityType,
  entityLabel: sql`lower(${entityLabel})`,
  details: sql`lower(${dataQualityFlags.details})`,
  status: dataQualityFlags.status,
};

export function listFlags(q: Queryable, filter: FlagFilter & ListWindow<FlagSort>) {
  const where = allOf(
    eq(dataQualityFlags.tenantId, filter.tenantId),
    filter.issue ? eq(dataQualityFlags.issue, filter.issue) : undefined,
    filter.status ? eq(dataQualityFlags.status, filter.status) : undefined,
    filter.entityType ? eq(dataQualityFlags.entityType, filter.entityType) : undefined,
    contains(
      filter.search,
      dataQualityFlags.details,
      dataQualityFlags.entityExternalId,
      entityLabel,
    ),
  );
  return pageOf(
    q,
    () => q.select(columns).from(dataQualityFlags).where(where),
    ordering(filter.order, SORTS[filter.sort], dataQualityFlags.id),
    filter,
  );
}

export async function findFlag(q: Queryable, tenantId: string, id: string) {
  const [row] = await q
    .select(columns)
    .from(dataQualityFlags)
    .where(and(eq(dataQualityFlags.tenantId, tenantId), eq(dataQualityFlags.id, id)));
  return row;
}

/** Dismisses the open flags among `ids`; returns the ids it dismissed. */
export async function dismissFlags(
  q: Queryable,
  tenantId: string,
  ids: readonly string[],
  userId: string | null,
) {
  const dismissed = await q
    .update(dataQualityFlags)
    .set({
      status: 'dismissed',
      dismissedAt: new Date(),
      dismissedById: userId,
      updatedAt: new Date(),
    })
    .where(
      and(
        eq(dataQualityFlags.tenantId, tenantId),
        inArray(dataQualityFlags.id, [...ids]),
        eq(dataQualityFlags.status, 'open'),
      ),
    )
    .returning({ id: dataQualityFlags.id });
  return dismissed.map((row) => row.id);
}

/** Marks the record's open flags of `issue` resolved (a person fixed it). */
export const resolveFlags = (
  q: Queryable,
  tenantId: string,
  entityType: FlagEntityType,
  entityId: string,
  issue: FlagIssue,
) =>
  q
    .update(dataQualityFlags)
    .set({ status: 'resolved', resolvedAt: new Date(), updatedAt: new Date() })
    .where(
      and(
        eq(dataQualityFlags.tenantId, tenantId),
        eq(dataQualityFlags.entityType, entityType),
        eq(dataQualityFlags.entityId, entityId),
        eq(dataQualityFlags.issue, issue),
        eq(dataQualityFlags.status, 'open'),
      ),
    );
