import { sql } from 'drizzle-orm';
import type { Tx } from '../../../core/db/client.js';
import type { ContactKind } from '../enums.js';
import type { ContactEmail } from '../rules/emails.js';
import { contactEmails, contacts, students, teachers, volunteers } from '../schema.js';
import { bulkUpsert, queryRows, type UpsertedRow } from './bulk.js';

export interface ContactInput {
  contact: typeof contacts.$inferInsert;
  emails: readonly ContactEmail[];
}

/**
 * Replaces the emails of these contacts with the given ones (one primary each); returns the
 * contacts whose emails changed.
 */
async function syncEmails(
  tx: Tx,
  tenantId: string,
  contactIds: readonly string[],
  emails: readonly (ContactEmail & { contactId: string })[],
): Promise<Set<string>> {
  const wantedContacts = sql.param(emails.map((e) => e.contactId));
  const wantedEmails = sql.param(emails.map((e) => e.email));
  const removed = await queryRows<{ contact_id: string }>(
    tx,
    sql`
    delete from contact_emails ce
    where ce.tenant_id = ${tenantId} and ce.contact_id = any(${sql.param(contactIds)}::uuid[])
      and not exists (
        select 1 from unnest(${wantedContacts}::uuid[], ${wantedEmails}::text[]) as w(contact_id, email)
        where w.contact_id = ce.contact_id and w.email = ce.email)
    returning ce.contact_id`,
  );
  const primaries = emails.filter((e) => e.isPrimary);
  await tx.execute(sql`
    update contact_emails ce set is_primary = false
    where ce.tenant_id = ${tenantId} and ce.contact_id = any(${sql.param(contactIds)}::uuid[])
      and ce.is_primary
      and not exists (
        select 1 from unnest(${sql.param(primaries.map((e) => e.contactId))}::uuid[],
                             ${sql.param(primaries.map((e) => e.email))}::text[]) as w(contact_id, email)
        where w.contact_id = ce.contact_id and w.email = ce.email)`);
  const upserted = await bulkUpsert(
    tx,
    contactEmails,
    emails.map((e) => ({
      tenantId,
      contactId: e.contactId,
      email: e.email,
      kind: e.kind,
      isPrimary: e.isPrimary,
    })),
    { conflict: [contactEmails.contactId, contactEmails.email], id: contactEmails.contactId },
  );
  return new Set([
    ...removed.map((r) => String(r.contact_id)),
    ...upserted.filter((u) => u.outcome !== 'unchanged').map((u) => u.id),
  ]);
}

/**
 * Upserts contacts and their emails; a contact whose only change is its emails is `updated`.
 * Staff-owned columns (exclude-from-reports, notes) are never written.
 */
export async function upsertContacts(
  tx: Tx,
  tenantId: string,
  inputs: readonly ContactInput[],
): Promise<UpsertedRow[]> {
  const results = await bulkUpsert(
    tx,
    contacts,
    inputs.map((i) => i.contact),
    { conflict: [contacts.tenantId, contacts.externalId], id: contacts.id, touch: contacts.updatedAt },
  );
  const emails = inputs.flatMap((input, i) =>
    input.emails.map((e) => ({ ...e, contactId: results[i]?.id ?? '' })),
  );
  const changed = await syncEmails(
    tx,
    tenantId,
    results.map((r) => r.id),
    emails,
  );
  return results.map((r) =>
    r.outcome === 'unchanged' && changed.has(r.id) ? { ...r, outcome: 'updated' } : r,
  );
}

const ROLE_TABLES = { volunteer: volunteers, teacher: teachers, student: students } as const;

/** A contact has one role: rows of the other role tables are removed when it changes kind. */
export async function removeOtherRoles(
  tx: Tx,
  kind: ContactKind,
  contactIds: readonly string[],
): Promise<void> {
  for (const [other, table] of Object.entries(ROLE_TABLES)) {
    if (other === kind || !contactIds.length) continue;
    await tx.execute(
      sql`delete from ${table} where ${table.contactId} = any(${sql.param(contactIds)}::uuid[])`,
    );
  }
}

const roleSpec = <T extends typeof volunteers | typeof teachers | typeof students>(table: T) => ({
  conflict: [table.contactId],
  id: table.contactId,
  touch: table.updatedAt,
});

/** Volunteers keep the local status computed by `Update local statuses` (never imported). */
export const upsertVolunteers = (tx: Tx, rows: (typeof volunteers.$inferInsert)[]) =>
  bulkUpsert(tx, volunteers, rows, roleSpec(volunteers));

export const upsertTeachers = (tx: Tx, rows: (typeof teachers.$inferInsert)[]) =>
  bulkUpsert(tx, teachers, rows, roleSpec(teachers));

export const upsertStudents = (tx: Tx, rows: (typeof students.$inferInsert)[]) =>
  bulkUpsert(tx, students, rows, roleSpec(students));

/** Contact ids of a kind by Salesforce id, in one query. */
export async function contactIdsByExternalId(
  tx: Tx,
  tenantId: string,
  kind: ContactKind | 'any',
  externalIds: Iterable<string>,
): Promise<Map<string, string>> {
  const keys = [...new Set(externalIds)];
  if (!keys.length) return new Map();
  const found = await queryRows<{ external_id: string; id: string }>(
    tx,
    sql`
    select external_id, id from contacts
    where tenant_id = ${tenantId} and external_id = any(${sql.param(keys)}::text[])
      ${kind === 'any' ? sql`` : sql`and kind = ${kind}`}`,
  );
  return new Map(found.map((r) => [r.external_id, String(r.id)]));
}
