import type { ImportStep } from '../../../core/imports/types.js';
import { linkUnaffiliatedEvents } from '../data/events.js';

/**
 * Events with no school and no matching district get the district most frequent among the
 * schools of the students who attended (ties: alphabetical first).
 */
export const linkUnaffiliatedEventsStep: ImportStep = {
  name: 'link_unaffiliated_events',
  dependsOn: ['events'],
  reads: [],
  async run(ctx) {
    const { considered, changed } = await ctx.transaction((tx) =>
      linkUnaffiliatedEvents(tx, ctx.tenantId),
    );
    ctx.count('updated', changed);
    ctx.count('unchanged', considered - changed);
  },
};
