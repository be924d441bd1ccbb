import { sql } from 'drizzle-orm';
import type { Tx } from '../../../core/db/client.js';
import { queryRows } from '../../../core/db/query-rows.js';

const tenantZone = (tenantId: string) =>
  sql`coalesce((select settings->>'timezone' from tenants where id = ${tenantId}), 'UTC')`;

/** `title|YYYY-MM-DD` (lower-case title, start date in the tenant's timezone). */
export const titleDateKey = (title: string, date: string) => `${title.toLowerCase()}|${date}`;

/** Events by title and start date (the oldest when several match). */
export async function eventsByTitleAndDate(
  tx: Tx,
  tenantId: string,
  keys: readonly { title: string; date: string }[],
): Promise<Map<string, string>> {
  if (!keys.length) return new Map();
  const found = await queryRows<{ title: string; day: string; id: string }>(
    tx,
    sql`
    select distinct on (w.title, w.day) w.title, to_char(w.day, 'YYYY-MM-DD') as day, e.id
    from unnest(${sql.param(keys.map((k) => k.title.toLowerCase()))}::text[],
                ${sql.param(keys.map((k) => k.date))}::date[]) as w(title, day)
    join events e
      on e.tenant_id = ${tenantId} and lower(e.title) = w.title
     and (e.start_at at time zone ${tenantZone(tenantId)})::date = w.day
    order by w.title, w.day, e.created_at, e.id`,
  );
  return new Map(found.map((r) => [titleDateKey(r.title, r.day), String(r.id)]));
}

export interface NamedContact {
  id: string;
  /** The teacher's school or the volunteer's organization, to tell namesakes apart. */
  affiliation: string | null;
}

/** Teachers or volunteers by full name (`first last`, case-insensitive). */
export async function contactsByName(
  tx: Tx,
  tenantId: string,
  kind: 'teacher' | 'volunteer',
  names: readonly string[],
): Promise<Map<string, NamedContact[]>> {
  if (!names.length) return new Map();
  const affiliation =
    kind === 'teacher'
      ? sql`(select s.name from teachers t join schools s on s.id = t.school_id where t.contact_id = c.id)`
      : sql`(select v.organization_name from volunteers v where v.contact_id = c.id)`;
  const found = await queryRows<{ name: string; id: string; affiliation: string | null }>(
    tx,
    sql`
    select lower(c.first_name || ' ' || c.last_name) as name, c.id, ${affiliation} as affiliation
    from contacts c
    where c.tenant_id = ${tenantId} and c.kind = ${kind}
      and lower(c.first_name || ' ' || c.last_name) = any(${sql.param(
        names.map((n) => n.toLowerCase()),
      )}::text[])
    order by c.external_id`,
  );
  const map = new Map<string, NamedContact[]>();
  for (const row of found) {
    const list = map.get(row.name) ?? [];
    list.push({ id: String(row.id), affiliation: row.affiliation });
    map.set(row.name, list);
  }
  return map;
}

/** Sets the career cluster the report gives for events (only where it differs). */
export async function setCareerClusters(
  tx: Tx,
  tenantId: string,
  clusters: readonly { eventId: string; cluster: string }[],
): Promise<void> {
  if (!clusters.length) return;
  await tx.execute(sql`
    update events e set career_cluster = w.cluster, updated_at = now()
    from unnest(${sql.param(clusters.map((c) => c.eventId))}::uuid[],
                ${sql.param(clusters.map((c) => c.cluster))}::text[]) as w(id, cluster)
    where e.tenant_id = ${tenantId} and e.id = w.id and e.career_cluster is distinct from w.cluster`);
}
