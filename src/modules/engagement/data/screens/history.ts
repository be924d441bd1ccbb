import { and, asc, eq, gte, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import type { Queryable } from '../../../../core/db/client.js';
import { activities, contacts, events } from '../../schema.js';
import { fullName } from './people.js';
import { allOf, contains, ordering, pageOf, type ListWindow } from './query.js';

export const HISTORY_SORTS = [
  'activityDate',
  'type',
  'subject',
  'contact',
  'event',
  'status',
] as const;
export type HistorySort = (typeof HISTORY_SORTS)[number];

export interface HistoryFilter {
  tenantId: string;
  type?: string;
  status?: string;
  /** `YYYY-MM-DD`, inclusive. */
  from?: string;
  to?: string;
  search?: string;
}

const SORTS = {
  activityDate: activities.activityDate,
  type: sql`lower(${activities.type})`,
  subject: sql`lower(${activities.subject})`,
  contact: sql`lower(${contacts.lastName} || ' ' || ${contacts.firstName})`,
  event: sql`lower(${events.title})`,
  status: sql`lower(${activities.status})`,
};

const listColumns = {
  id: activities.id,
  activityDate: activities.activityDate,
  type: activities.type,
  subject: activities.subject,
  status: activities.status,
  contactId: contacts.id,
  contact: fullName,
  contactKind: contacts.kind,
  eventId: events.id,
  event: events.title,
};

const from = (q: Queryable) =>
  q
    .select(listColumns)
    .from(activities)
    .innerJoin(contacts, eq(contacts.id, activities.contactId))
    .leftJoin(events, eq(events.id, activities.eventId));

/** Activities that are not deleted. */
const live = (tenantId: string) =>
  and(eq(activities.tenantId, tenantId), isNull(activities.deletedAt));

export function listHistory(q: Queryable, f: HistoryFilter & ListWindow<HistorySort>) {
  const where = allOf(
    live(f.tenantId),
    f.type ? eq(activities.type, f.type) : undefined,
    f.status ? eq(activities.status, f.status) : undefined,
    f.from ? gte(activities.activityDate, f.from) : undefined,
    f.to ? lte(activities.activityDate, f.to) : undefined,
    contains(f.search, activities.subject, activities.description, fullName),
  );
  return pageOf(q, () => from(q).where(where), ordering(f.order, SORTS[f.sort], activities.id), f);
}

export async function findActivity(q: Queryable, tenantId: string, id: string) {
  const [row] = await q
    .select({
      ...listColumns,
      externalId: activities.externalId,
      description: activities.description,
      createdAt: activities.createdAt,
      updatedAt: activities.updatedAt,
    })
    .from(activities)
    .innerJoin(contacts, eq(contacts.id, activities.contactId))
    .leftJoin(events, eq(events.id, activities.eventId))
    .where(and(live(tenantId), eq(activities.id, id)));
  return row;
}

/** The distinct activity types and statuses of live history, for its filters. */
export async function historyFilterValues(q: Queryable, tenantId: string) {
  const distinct = async (column: typeof activities.type | typeof activities.status) => {
    const found = await q
      .selectDistinct({ value: column })
      .from(activities)
      .where(and(live(tenantId), isNotNull(column)))
      .orderBy(asc(column));
    return found.map((row) => row.value ?? '');
  };
  return { types: await distinct(activities.type), statuses: await distinct(activities.status) };
}

/** Soft-deletes an activity: it leaves every list but stays stored. */
export const softDeleteActivity = (q: Queryable, id: string, userId: string | null) =>
  q
    .update(activities)
    .set({ deletedAt: new Date(), deletedById: userId, updatedAt: new Date() })
    .where(eq(activities.id, id));
