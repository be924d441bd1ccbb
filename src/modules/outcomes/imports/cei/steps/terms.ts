import type { ImportStep } from '../../../../../core/imports/types.js';
import * as importData from '../../../data/cei-import.js';
import { defaultTermDates, termName } from '../../../rules/term-code.js';
import { processEntities, required } from '../entities.js';
import type { CeiRunState } from '../state.js';

/** The offering terms (`Term`), created with the season's usual dates when new. */
export const termsStep = (state: CeiRunState): ImportStep => ({
  name: 'terms',
  dependsOn: ['read'],
  reads: [],
  async run(ctx) {
    const model = required(state.model);
    await processEntities(
      ctx,
      [...model.terms.keys()],
      (code) => required(model.terms.get(code)),
      async (q, codes) => {
        const known = await importData.termsByCode(q, codes);
        const added = codes.filter((code) => !known.has(code));
        if (added.length > 0) {
          await importData.insertTerms(
            q,
            ctx.tenantId,
            added.map((code) => ({ code, name: termName(code), ...defaultTermDates(code) })),
          );
        }
        return codes.map((code) => ({ outcome: known.has(code) ? 'unchanged' : 'created' }));
      },
    );
  },
});
