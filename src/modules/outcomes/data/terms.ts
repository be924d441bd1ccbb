import { eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../../core/db/client.js';
import { tenants } from '../../../core/db/schema.js';
import { DEFAULT_TIMEZONE } from '../../../core/reports/cache.js';
import type { TermStatus } from '../enums.js';
import { terms } from '../schema.js';
import { allOf, matches, ordering, type ListWindow } from './shared.js';

export const TERM_SORTS = ['code', 'name', 'startDate', 'endDate', 'dueDate', 'status'] as const;
export type TermSort = (typeof TERM_SORTS)[number];

export type TermRow = typeof terms.$inferSelect;
export type TermValues = Pick<
  typeof terms.$inferInsert,
  'code' | 'name' | 'startDate' | 'endDate' | 'dueDate'
>;

/** The status of §3.1, computed from the dates against the institution's today. */
const statusOn = (today: string) => sql<TermStatus>`case
  when ${today}::date < ${terms.startDate} then 'scheduled'
  when ${today}::date > ${terms.endDate} then 'passed'
  else 'active' end`;

// Qualified by hand: drizzle leaves columns inside sql`` unqualified.
const offeringCount = sql<number>`(select count(*)::int from offerings o
  where o.term_id = "terms"."id")`;

const listed = (today: string) => ({
  id: terms.id,
  code: terms.code,
  name: terms.name,
  startDate: terms.startDate,
  endDate: terms.endDate,
  dueDate: terms.dueDate,
  status: statusOn(today),
  offeringCount,
});

export interface TermQuery extends ListWindow<TermSort> {
  search?: string;
  status?: TermStatus;
  today: string;
}

export async function list(q: Queryable, query: TermQuery) {
  const where = allOf(
    matches(query.search, terms.code, terms.name),
    query.status ? sql`${statusOn(query.today)} = ${query.status}` : undefined,
  );
  const sortColumns = {
    // Codes (2024FA, 2024SP) do not sort chronologically; their start dates do.
    code: terms.startDate,
    name: terms.startDate,
    startDate: terms.startDate,
    endDate: terms.endDate,
    dueDate: terms.dueDate,
    status: statusOn(query.today),
  };
  const items = await q
    .select(listed(query.today))
    .from(terms)
    .where(where)
    .orderBy(...ordering(query.order, sortColumns[query.sort], terms.id))
    .limit(query.limit)
    .offset(query.offset);
  const [total] = await q
    .select({ n: sql<number>`count(*)::int` })
    .from(terms)
    .where(where);
  return { items, total: total?.n ?? 0 };
}

export const find = async (q: Queryable, id: string, today: string) =>
  (await q.select(listed(today)).from(terms).where(eq(terms.id, id)))[0];

export const findRow = async (q: Queryable, id: string) =>
  (await q.select().from(terms).where(eq(terms.id, id)))[0];

export const findByCode = async (q: Queryable, code: string) =>
  (await q.select().from(terms).where(eq(terms.code, code)))[0];

export const insert = async (q: Queryable, tenantId: string, values: TermValues) =>
  (
    await q
      .insert(terms)
      .values({ tenantId, ...values })
      .onConflictDoNothing()
      .returning()
  )[0];

export const update = async (q: Queryable, id: string, values: Partial<TermValues>) =>
  (
    await q
      .update(terms)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(terms.id, id))
      .returning()
  )[0];

export const remove = (q: Queryable, id: string) => q.delete(terms).where(eq(terms.id, id));

/** The institution's time zone (its settings; America/Chicago by default). */
export async function timeZoneOf(q: Queryable, tenantId: string) {
  const [row] = await q
    .select({ settings: tenants.settings })
    .from(tenants)
    .where(eq(tenants.id, tenantId));
  return row?.settings.timezone ?? DEFAULT_TIMEZONE;
}
