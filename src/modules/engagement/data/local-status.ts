import { sql } from 'drizzle-orm';
import type { Tx } from '../../../core/db/client.js';
import type { LocalStatus } from '../enums.js';
import type { ZipPrefixes } from '../rules/local-status.js';
import { queryRows } from '../../../core/db/query-rows.js';

export interface VolunteerLocationFacts {
  contactId: string;
  zip: string | null;
  localStatus: LocalStatus;
  attendedInPerson: boolean;
}

/** Every volunteer with the facts that decide their local status (DOMAIN.md §2.6). */
export async function volunteerLocationFacts(
  tx: Tx,
  tenantId: string,
): Promise<VolunteerLocationFacts[]> {
  const rows = await queryRows<{
    contact_id: string;
    zip: string | null;
    local_status: LocalStatus;
    attended_in_person: boolean;
  }>(
    tx,
    sql`
    select v.contact_id, c.mailing_postal_code as zip, v.local_status,
           exists (
             select 1 from volunteer_participations vp
             join events e on e.id = vp.event_id
             where vp.contact_id = v.contact_id and e.format = 'in_person'
               and lower(btrim(vp.status)) in ('attended', 'completed', 'successfully completed')
           ) as attended_in_person
    from volunteers v join contacts c on c.id = v.contact_id
    where v.tenant_id = ${tenantId}`,
  );
  return rows.map((r) => ({
    contactId: String(r.contact_id),
    zip: r.zip,
    localStatus: r.local_status,
    attendedInPerson: r.attended_in_person,
  }));
}

/** Writes new local statuses. */
export async function setLocalStatuses(
  tx: Tx,
  tenantId: string,
  changes: readonly { contactId: string; localStatus: LocalStatus }[],
): Promise<void> {
  if (!changes.length) return;
  await tx.execute(sql`
    update volunteers v set local_status = w.status, updated_at = now()
    from unnest(${sql.param(changes.map((c) => c.contactId))}::uuid[],
                ${sql.param(changes.map((c) => c.localStatus))}::text[]) as w(contact_id, status)
    where v.tenant_id = ${tenantId} and v.contact_id = w.contact_id`);
}

/** The tenant's ZIP prefixes; `defaults` for a list the tenant has not set. */
export async function zipPrefixes(
  tx: Tx,
  tenantId: string,
  defaults: ZipPrefixes,
): Promise<ZipPrefixes> {
  const [row] = await queryRows<{ local: string[] | null; partial: string[] | null }>(
    tx,
    sql`select local_zip_prefixes as local, partial_zip_prefixes as partial
        from engagement_settings where tenant_id = ${tenantId}`,
  );
  return { local: row?.local ?? defaults.local, partial: row?.partial ?? defaults.partial };
}

/** Saves the tenant's ZIP prefixes (null: back to the default list). */
export async function saveZipPrefixes(
  tx: Tx,
  tenantId: string,
  prefixes: { local: readonly string[] | null; partial: readonly string[] | null },
): Promise<void> {
  await tx.execute(sql`
    insert into engagement_settings (tenant_id, local_zip_prefixes, partial_zip_prefixes)
    values (${tenantId}, ${prefixes.local ? sql.param(prefixes.local) : null}::text[],
            ${prefixes.partial ? sql.param(prefixes.partial) : null}::text[])
    on conflict (tenant_id) do update
      set local_zip_prefixes = excluded.local_zip_prefixes,
          partial_zip_prefixes = excluded.partial_zip_prefixes, updated_at = now()`);
}
