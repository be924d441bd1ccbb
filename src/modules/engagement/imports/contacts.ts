import type { Tx } from '../../../core/db/client.js';
import type { RowResult, SourceRow, StepContext } from '../../../core/imports/types.js';
import { removeOtherRoles, upsertContacts } from '../data/contacts.js';
import type { UpsertedRow, UpsertOutcome } from '../data/bulk.js';
import { openFlags, resolveFlags } from '../data/flags.js';
import type { ContactKind } from '../enums.js';
import { contactEmails, type ContactEmail } from '../rules/emails.js';
import type { RowFields } from '../rules/fields.js';
import { personName } from '../rules/names.js';
import type { contacts } from '../schema.js';
import { rowsWhere, type Parsed } from './kit.js';

export const CONTACT_FIELDS = [
  'Id',
  'AccountId',
  'FirstName',
  'LastName',
  'Email',
  'npe01__AlternateEmail__c',
  'npe01__HomeEmail__c',
  'npe01__WorkEmail__c',
  'Phone',
  'MobilePhone',
  'npsp__Primary_Affiliation__c',
  'Title',
  'Department',
  'Gender__c',
  'Racial_Ethnic_Background__c',
  'Age_Group__c',
  'Highest_Level_of_Educational__c',
  'Birthdate',
  'Local_Student_ID__c',
  'Class__c',
  'Current_Grade__c',
  'First_Volunteer_Date__c',
  'Last_Volunteer_Date__c',
  'Volunteer_Skills__c',
  'Volunteer_Interests__c',
  'DoNotCall',
  'npsp__Do_Not_Contact__c',
  'HasOptedOutOfEmail',
  'MailingPostalCode',
  'Contact_Type__c',
] as const;

/** The kind a Contact row belongs to (`Contact_Type__c`); other types are no step's. */
export function contactKind(type: string | undefined): ContactKind | 'other' {
  switch ((type ?? '').trim().toLowerCase()) {
    case 'teacher':
      return 'teacher';
    case 'student':
      return 'student';
    case '':
    case 'volunteer':
      return 'volunteer';
    default:
      return 'other';
  }
}

/** The Contact rows of one kind (`required`: the columns that kind cannot do without). */
export const contactRows = (
  ctx: StepContext,
  required: readonly string[],
  keep: (kind: ContactKind | 'other') => boolean,
) =>
  rowsWhere(
    ctx,
    'Contact',
    {
      fields: CONTACT_FIELDS,
      required: ['Id', 'FirstName', 'LastName', 'Contact_Type__c', ...required],
      orderBy: 'Id',
    },
    (row: SourceRow) => keep(contactKind(row.values.Contact_Type__c)),
  );

export interface ParsedContact {
  contact: typeof contacts.$inferInsert;
  emails: ContactEmail[];
  wasAllCaps: boolean;
}

/** The contact part of a Contact row: name rules, emails, demographics, preferences. */
export function parseContact(f: RowFields, tenantId: string, kind: ContactKind): ParsedContact {
  const name = personName(f.text('FirstName'), f.text('LastName'));
  return {
    contact: {
      tenantId,
      externalId: f.required('Id'),
      kind,
      firstName: name.firstName,
      lastName: name.lastName,
      gender: f.text('Gender__c'),
      raceEthnicity: f.text('Racial_Ethnic_Background__c'),
      ageGroup: f.text('Age_Group__c'),
      educationLevel: f.text('Highest_Level_of_Educational__c'),
      birthdate: f.date('Birthdate'),
      phone: f.text('Phone'),
      mobilePhone: f.text('MobilePhone'),
      mailingPostalCode: f.text('MailingPostalCode'),
      doNotCall: f.boolean('DoNotCall'),
      doNotContact: f.boolean('npsp__Do_Not_Contact__c'),
      emailOptOut: f.boolean('HasOptedOutOfEmail'),
    },
    emails: contactEmails([
      ['email', f.text('Email')],
      ['work', f.text('npe01__WorkEmail__c')],
      ['home', f.text('npe01__HomeEmail__c')],
      ['alternate', f.text('npe01__AlternateEmail__c')],
    ]),
    wasAllCaps: name.wasAllCaps,
  };
}

const merge = (contact: UpsertOutcome, role: UpsertOutcome): UpsertOutcome =>
  contact !== 'unchanged' ? contact : role === 'unchanged' ? 'unchanged' : 'updated';

/**
 * Persists contacts of one kind with their role rows (built by `role` from the contact ids):
 * a row is created with its contact, updated when the contact, its emails or its role row changed.
 * ALL-CAPS names are flagged; the flag resolves when the source fixes the name.
 */
export async function persistContacts<T extends { contact: ParsedContact }>(
  tx: Tx,
  tenantId: string,
  kind: ContactKind,
  items: readonly Parsed<T>[],
  role: (contactIds: readonly string[]) => Promise<UpsertedRow[]>,
): Promise<RowResult[]> {
  const people = items.map((i) => i.value.contact);
  const saved = await upsertContacts(tx, tenantId, people);
  const ids = saved.map((s) => s.id);
  await removeOtherRoles(
    tx,
    kind,
    saved.filter((s) => s.outcome === 'updated').map((s) => s.id),
  );
  const roles = await role(ids);
  const flagged = people.map((p, i) => ({
    externalId: p.contact.externalId,
    entityId: ids[i],
    allCaps: p.wasAllCaps,
  }));
  await openFlags(
    tx,
    tenantId,
    'contact',
    'all_caps_name',
    flagged
      .filter((f) => f.allCaps)
      .map((f) => ({ ...f, details: 'The source has the name in capitals; it was title-cased' })),
  );
  await resolveFlags(
    tx,
    tenantId,
    'contact',
    'all_caps_name',
    flagged.filter((f) => !f.allCaps),
  );
  return saved.map((s, i) => ({ outcome: merge(s.outcome, roles[i]?.outcome ?? 'unchanged') }));
}
