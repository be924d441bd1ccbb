import { sql } from 'drizzle-orm';
import type { Queryable } from '../../../../../core/db/client.js';
import { all, districtKey, textArray } from './facts.js';

export interface Named {
  id: string;
  name: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const matchesNameOrId = (value: string, name: string) =>
  UUID.test(value)
    ? sql`id = ${value}::uuid`
    : sql`lower(btrim(${sql.raw(name)})) = lower(btrim(${value}))`;

/** A district by id, or by name or alias (case-insensitive, a trailing " School District" ignored). */
export async function findDistrict(q: Queryable, value: string): Promise<Named | undefined> {
  const key = districtKey(sql`${value}::text`);
  const condition = UUID.test(value)
    ? sql`id = ${value}::uuid`
    : sql`${districtKey(sql`name`)} = ${key} or exists (
        select 1 from unnest(aliases) as a(alias) where ${districtKey(sql`a.alias`)} = ${key})`;
  const [found] = await all<Named>(
    q,
    sql`select id, name from districts where ${condition} order by name, id limit 1`,
  );
  return found;
}

export async function findSchool(q: Queryable, value: string): Promise<Named | undefined> {
  const [found] = await all<Named>(
    q,
    sql`select id, name from schools where ${matchesNameOrId(value, 'name')} order by name, id limit 1`,
  );
  return found;
}

export async function findOrganization(q: Queryable, value: string): Promise<Named | undefined> {
  const [found] = await all<Named>(
    q,
    sql`select id, name from organizations where ${matchesNameOrId(value, 'name')} order by name, id limit 1`,
  );
  return found;
}

/** Names of districts or schools by id. */
export async function namesOf(
  q: Queryable,
  table: 'districts' | 'schools',
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await all<Named>(
    q,
    sql`select id, name from ${sql.raw(table)} where id::text = any(${textArray(ids)})`,
  );
  return new Map(rows.map((row) => [row.id, row.name]));
}
