import type { Actor } from '../../data/section-outcomes.js';
import type { CeiModel } from './model.js';

/** What the steps of one CEI run share: the read step's model, and who imports. */
export interface CeiRunState {
  actor: Actor;
  model?: CeiModel;
  /** Sections whose outcomes the run touched (for the final completeness pass). */
  touchedSections: Set<string>;
}
