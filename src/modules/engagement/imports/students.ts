import type { ImportStep, SourceRow } from '../../../core/imports/types.js';
import { idsByKeys } from '../data/bulk.js';
import { upsertStudents } from '../data/contacts.js';
import { externalIdLookup } from '../data/lookups.js';
import { classes, schools } from '../schema.js';
import { gradeLevel } from '../rules/schools.js';
import { contactRows, parseContact, persistContacts } from './contacts.js';
import { rowHandler } from './kit.js';

/** Groups rows into arrays of `size`, stopping after `maxChunks` chunks when given. */
export async function* chunks<T>(
  rows: AsyncIterable<T>,
  size: number,
  maxChunks?: number,
): AsyncGenerator<T[]> {
  let chunk: T[] = [];
  let emitted = 0;
  if (maxChunks === 0) return;
  for await (const row of rows) {
    chunk.push(row);
    if (chunk.length >= size) {
      yield chunk;
      chunk = [];
      if (maxChunks !== undefined && ++emitted >= maxChunks) return;
    }
  }
  if (chunk.length) yield chunk;
}

async function* each<T>(items: readonly T[]): AsyncGenerator<T> {
  yield* items;
}

/**
 * Students, in chunks of `chunkSize` rows ordered by Id (each chunk its own unit of work);
 * `studentsMaxChunks` stops after that many chunks.
 */
export const studentsStep: ImportStep = {
  name: 'students',
  dependsOn: ['schools', 'classes'],
  reads: ['Contact'],
  async run(ctx) {
    const handler = rowHandler(
      (f) => ({
        contact: parseContact(f, ctx.tenantId, 'student'),
        studentNumber: f.text('Local_Student_ID__c'),
        schoolExternalId: f.text('AccountId'),
        classExternalId: f.text('Class__c'),
        currentGrade: f.oneOf('Current_Grade__c', gradeLevel, ['K', '0 to 12']),
      }),
      (value) => value.contact.contact.externalId,
      async (tx, items) => {
        const { schoolIds, classIds } = await idsByKeys(tx, ctx.tenantId, {
          schoolIds: externalIdLookup(
            schools,
            items.map((i) => i.value.schoolExternalId),
          ),
          classIds: externalIdLookup(
            classes,
            items.map((i) => i.value.classExternalId),
          ),
        });
        return persistContacts(tx, ctx.tenantId, 'student', items, (ids) =>
          upsertStudents(
            tx,
            items.map(({ value }, i) => ({
              contactId: ids[i] ?? '',
              tenantId: ctx.tenantId,
              studentNumber: value.studentNumber,
              schoolId: value.schoolExternalId
                ? (schoolIds.get(value.schoolExternalId) ?? null)
                : null,
              classId: value.classExternalId ? (classIds.get(value.classExternalId) ?? null) : null,
              currentGrade: value.currentGrade,
            })),
          ),
        );
      },
    );
    const { chunkSize, studentsMaxChunks } = ctx.options;
    let number = 0;
    for await (const chunk of chunks<SourceRow>(
      contactRows(ctx, [], (kind) => kind === 'student'),
      chunkSize,
      studentsMaxChunks,
    )) {
      if (ctx.cancelled()) return;
      number++;
      ctx.log.debug({ chunk: number, rows: chunk.length }, 'students chunk');
      await ctx.processRows(each(chunk), handler, {
        part: 'students',
        uses: ['schools', 'classes'],
      });
    }
    if (studentsMaxChunks !== undefined && number >= studentsMaxChunks) {
      ctx.log.info({ chunks: number }, 'stopped after --students-max-chunks');
    }
  },
};
