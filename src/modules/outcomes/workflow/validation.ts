import type { OutcomeStatus, SectionStatus } from '../enums.js';
import { passRate } from '../reports/pass-rate.js';
import { isEditable } from './transitions.js';

/*
 * The submit checks of DOMAIN.md §3.2, as pure functions over a section's numbers and its
 * outcomes. Errors block a submit; warnings are shown but never block. Drafts are saved whatever
 * these say.
 */

export const ISSUE_FIELDS = [
  'took',
  'passed',
  'tool',
  'passedCount',
  'dficCount',
  'reconcileNote',
] as const;
export type IssueField = (typeof ISSUE_FIELDS)[number];

/** One problem, naming the CLO (null for the section's own numbers) and the field. */
export interface Issue {
  outcomeId: string | null;
  cloNumber: number | null;
  field: IssueField;
  message: string;
}

export interface Validation {
  errors: Issue[];
  warnings: Issue[];
}

export interface SectionNumbers {
  enrollment: number | null;
  withdrawals: number | null;
  passedCount: number | null;
  dficCount: number | null;
  cannotReconcile: boolean;
  reconcileNote: string | null;
}

export interface OutcomeNumbers {
  id: string;
  cloNumber: number;
  took: number | null;
  passed: number | null;
  tool: string | null;
  status: OutcomeStatus;
}

const blank = (text: string | null) => text === null || text.trim() === '';

/** Students who stayed: enrollment − withdrawals (withdrawals unknown count as 0); null without enrollment. */
export const studentsCompleting = (section: SectionNumbers) =>
  section.enrollment === null ? null : section.enrollment - (section.withdrawals ?? 0);

/**
 * The outcomes a submit would check: those the instructor can still submit; when none is left
 * (all submitted, approved or NCI), every outcome that is not NCI, so reviewers see the state of
 * the numbers. NCI outcomes carry no data and are never checked.
 */
export function outcomesInPlay<T extends { status: OutcomeStatus }>(outcomes: readonly T[]) {
  const editable = outcomes.filter((o) => isEditable(o.status));
  return editable.length > 0 ? editable : outcomes.filter((o) => o.status !== 'never_coming_in');
}

function outcomeIssues(outcome: OutcomeNumbers, completing: number | null): Validation {
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  const issue = (field: IssueField, message: string): Issue => ({
    outcomeId: outcome.id,
    cloNumber: outcome.cloNumber,
    field,
    message: `CLO ${String(outcome.cloNumber)}: ${message}`,
  });
  const { took, passed } = outcome;
  if (took === null) errors.push(issue('took', 'enter how many students took the assessment'));
  if (passed === null) errors.push(issue('passed', 'enter how many students passed'));
  if (blank(outcome.tool)) errors.push(issue('tool', 'name the assessment tool'));
  if (took !== null && passed !== null && passed > took) {
    errors.push(
      issue(
        'passed',
        `students passed (${String(passed)}) cannot exceed students who took it (${String(took)})`,
      ),
    );
  }
  if (took !== null && completing !== null && took > completing) {
    warnings.push(
      issue(
        'took',
        `students who took it (${String(took)}) exceed enrollment minus withdrawals (${String(completing)})`,
      ),
    );
  }
  return { errors, warnings };
}

function sectionIssues(section: SectionNumbers): Issue[] {
  const issue = (field: IssueField, message: string): Issue => ({
    outcomeId: null,
    cloNumber: null,
    field,
    message,
  });
  const errors: Issue[] = [];
  if (section.passedCount === null) {
    errors.push(issue('passedCount', 'Enter how many students passed the course (A, B or C)'));
  }
  if (section.dficCount === null) {
    errors.push(issue('dficCount', 'Enter how many students had D, F or Incomplete'));
  }
  if (section.cannotReconcile && blank(section.reconcileNote)) {
    errors.push(issue('reconcileNote', 'Explain why the numbers do not reconcile'));
  }
  const completing = studentsCompleting(section);
  const flagged = section.cannotReconcile && !blank(section.reconcileNote);
  if (
    !flagged &&
    completing !== null &&
    section.passedCount !== null &&
    section.dficCount !== null &&
    section.passedCount + section.dficCount !== completing
  ) {
    const sum = section.passedCount + section.dficCount;
    errors.push(
      issue(
        'dficCount',
        `Passed + D/F/I (${String(sum)}) must equal enrollment minus withdrawals (${String(completing)}), or flag that the numbers do not reconcile and explain why`,
      ),
    );
  }
  return errors;
}

/** The §3.2 checks of a submit: the section's numbers, then each outcome in play by CLO number. */
export function validateSubmission(
  section: SectionNumbers,
  outcomes: readonly OutcomeNumbers[],
): Validation {
  const completing = studentsCompleting(section);
  const errors = sectionIssues(section);
  const warnings: Issue[] = [];
  const checked = [...outcomesInPlay(outcomes)].sort((a, b) => a.cloNumber - b.cloNumber);
  for (const outcome of checked) {
    const found = outcomeIssues(outcome, completing);
    errors.push(...found.errors);
    warnings.push(...found.warnings);
  }
  return { errors, warnings };
}

/** An outcome counts as complete when its took, passed and tool are set, or when it is NCI. */
export const isComplete = (outcome: Omit<OutcomeNumbers, 'id' | 'cloNumber'>) =>
  outcome.status === 'never_coming_in' ||
  (outcome.took !== null && outcome.passed !== null && !blank(outcome.tool));

/**
 * One outcome's pass rate as a fraction (passed ÷ took, 0–1): null when took is unknown or 0, or
 * passed is unknown — never 0 for missing data. Same rule as the reports' `passRate` (§3.3).
 */
export function outcomeRate(outcome: { took: number | null; passed: number | null }) {
  if (outcome.passed === null) return null;
  const percent = passRate([outcome]);
  return percent === null ? null : percent / 100;
}

/**
 * A section's rollup of its outcomes (§3.2), in the order the rules are given; the same rule as
 * the SQL `sectionStatus` of data/sections.ts, which lists use.
 */
export function sectionStatusOf(
  outcomes: readonly Omit<OutcomeNumbers, 'id' | 'cloNumber'>[],
): SectionStatus {
  if (outcomes.length === 0) return 'not_started';
  const statuses = outcomes.map((o) => o.status);
  if (statuses.includes('needs_rework')) return 'needs_rework';
  if (statuses.every((s) => s === 'never_coming_in')) return 'nci';
  if (statuses.every((s) => s === 'approved')) return 'approved';
  if (statuses.every((s) => s === 'submitted' || s === 'approved' || s === 'never_coming_in')) {
    return 'submitted';
  }
  const hasData = outcomes.some(
    (o) =>
      (o.status !== 'unassigned' && o.status !== 'assigned') ||
      o.took !== null ||
      o.passed !== null ||
      o.tool !== null,
  );
  return hasData ? 'in_progress' : 'not_started';
}
