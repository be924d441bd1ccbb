import type { ImportStep } from '../../../../../core/imports/types.js';
import * as importData from '../../../data/cei-import.js';
import { ensureDefault } from '../../../data/programs.js';
import { processEntities, required } from '../entities.js';
import type { CeiRunState } from '../state.js';

/** The courses, new ones in the default program; existing courses are left as they are. */
export const coursesStep = (state: CeiRunState): ImportStep => ({
  name: 'courses',
  dependsOn: ['read'],
  reads: [],
  async run(ctx) {
    const model = required(state.model);
    await processEntities(
      ctx,
      [...model.courses.keys()],
      (number) => required(model.courses.get(number)),
      async (q, numbers) => {
        const known = await importData.coursesByNumber(q, numbers);
        const added = numbers.filter((number) => !known.has(number));
        if (added.length > 0) {
          const program = await ensureDefault(q, ctx.tenantId);
          await importData.insertCourses(q, ctx.tenantId, added, program.id);
        }
        return numbers.map((n) => ({ outcome: known.has(n) ? 'unchanged' : 'created' }));
      },
    );
  },
});
