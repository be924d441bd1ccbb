import type { ImportPipeline, ImportStep } from '../../../core/imports/types.js';
import { UPSERTS, type LookupCache } from '../data/transfer-import.js';
import { CLO_RESULTS_REPORT } from '../reports/names.js';
import { FILE_ORDER, FILES, type TransferFile } from './format.js';

/** Files whose rows refer to another file's, for the plan's order. */
const DEPENDS: Partial<Record<TransferFile, TransferFile[]>> = {
  course_programs: ['courses', 'programs'],
  users: ['programs'],
  outcomes: ['courses'],
  offerings: ['courses', 'terms'],
  sections: ['offerings', 'instructors'],
  section_outcomes: ['sections', 'outcomes'],
  section_outcome_history: ['section_outcomes'],
  plos: ['programs'],
  plo_mappings: ['programs'],
  plo_mapping_entries: ['plo_mappings', 'plos', 'outcomes'],
};

const step = (file: TransferFile): ImportStep => ({
  name: file,
  dependsOn: DEPENDS[file] ?? [],
  reads: [file],
  async run(ctx) {
    const columns = FILES[file];
    await ctx.processRows(
      ctx.source.rows(file, { fields: columns, required: columns }),
      async (q, batch) => {
        const cache: LookupCache = new Map();
        const results = [];
        for (const row of batch) {
          results.push(await UPSERTS[file](q, ctx.tenantId, row.values, cache));
        }
        return results;
      },
    );
  },
});

/** The generic import (§3.5): one step per file of the export, matched by natural keys. */
export const genericPipeline: ImportPipeline = {
  name: 'outcomes',
  steps: FILE_ORDER.map(step),
  affects: [CLO_RESULTS_REPORT],
};
