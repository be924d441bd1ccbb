import { sql } from 'drizzle-orm';
import type { Tx } from '../../../core/db/client.js';
import type { ContactKind } from '../enums.js';
import type { ContactEmail } from '../rules/emails.js';
import { contactEmails, contacts, students, teachers, volunteers } from '../schema.js';
import { queryRows } from '../../../core/db/query-rows.js';
import { bulkUpsert, withIds, type UpsertOutcome } from './bulk.js';

export interface ContactInput {
  contact: typeof contacts.$inferInsert;
  emails: readonly ContactEmail[];
}

/**
 * Sets the emails of contacts to the given ones (one primary each); `contactIds` are the contacts
 * that may already have emails (not the ones just created). Returns the contacts whose emails
 * changed. The difference is computed here so that an unchanged batch
 * costs one read. The read probes by contact only (row-level security keeps it in the tenant):
 * with a tenant condition too, the planner may pick the (tenant, email) index and read every
 * email of the tenant for each contact.
 */
async function syncEmails(
  tx: Tx,
  tenantId: string,
  contactIds: readonly string[],
  emails: readonly (ContactEmail & { contactId: string })[],
): Promise<Set<string>> {
  const existing = !contactIds.length
    ? []
    : await queryRows<{
        id: string;
        contact_id: string;
        email: string;
        kind: string;
        is_primary: boolean;
      }>(
        tx,
        sql`select e.id, e.contact_id, e.email, e.kind, e.is_primary
        from unnest(${sql.param(contactIds)}::uuid[]) as w(contact_id)
        cross join lateral (
          select * from contact_emails ce where ce.contact_id = w.contact_id
          offset 0
        ) e`,
      );
  const key = (contactId: string, email: string) => `${contactId}|${email}`;
  const wanted = new Map(emails.map((e) => [key(e.contactId, e.email), e]));
  const current = new Map(existing.map((e) => [key(String(e.contact_id), e.email), e]));
  const removed = existing.filter((e) => !wanted.has(key(String(e.contact_id), e.email)));
  const demoted = existing.filter(
    (e) => e.is_primary && !wanted.get(key(String(e.contact_id), e.email))?.isPrimary,
  );
  const changed = emails.filter((e) => {
    const now = current.get(key(e.contactId, e.email));
    return !now || now.kind !== e.kind || now.is_primary !== e.isPrimary;
  });
  const ids = (rows: readonly { id: string }[]) => sql.param(rows.map((r) => String(r.id)));
  if (removed.length) {
    await tx.execute(sql`delete from contact_emails where id = any(${ids(removed)}::uuid[])`);
  }
  if (demoted.length) {
    await tx.execute(
      sql`update contact_emails set is_primary = false where id = any(${ids(demoted)}::uuid[])`,
    );
  }
  await bulkUpsert(
    tx,
    contactEmails,
    changed.map((e) => ({
      tenantId,
      contactId: e.contactId,
      email: e.email,
      kind: e.kind,
      isPrimary: e.isPrimary,
    })),
    { conflict: [contactEmails.contactId, contactEmails.email], id: contactEmails.contactId },
  );
  return new Set(
    [...removed, ...demoted]
      .map((e) => String(e.contact_id))
      .concat(changed.map((e) => e.contactId)),
  );
}

/**
 * Upserts contacts and their emails; a contact whose only change is its emails is `updated`.
 * Staff-owned columns (exclude-from-reports, notes) are never written.
 */
export async function upsertContacts(
  tx: Tx,
  tenantId: string,
  inputs: readonly ContactInput[],
): Promise<{ id: string; outcome: UpsertOutcome }[]> {
  const results = withIds(
    await bulkUpsert(
      tx,
      contacts,
      inputs.map((i) => i.contact),
      {
        conflict: [contacts.tenantId, contacts.externalId],
        id: contacts.id,
        touch: contacts.updatedAt,
      },
    ),
  );
  const emails = inputs.flatMap((input, i) =>
    input.emails.map((e) => ({ ...e, contactId: results[i]?.id ?? '' })),
  );
  const changed = await syncEmails(
    tx,
    tenantId,
    results.filter((r) => r.outcome !== 'created').map((r) => r.id),
    emails,
  );
  return results.map((r) =>
    r.outcome === 'unchanged' && changed.has(r.id) ? { ...r, outcome: 'updated' } : r,
  );
}

const ROLE_TABLES = { volunteer: volunteers, teacher: teachers, student: students } as const;

/** A contact has one role: when it changes kind, its rows in the other role tables go. */
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
