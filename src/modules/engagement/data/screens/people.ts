import { sql } from 'drizzle-orm';
import { contacts } from '../../schema.js';

/** The contact's primary email (else its first one); qualified by hand: `"contacts"`. */
export const primaryEmail = sql<string | null>`(select ce.email from contact_emails ce
  where ce.contact_id = "contacts"."id" order by ce.is_primary desc, ce.created_at, ce.email limit 1)`;

/** "First Last", for display and search. */
export const fullName = sql<string>`btrim(${contacts.firstName} || ' ' || ${contacts.lastName})`;

/** Sorting people: by last name, then first name. */
export const nameOrder = sql`lower(${contacts.lastName} || ' ' || ${contacts.firstName})`;

/** The columns of a contact that every person's detail shows. */
export const contactColumns = {
  id: contacts.id,
  externalId: contacts.externalId,
  salutation: contacts.salutation,
  firstName: contacts.firstName,
  middleName: contacts.middleName,
  lastName: contacts.lastName,
  suffix: contacts.suffix,
  name: fullName,
  email: primaryEmail,
  phone: contacts.phone,
  mobilePhone: contacts.mobilePhone,
  mailingStreet: contacts.mailingStreet,
  mailingCity: contacts.mailingCity,
  mailingState: contacts.mailingState,
  mailingPostalCode: contacts.mailingPostalCode,
  gender: contacts.gender,
  raceEthnicity: contacts.raceEthnicity,
  ageGroup: contacts.ageGroup,
  educationLevel: contacts.educationLevel,
  birthdate: contacts.birthdate,
  doNotCall: contacts.doNotCall,
  doNotContact: contacts.doNotContact,
  emailOptOut: contacts.emailOptOut,
  excludeFromReports: contacts.excludeFromReports,
  notes: contacts.notes,
  createdAt: contacts.createdAt,
  updatedAt: contacts.updatedAt,
};
