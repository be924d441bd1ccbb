import type { ImportStep, RowResult } from '../../../core/imports/types.js';
import { openFlags, resolveFlags } from '../data/flags.js';
import { upsertOrganizations } from '../data/records.js';
import { accountRole, DEFAULT_ORGANIZATION_TYPE } from '../rules/organizations.js';
import { rowHandler, rowsWhere, SKIP } from './kit.js';

export const ACCOUNT_FIELDS = [
  'Id',
  'Name',
  'Type',
  'ParentId',
  'Description',
  'BillingStreet',
  'BillingCity',
  'BillingState',
  'BillingPostalCode',
  'BillingCountry',
  'School_Code_External_ID__c',
  'LastActivityDate',
] as const;

/** Accounts that are neither districts nor schools: organizations, and households (skipped). */
export const organizationsStep: ImportStep = {
  name: 'organizations',
  dependsOn: [],
  reads: ['Account'],
  async run(ctx) {
    const rows = rowsWhere(
      ctx,
      'Account',
      { fields: ACCOUNT_FIELDS, required: ['Id', 'Name', 'Type'] },
      (row) => ['organization', 'household'].includes(accountRole(row.values.Type ?? null)),
    );
    const handler = rowHandler(
      (f) => {
        if (accountRole(f.text('Type')) === 'household') return SKIP;
        const type = f.text('Type');
        return {
          missingType: type === null,
          record: {
            tenantId: ctx.tenantId,
            externalId: f.required('Id'),
            name: f.required('Name'),
            type: type ?? DEFAULT_ORGANIZATION_TYPE,
            description: f.text('Description'),
            billingStreet: f.text('BillingStreet'),
            billingCity: f.text('BillingCity'),
            billingState: f.text('BillingState'),
            billingPostalCode: f.text('BillingPostalCode'),
            billingCountry: f.text('BillingCountry'),
            lastActivityDate: f.date('LastActivityDate'),
          },
        };
      },
      (value) => value.record.externalId,
      async (tx, items): Promise<RowResult[]> => {
        const results = await upsertOrganizations(
          tx,
          items.map((i) => i.value.record),
        );
        // An unchanged organization has the same type as when its flag was last decided.
        const flagged = items
          .map((item, i) => ({
            externalId: item.key,
            entityId: results[i]?.id,
            missing: item.value.missingType,
            touched: results[i]?.outcome !== 'unchanged',
          }))
          .filter((f) => f.touched);
        await openFlags(
          tx,
          ctx.tenantId,
          'organization',
          'missing_org_type',
          flagged
            .filter((f) => f.missing)
            .map((f) => ({
              ...f,
              details: `No type in the source; set to ${DEFAULT_ORGANIZATION_TYPE}`,
            })),
        );
        await resolveFlags(
          tx,
          ctx.tenantId,
          'organization',
          'missing_org_type',
          flagged.filter((f) => !f.missing),
        );
        return results.map((r) => ({ outcome: r.outcome }));
      },
    );
    await ctx.processRows(rows, handler, { part: 'organizations', uses: [] });
  },
};
