import { sql } from 'drizzle-orm';
import type { Tx } from '../../../core/db/client.js';
import { queryRows } from '../../../core/db/query-rows.js';

/**
 * The district named by free text (DOMAIN.md §2.4): a district whose name or alias equals it,
 * case-insensitively, ignoring a trailing " School District". `text` is an SQL expression.
 */
export const normalizedDistrictName = (text: ReturnType<typeof sql.raw>) =>
  sql`lower(regexp_replace(btrim(${text}), '\\s+school district$', '', 'i'))`;

/**
 * `link_unaffiliated_events`: every event without a school and without a district name that
 * matches a district gets the district most frequent among the schools of its attending
 * students (ties: alphabetical first); events with no such students keep none. Returns how many
 * events changed and how many were considered.
 */
export async function linkUnaffiliatedEvents(
  tx: Tx,
  tenantId: string,
): Promise<{ considered: number; changed: number }> {
  const eventDistrict = normalizedDistrictName(sql.raw('e.district_name'));
  const districtName = normalizedDistrictName(sql.raw('d.name'));
  const alias = normalizedDistrictName(sql.raw('a.alias'));
  const [result] = await queryRows<{ considered: number; changed: number }>(
    tx,
    sql`
    with unaffiliated as (
      select e.id, e.inferred_district_id
      from events e
      where e.tenant_id = ${tenantId} and e.school_id is null
        and not exists (
          select 1 from districts d
          where d.tenant_id = e.tenant_id and e.district_name is not null
            and (${districtName} = ${eventDistrict}
                 or exists (select 1 from unnest(d.aliases) as a(alias) where ${alias} = ${eventDistrict})))
    ), votes as (
      select u.id as event_id, d.id as district_id,
             row_number() over (partition by u.id order by count(*) desc, d.name asc, d.id asc) as rank
      from unaffiliated u
      join student_participations sp on sp.event_id = u.id and sp.status = 'Attended'
      join students st on st.contact_id = sp.contact_id
      join schools s on s.id = st.school_id
      join districts d on d.id = s.district_id
      group by u.id, d.id, d.name
    ), wanted as (
      select u.id, v.district_id
      from unaffiliated u
      left join votes v on v.event_id = u.id and v.rank = 1
    ), changed as (
      update events e set inferred_district_id = w.district_id, updated_at = now()
      from wanted w
      where e.id = w.id and e.inferred_district_id is distinct from w.district_id
      returning e.id
    )
    select (select count(*) from unaffiliated)::int as considered,
           (select count(*) from changed)::int as changed`,
  );
  return result ?? { considered: 0, changed: 0 };
}
