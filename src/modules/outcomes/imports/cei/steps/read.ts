import {
  ImportStepError,
  type ImportStep,
  type SourceRow,
} from '../../../../../core/imports/types.js';
import { recordResults } from '../entities.js';
import { buildCeiModel } from '../model.js';
import { CEI_OBJECT } from '../source.js';
import type { CeiRunState } from '../state.js';

/**
 * Reads and checks the whole workbook before anything is written: row errors fail their rows,
 * duplicate rows are skipped (with a warning), valid rows count as `unchanged` (read, nothing
 * written by this step).
 */
export const readStep = (state: CeiRunState): ImportStep => ({
  name: 'read',
  dependsOn: [],
  reads: [CEI_OBJECT],
  async run(ctx) {
    const rows: SourceRow[] = [];
    for await (const row of ctx.source.rows(CEI_OBJECT, { fields: [], required: [] })) {
      rows.push(row);
    }
    if (rows.length === 0) {
      throw new ImportStepError(
        `${ctx.source.describe()} has no data rows under its header`,
        'empty_file',
      );
    }
    const model = buildCeiModel(rows);
    await recordResults(ctx, model.rows);
    for (const warning of model.warnings) ctx.log.warn({ warning }, warning.message);
    // The rows' results are recorded: only the entities stay for the next steps.
    state.model = { ...model, rows: [] };
  },
});
