import type { ImportStep } from '../../../core/imports/types.js';
import { idsByKeys } from '../data/bulk.js';
import { externalIdLookup } from '../data/lookups.js';
import { upsertTeachers } from '../data/contacts.js';
import { schools } from '../schema.js';
import { contactRows, parseContact, persistContacts } from './contacts.js';
import { rowHandler } from './kit.js';

export const teachersStep: ImportStep = {
  name: 'teachers',
  dependsOn: ['schools'],
  reads: ['Contact'],
  async run(ctx) {
    await ctx.processRows(
      contactRows(ctx, [], (kind) => kind === 'teacher'),
      rowHandler(
        (f) => ({
          contact: parseContact(f, ctx.tenantId, 'teacher'),
          schoolExternalId: f.text('AccountId'),
          department: f.text('Department'),
        }),
        (value) => value.contact.contact.externalId,
        async (tx, items) => {
          const { schoolIds } = await idsByKeys(tx, ctx.tenantId, {
            schoolIds: externalIdLookup(
              schools,
              items.map((i) => i.value.schoolExternalId),
            ),
          });
          return persistContacts(tx, ctx.tenantId, 'teacher', items, (ids) =>
            upsertTeachers(
              tx,
              items.map(({ value }, i) => ({
                contactId: ids[i] ?? '',
                tenantId: ctx.tenantId,
                schoolId: value.schoolExternalId
                  ? (schoolIds.get(value.schoolExternalId) ?? null)
                  : null,
                department: value.department,
              })),
            ),
          );
        },
      ),
      { part: 'teachers', uses: ['schools'] },
    );
  },
};
