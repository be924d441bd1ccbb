import type { ImportStep } from '../../../core/imports/types.js';
import { idsByKeys } from '../data/bulk.js';
import { contactLookup, externalIdLookup } from '../data/lookups.js';
import { upsertAffiliations } from '../data/records.js';
import { affiliationStatus, AFFILIATION_STATUS_LABELS } from '../rules/affiliations.js';
import type { affiliations } from '../schema.js';
import { organizations } from '../schema.js';
import { decideAndSave, rowHandler, unknownReference, type Decision } from './kit.js';

/** Volunteers' affiliations with organizations; a row naming an unknown record is rejected. */
export const affiliationsStep: ImportStep = {
  name: 'affiliations',
  dependsOn: ['organizations', 'volunteers'],
  reads: ['npe5__Affiliation__c'],
  async run(ctx) {
    const rows = ctx.source.rows('npe5__Affiliation__c', {
      fields: [
        'Id',
        'npe5__Organization__c',
        'npe5__Contact__c',
        'npe5__Role__c',
        'npe5__Primary__c',
        'npe5__Status__c',
        'npe5__StartDate__c',
        'npe5__EndDate__c',
      ],
      required: ['Id', 'npe5__Organization__c', 'npe5__Contact__c', 'npe5__Status__c'],
    });
    await ctx.processRows(
      rows,
      rowHandler(
        (f) => ({
          externalId: f.required('Id'),
          organization: f.required('npe5__Organization__c'),
          contact: f.required('npe5__Contact__c'),
          role: f.text('npe5__Role__c'),
          isPrimary: f.boolean('npe5__Primary__c'),
          status:
            f.oneOf('npe5__Status__c', affiliationStatus, AFFILIATION_STATUS_LABELS) ?? 'Current',
          startDate: f.date('npe5__StartDate__c'),
          endDate: f.date('npe5__EndDate__c'),
        }),
        (value) => value.externalId,
        async (tx, items) => {
          const { organizationIds, contactIds } = await idsByKeys(tx, ctx.tenantId, {
            organizationIds: externalIdLookup(
              organizations,
              items.map((i) => i.value.organization),
            ),
            contactIds: contactLookup(
              'any',
              items.map((i) => i.value.contact),
            ),
          });
          return decideAndSave(
            items,
            ({ value }): Decision<typeof affiliations.$inferInsert> => {
              const organizationId = organizationIds.get(value.organization);
              const contactId = contactIds.get(value.contact);
              if (!contactId) {
                return { result: unknownReference('npe5__Contact__c', value.contact, 'contact') };
              }
              if (!organizationId) {
                return {
                  result: unknownReference(
                    'npe5__Organization__c',
                    value.organization,
                    'organization',
                  ),
                };
              }
              return {
                save: {
                  tenantId: ctx.tenantId,
                  externalId: value.externalId,
                  contactId,
                  organizationId,
                  role: value.role,
                  isPrimary: value.isPrimary,
                  status: value.status,
                  startDate: value.startDate,
                  endDate: value.endDate,
                },
              };
            },
            (records) => upsertAffiliations(tx, records),
          );
        },
      ),
      { part: 'affiliations', uses: ['organizations', 'teachers', 'students', 'volunteers'] },
    );
  },
};
