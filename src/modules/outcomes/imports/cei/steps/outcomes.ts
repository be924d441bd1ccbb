import type { ImportStep, RowResult } from '../../../../../core/imports/types.js';
import * as importData from '../../../data/cei-import.js';
import { missing, processEntities, required } from '../entities.js';
import type { CeiRunState } from '../state.js';

/** The CLOs of each course, numbered and worded by `cllo_text`; a changed text updates the CLO. */
export const outcomesStep = (state: CeiRunState): ImportStep => ({
  name: 'outcomes',
  dependsOn: ['courses'],
  reads: [],
  async run(ctx) {
    const model = required(state.model);
    await processEntities(
      ctx,
      [...model.outcomes.values()],
      (outcome) => outcome.first,
      async (q, outcomes) => {
        const courseIds = await importData.coursesByNumber(
          q,
          outcomes.map((o) => o.course),
        );
        const existing = new Map(
          (await importData.outcomesOfCourses(q, [...courseIds.values()])).map((o) => [
            `${o.courseId}|${String(o.number)}`,
            o,
          ]),
        );
        const added: { courseId: string; number: number; description: string }[] = [];
        const results: RowResult[] = [];
        for (const outcome of outcomes) {
          const courseId = courseIds.get(outcome.course);
          if (!courseId) {
            results.push(missing('Course', outcome.course));
            continue;
          }
          const known = existing.get(`${courseId}|${String(outcome.number)}`);
          if (!known) {
            added.push({ courseId, number: outcome.number, description: outcome.description });
            results.push({ outcome: 'created' });
          } else if (known.description !== outcome.description || !known.isActive) {
            await importData.updateOutcome(q, known.id, outcome.description);
            results.push({ outcome: 'updated' });
          } else {
            results.push({ outcome: 'unchanged' });
          }
        }
        if (added.length > 0) await importData.insertOutcomes(q, ctx.tenantId, added);
        return results;
      },
    );
  },
});
