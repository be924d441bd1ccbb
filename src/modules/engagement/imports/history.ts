import type { ImportStep } from '../../../core/imports/types.js';
import { idsByKeys } from '../data/bulk.js';
import { contactLookup, externalIdLookup } from '../data/lookups.js';
import { upsertActivities } from '../data/records.js';
import type { activities } from '../schema.js';
import { events } from '../schema.js';
import { decideAndSave, rowHandler, SKIP, type Decision } from './kit.js';
import { PendingRows, type Unmatched } from './pending.js';

const TASKS = 'Task';

/**
 * Activity history from Salesforce tasks (rows without `WhoId` are skipped); a task whose
 * contact or event is not imported waits in the pending queue.
 */
export const historyStep: ImportStep = {
  name: 'history',
  dependsOn: ['events', 'volunteers', 'teachers', 'students'],
  reads: [TASKS],
  async run(ctx) {
    const pending = await PendingRows.load(ctx, TASKS, 'unmatched_history');
    const rows = ctx.source.rows(TASKS, {
      fields: ['Id', 'WhoId', 'WhatId', 'Subject', 'Description', 'Type', 'Status', 'ActivityDate'],
      required: ['Id', 'WhoId'],
      orderBy: 'Id',
    });
    await ctx.processRows(
      pending.withReplay(rows),
      rowHandler(
        (f) => {
          const contact = f.text('WhoId');
          if (contact === null) return SKIP;
          return {
            contact,
            event: f.text('WhatId'),
            externalId: f.required('Id'),
            type: f.text('Type'),
            subject: f.text('Subject'),
            description: f.text('Description'),
            status: f.text('Status'),
            activityDate: f.date('ActivityDate'),
          };
        },
        (value) => value.externalId,
        async (tx, items) => {
          const { contactIds, eventIds } = await idsByKeys(tx, ctx.tenantId, {
            contactIds: contactLookup(
              'any',
              items.map((i) => i.value.contact),
            ),
            eventIds: externalIdLookup(
              events,
              items.map((i) => i.value.event),
            ),
          });
          const unmatched: Unmatched[] = [];
          const results = await decideAndSave(
            items,
            async ({ key, row, value }): Promise<Decision<typeof activities.$inferInsert>> => {
              const contactId = contactIds.get(value.contact);
              const eventId = value.event ? eventIds.get(value.event) : null;
              if (!contactId || eventId === undefined) {
                const reason = !contactId
                  ? `Contact ${value.contact} is not imported`
                  : `Session ${value.event ?? ''} is not imported`;
                unmatched.push({ entityType: 'activity', row, key, reason });
                return { result: { outcome: 'skipped' } };
              }
              return {
                save: {
                  tenantId: ctx.tenantId,
                  externalId: value.externalId,
                  contactId,
                  eventId,
                  type: value.type,
                  subject: value.subject,
                  description: value.description,
                  status: value.status,
                  activityDate: value.activityDate,
                },
              };
            },
            async (records) => {
              const saved = await upsertActivities(tx, records);
              await pending.resolve(
                tx,
                'activity',
                records.map((r, i) => ({ key: r.externalId, id: saved[i]?.id ?? null })),
              );
              return saved;
            },
          );
          await pending.add(tx, unmatched);
          return results;
        },
      ),
      { part: 'history', uses: ['sessions', 'teachers', 'students', 'volunteers'] },
    );
  },
};
