import type { ImportStep } from '../../../core/imports/types.js';
import { idsByKeys } from '../data/bulk.js';
import { externalIdLookup } from '../data/lookups.js';
import { upsertClasses } from '../data/records.js';
import { schools } from '../schema.js';
import { rowHandler } from './kit.js';

export const classesStep: ImportStep = {
  name: 'classes',
  dependsOn: ['schools'],
  reads: ['Class__c'],
  async run(ctx) {
    const rows = ctx.source.rows('Class__c', {
      fields: ['Id', 'Name', 'School__c', 'Class_Year_Number__c'],
      required: ['Id', 'Name', 'School__c'],
    });
    await ctx.processRows(
      rows,
      rowHandler(
        (f) => ({
          externalId: f.required('Id'),
          name: f.required('Name'),
          schoolExternalId: f.text('School__c'),
          classYear: f.integer('Class_Year_Number__c', { min: 1900, max: 2200 }),
        }),
        (value) => value.externalId,
        async (tx, items) => {
          const { schoolIds } = await idsByKeys(tx, ctx.tenantId, {
            schoolIds: externalIdLookup(
              schools,
              items.map((i) => i.value.schoolExternalId),
            ),
          });
          const results = await upsertClasses(
            tx,
            items.map(({ value }) => ({
              tenantId: ctx.tenantId,
              externalId: value.externalId,
              name: value.name,
              schoolId: value.schoolExternalId
                ? (schoolIds.get(value.schoolExternalId) ?? null)
                : null,
              classYear: value.classYear,
            })),
          );
          return results.map((r) => ({ outcome: r.outcome }));
        },
      ),
      { part: 'classes', uses: ['schools'] },
    );
  },
};
