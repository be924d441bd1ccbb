/** Value sets of the outcomes entities (DOMAIN.md §3.1, §3.2). */

export const INSTRUCTOR_STATUSES = ['active', 'pending', 'needs_email'] as const;
export type InstructorStatus = (typeof INSTRUCTOR_STATUSES)[number];

export const TERM_STATUSES = ['scheduled', 'active', 'passed'] as const;
export type TermStatus = (typeof TERM_STATUSES)[number];

export const SEASONS = ['FA', 'SP', 'SU', 'WI'] as const;
export type Season = (typeof SEASONS)[number];

/** The assessment workflow of one section outcome (§3.2). */
export const OUTCOME_STATUSES = [
  'unassigned',
  'assigned',
  'in_progress',
  'submitted',
  'approved',
  'needs_rework',
  'never_coming_in',
] as const;
export type OutcomeStatus = (typeof OUTCOME_STATUSES)[number];

/** A section's rollup of its outcomes' statuses (§3.2). */
export const SECTION_STATUSES = [
  'not_started',
  'in_progress',
  'submitted',
  'approved',
  'nci',
  'needs_rework',
] as const;
export type SectionStatus = (typeof SECTION_STATUSES)[number];

export const MAPPING_STATUSES = ['draft', 'published'] as const;
export type MappingStatus = (typeof MAPPING_STATUSES)[number];

/** Longest assessment tool name (§3.1). */
export const TOOL_MAX_LENGTH = 50;
