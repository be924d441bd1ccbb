import type { ImportPipeline } from '../../../../core/imports/types.js';
import type { Actor } from '../../data/section-outcomes.js';
import { CLO_RESULTS_REPORT } from '../../reports/names.js';
import type { CeiRunState } from './state.js';
import { coursesStep } from './steps/courses.js';
import { instructorsStep } from './steps/instructors.js';
import { outcomesStep } from './steps/outcomes.js';
import { readStep } from './steps/read.js';
import { sectionOutcomesStep } from './steps/section-outcomes.js';
import { sectionsStep } from './steps/sections.js';
import { termsStep } from './steps/terms.js';

/**
 * The CEI import of one run (its steps share the read step's model): read and check the whole
 * workbook, then terms, courses, instructors, CLOs, sections and section outcomes.
 */
export function ceiPipeline(actor: Actor) {
  const state: CeiRunState = { actor, touchedSections: new Set() };
  const pipeline: ImportPipeline = {
    name: 'outcomes',
    steps: [
      readStep(state),
      termsStep(state),
      coursesStep(state),
      instructorsStep(state),
      outcomesStep(state),
      sectionsStep(state),
      sectionOutcomesStep(state),
    ],
    affects: [CLO_RESULTS_REPORT],
  };
  return { pipeline, warnings: () => state.model?.warnings ?? [] };
}
