import { and, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../../../core/db/client.js';
import { contactEmails, contacts } from '../../schema.js';

export async function insertContact(q: Queryable, values: typeof contacts.$inferInsert) {
  const [row] = await q.insert(contacts).values(values).returning({ id: contacts.id });
  if (!row) throw new Error('contact insert returned no row');
  return row.id;
}

export const updateContact = (
  q: Queryable,
  id: string,
  values: Partial<typeof contacts.$inferInsert>,
) =>
  q
    .update(contacts)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(contacts.id, id));

/**
 * Makes `email` the contact's one primary address (added when new); `null` removes the primary
 * address. Other addresses stay.
 */
export async function setPrimaryEmail(
  q: Queryable,
  tenantId: string,
  contactId: string,
  email: string | null,
) {
  const primary = and(eq(contactEmails.contactId, contactId), eq(contactEmails.isPrimary, true));
  if (email === null) {
    await q.delete(contactEmails).where(primary);
    return;
  }
  await q.update(contactEmails).set({ isPrimary: false }).where(primary);
  await q
    .insert(contactEmails)
    .values({ tenantId, contactId, email, isPrimary: true })
    .onConflictDoUpdate({
      target: [contactEmails.contactId, contactEmails.email],
      set: { isPrimary: sql`true` },
    });
}
