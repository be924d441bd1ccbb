import type { ImportStep } from '../../../core/imports/types.js';
import { idsByKeys } from '../data/bulk.js';
import { externalIdLookup } from '../data/lookups.js';
import { upsertDistricts, upsertSchools } from '../data/records.js';
import { districts } from '../schema.js';
import { accountRole } from '../rules/organizations.js';
import { schoolLevel } from '../rules/schools.js';
import { ACCOUNT_FIELDS } from './organizations.js';
import { rowHandler, rowsWhere } from './kit.js';

const SPEC = { fields: ACCOUNT_FIELDS, required: ['Id', 'Name', 'Type', 'ParentId'] } as const;

/** School districts, then schools (`ParentId` = district), from the Account object. */
export const schoolsStep: ImportStep = {
  name: 'schools',
  dependsOn: [],
  reads: ['Account'],
  async run(ctx) {
    const ofRole = (role: 'district' | 'school') =>
      rowsWhere(ctx, 'Account', SPEC, (row) => accountRole(row.values.Type ?? null) === role);

    await ctx.processRows(
      ofRole('district'),
      rowHandler(
        (f) => ({
          tenantId: ctx.tenantId,
          externalId: f.required('Id'),
          name: f.required('Name'),
          code: f.text('School_Code_External_ID__c'),
        }),
        (value) => value.externalId,
        async (tx, items) =>
          (
            await upsertDistricts(
              tx,
              items.map((i) => i.value),
            )
          ).map((r) => ({
            outcome: r.outcome,
          })),
      ),
      { part: 'districts', uses: [] },
    );

    await ctx.processRows(
      ofRole('school'),
      rowHandler(
        (f) => ({
          externalId: f.required('Id'),
          name: f.required('Name'),
          districtExternalId: f.text('ParentId'),
          code: f.text('School_Code_External_ID__c'),
        }),
        (value) => value.externalId,
        async (tx, items) => {
          const { districtIds } = await idsByKeys(tx, ctx.tenantId, {
            districtIds: externalIdLookup(
              districts,
              items.map((i) => i.value.districtExternalId),
            ),
          });
          const results = await upsertSchools(
            tx,
            items.map(({ value }) => ({
              tenantId: ctx.tenantId,
              externalId: value.externalId,
              name: value.name,
              districtId: value.districtExternalId
                ? (districtIds.get(value.districtExternalId) ?? null)
                : null,
              code: value.code,
              level: schoolLevel(value.name),
            })),
          );
          return results.map((r) => ({ outcome: r.outcome }));
        },
      ),
      { part: 'schools', uses: ['districts'] },
    );
  },
};
