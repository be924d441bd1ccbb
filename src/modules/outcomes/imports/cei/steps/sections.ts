import type { ImportStep, RowResult } from '../../../../../core/imports/types.js';
import * as importData from '../../../data/cei-import.js';
import { followInstructor } from '../../../data/section-outcomes.js';
import { missing, processEntities, required } from '../entities.js';
import type { CeiSection } from '../model.js';
import type { CeiRunState } from '../state.js';
import { knownFor, matchInstructor } from './instructors.js';

/** The values a feed gives a section; blanks never erase what is already there. */
function valuesOf(section: CeiSection, instructorId: string | null) {
  const { results } = section;
  return {
    instructorId,
    enrollment: section.enrollment,
    withdrawals: section.withdrawals,
    dueDate: section.dueDate,
    passedCount: results.passedCount,
    dficCount: results.dficCount,
    cannotReconcile: results.cannotReconcile,
    celebrations: results.celebrations,
    challenges: results.challenges,
    changes: results.changes,
  };
}

/** The given (non-null) values that differ from the section's. */
function changesTo(current: importData.SectionRow, wanted: ReturnType<typeof valuesOf>) {
  const changes: Partial<importData.SectionInsert> = {};
  for (const [field, value] of Object.entries(wanted) as [keyof typeof wanted, unknown][]) {
    if (value !== null && value !== current[field]) Object.assign(changes, { [field]: value });
  }
  return changes;
}

/**
 * Sections: one per distinct combo of a course in a term (the combo is the section's identity),
 * numbered 001, 002… in order of first appearance after the offering's existing sections, with
 * the combo's enrollment, withdrawals, instructor, due date and any results.
 */
export const sectionsStep = (state: CeiRunState): ImportStep => ({
  name: 'sections',
  dependsOn: ['terms', 'courses', 'instructors'],
  reads: [],
  async run(ctx) {
    const model = required(state.model);
    await processEntities(
      ctx,
      [...model.sections.values()],
      (section) => section.first,
      async (q, batch) => {
        const courseIds = await importData.coursesByNumber(
          q,
          batch.map((s) => s.course),
        );
        const termIds = await importData.termsByCode(
          q,
          batch.map((s) => s.term),
        );
        const offeringIds = await importData.ensureOfferings(
          q,
          ctx.tenantId,
          batch.flatMap((s) => {
            const courseId = courseIds.get(s.course);
            const termId = termIds.get(s.term);
            return courseId && termId ? [{ courseId, termId }] : [];
          }),
        );
        const offeringOf = (s: CeiSection) =>
          offeringIds.get(`${courseIds.get(s.course) ?? ''}|${termIds.get(s.term) ?? ''}`);
        const existing = new Map(
          (await importData.sectionsByCombo(q, [...offeringIds.values()])).map((s) => [
            `${s.offeringId}|${s.combo ?? ''}`,
            s,
          ]),
        );
        const people = batch.flatMap((s) => {
          const person = s.instructorKey ? model.instructors.get(s.instructorKey) : undefined;
          return person ? [person] : [];
        });
        const known = await knownFor(q, people);
        const instructorOf = (s: CeiSection) => {
          const person = s.instructorKey ? model.instructors.get(s.instructorKey) : undefined;
          return person ? (matchInstructor(known, person)?.id ?? null) : null;
        };
        const highest = await importData.highestNumbers(q, [...offeringIds.values()]);
        const added: importData.SectionInsert[] = [];
        const results: RowResult[] = [];
        for (const section of batch) {
          const offeringId = offeringOf(section);
          if (!offeringId) {
            results.push(
              courseIds.has(section.course)
                ? missing('Term', section.term)
                : missing('Course', section.course),
            );
            continue;
          }
          const wanted = valuesOf(section, instructorOf(section));
          const current = existing.get(`${offeringId}|${section.combo}`);
          if (!current) {
            const number = (highest.get(offeringId) ?? 0) + 1;
            highest.set(offeringId, number);
            added.push({
              ...wanted,
              cannotReconcile: wanted.cannotReconcile ?? false,
              offeringId,
              combo: section.combo,
              number: String(number).padStart(3, '0'),
            });
            results.push({ outcome: 'created' });
            continue;
          }
          const changes = changesTo(current, wanted);
          if (Object.keys(changes).length === 0) {
            results.push({ outcome: 'unchanged' });
            continue;
          }
          await importData.updateSection(q, current.id, changes);
          if (current.instructorId === null && changes.instructorId) {
            await followInstructor(q, ctx.tenantId, current.id, true, state.actor);
          }
          results.push({ outcome: 'updated' });
        }
        if (added.length > 0) await importData.insertSections(q, ctx.tenantId, added);
        return results;
      },
    );
  },
});
