import { sql, type SQL } from 'drizzle-orm';
import type { DistrictScope } from '../../services/caller.js';

const normalized = (text: string) =>
  `lower(regexp_replace(btrim(${text}), '\\s+school district$', '', 'i'))`;

/**
 * The district of the event row `"events"` (DOMAIN.md §2.4): its school's, else the district
 * whose name or alias equals its district text (ignoring a trailing " School District"), else the
 * one `link_unaffiliated_events` set; null when unknown. Qualified by hand for use in subqueries.
 */
export const eventDistrictId = sql<string | null>`coalesce(
  (select s.district_id from schools s where s.id = "events"."school_id"),
  (select d.id from districts d
    where d.tenant_id = "events"."tenant_id" and "events"."district_name" is not null
      and (${sql.raw(normalized('d.name'))} = ${sql.raw(normalized('"events"."district_name"'))}
        or exists (select 1 from unnest(d.aliases) as a(alias)
                   where ${sql.raw(normalized('a.alias'))} = ${sql.raw(normalized('"events"."district_name"'))}))
    order by d.name, d.id limit 1),
  "events"."inferred_district_id")`;

/** `district` (an SQL expression naming a district id) is inside the scope; always true for `all`. */
export function inScope(scope: DistrictScope, district: SQL): SQL | undefined {
  if (scope.kind === 'all') return undefined;
  if (scope.ids.length === 0) return sql`false`;
  return sql`${district} = any(${sql.param(scope.ids)}::uuid[])`;
}

/** The school `schoolId` (an SQL expression) belongs to a district of the scope. */
export function schoolInScope(scope: DistrictScope, schoolId: SQL): SQL | undefined {
  if (scope.kind === 'all') return undefined;
  return inScope(scope, sql`(select s.district_id from schools s where s.id = ${schoolId})`);
}
