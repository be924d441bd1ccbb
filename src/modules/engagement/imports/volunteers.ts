import type { ImportStep } from '../../../core/imports/types.js';
import { queryOrganizationNames } from '../data/organizations.js';
import { upsertVolunteers } from '../data/contacts.js';
import { contactKind, contactRows, parseContact, persistContacts } from './contacts.js';
import { distinct, rowHandler, SKIP } from './kit.js';

/** Volunteers: Contact rows of type Volunteer or none (rows of unknown types are skipped). */
export const volunteersStep: ImportStep = {
  name: 'volunteers',
  dependsOn: ['organizations'],
  reads: ['Contact'],
  async run(ctx) {
    await ctx.processRows(
      contactRows(ctx, [], (kind) => kind === 'volunteer' || kind === 'other'),
      rowHandler(
        (f) => {
          if (contactKind(f.text('Contact_Type__c') ?? '') !== 'volunteer') return SKIP;
          return {
            contact: parseContact(f, ctx.tenantId, 'volunteer'),
            organizationExternalId: f.text('npsp__Primary_Affiliation__c'),
            title: f.text('Title'),
            department: f.text('Department'),
            skills: f.text('Volunteer_Skills__c'),
            interests: f.text('Volunteer_Interests__c'),
            firstVolunteerDate: f.date('First_Volunteer_Date__c'),
            lastVolunteerDate: f.date('Last_Volunteer_Date__c'),
          };
        },
        (value) => value.contact.contact.externalId,
        async (tx, items) => {
          const organizations = await queryOrganizationNames(
            tx,
            ctx.tenantId,
            distinct(items.map((i) => i.value.organizationExternalId)),
          );
          return persistContacts(tx, ctx.tenantId, 'volunteer', items, (ids) =>
            upsertVolunteers(
              tx,
              items.map(({ value }, i) => {
                const organization = value.organizationExternalId
                  ? organizations.get(value.organizationExternalId)
                  : undefined;
                return {
                  contactId: ids[i] ?? '',
                  tenantId: ctx.tenantId,
                  primaryOrganizationId: organization?.id ?? null,
                  organizationName: organization?.name ?? null,
                  title: value.title,
                  department: value.department,
                  skills: value.skills,
                  interests: value.interests,
                  firstVolunteerDate: value.firstVolunteerDate,
                  lastVolunteerDate: value.lastVolunteerDate,
                };
              }),
            ),
          );
        },
      ),
      { part: 'volunteers', uses: ['organizations'] },
    );
  },
};
