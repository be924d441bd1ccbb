import type { ImportStep, RowResult } from '../../../../../core/imports/types.js';
import * as importData from '../../../data/cei-import.js';
import { createForSections } from '../../../data/section-outcomes.js';
import { missing, processEntities, required } from '../entities.js';
import { outcomeKey, sectionKey } from '../model.js';
import type { CeiRunState } from '../state.js';

/**
 * Section outcomes: one per (combo, CLO), with any result columns. New ones wait for data
 * (`assigned` with an instructor, else `unassigned`); a section whose every outcome has took,
 * passed and tool becomes `submitted`. Sections also get the outcomes of their course's other
 * active CLOs (section outcomes exist for every pair).
 */
export const sectionOutcomesStep = (state: CeiRunState): ImportStep => ({
  name: 'section_outcomes',
  dependsOn: ['sections', 'outcomes'],
  reads: [],
  async run(ctx) {
    const model = required(state.model);
    await processEntities(
      ctx,
      [...model.sectionOutcomes.values()],
      (outcome) => outcome.first,
      async (q, batch) => {
        const sections = new Map(
          (
            await importData.sectionsOfCombos(q, [
              ...new Set(batch.map((o) => model.sections.get(o.sectionKey)?.combo ?? '')),
            ])
          ).map((s) => [sectionKey(s.term, s.course, s.combo ?? ''), s]),
        );
        const courseIds = await importData.coursesByNumber(
          q,
          batch.map((o) => o.course),
        );
        const numbers = new Map([...courseIds].map(([number, id]) => [id, number]));
        const clos = new Map(
          (await importData.outcomesOfCourses(q, [...courseIds.values()])).map((c) => [
            outcomeKey(numbers.get(c.courseId) ?? '', c.number),
            c.id,
          ]),
        );
        const existing = new Map(
          (
            await importData.sectionOutcomesOf(
              q,
              [...sections.values()].map((s) => s.id),
            )
          ).map((so) => [`${so.sectionId}|${so.courseOutcomeId}`, so]),
        );
        const added: importData.SectionOutcomeInsert[] = [];
        const results: RowResult[] = [];
        for (const outcome of batch) {
          const section = sections.get(outcome.sectionKey);
          const cloId = clos.get(outcomeKey(outcome.course, outcome.cloNumber));
          if (!section || !cloId) {
            results.push(
              section
                ? missing('CLO', outcomeKey(outcome.course, outcome.cloNumber))
                : missing('Section', model.sections.get(outcome.sectionKey)?.combo ?? ''),
            );
            continue;
          }
          state.touchedSections.add(section.id);
          const current = existing.get(`${section.id}|${cloId}`);
          const { took, passed, tool } = outcome.results;
          if (!current) {
            added.push({
              sectionId: section.id,
              courseOutcomeId: cloId,
              status: section.instructorId ? 'assigned' : 'unassigned',
              took,
              passed,
              tool,
            });
            results.push({ outcome: 'created' });
            continue;
          }
          const next = {
            took: took ?? current.took,
            passed: passed ?? current.passed,
            tool: tool ?? current.tool,
          };
          if (
            next.took === current.took &&
            next.passed === current.passed &&
            next.tool === current.tool
          ) {
            results.push({ outcome: 'unchanged' });
            continue;
          }
          await importData.updateSectionOutcome(q, current.id, next);
          results.push({ outcome: 'updated' });
        }
        if (added.length > 0) {
          await importData.insertSectionOutcomes(q, ctx.tenantId, added);
        }
        return results;
      },
    );
    await ctx.transaction(async (q) => {
      const sectionIds = [...state.touchedSections];
      for (let i = 0; i < sectionIds.length; i += ctx.options.batchSize) {
        const chunk = sectionIds.slice(i, i + ctx.options.batchSize);
        ctx.count('created', await createForSections(q, ctx.tenantId, chunk));
        await importData.submitComplete(q, ctx.tenantId, chunk, state.actor);
      }
    });
  },
});
