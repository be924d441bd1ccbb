import { studentsOf } from '../sections/SectionView';
import type { DraftInput, Issue, OutcomeStatus, SectionDetail } from '../types';

/** What the instructor fills in for one CLO. */
export interface OutcomeValues {
  took: number | null;
  passed: number | null;
  tool: string;
}

/** What the instructor fills in for the section. */
export interface SectionValues {
  passedCount: number | null;
  dficCount: number | null;
  cannotReconcile: boolean;
  reconcileNote: string;
  celebrations: string;
  challenges: string;
  changes: string;
}

export type SectionField = keyof SectionValues;
export type OutcomeField = keyof OutcomeValues;

export interface WorkValues {
  section: SectionValues;
  outcomes: Record<string, OutcomeValues>;
}

/** Changes not yet saved: the fields touched since the last save, by section and by CLO. */
export interface Patch {
  section: Partial<SectionValues>;
  outcomes: Record<string, Partial<OutcomeValues>>;
}

export const emptyPatch = (): Patch => ({ section: {}, outcomes: {} });

/** The group whose checks depend on each other: the section's numbers, or one CLO. */
export const SECTION_GROUP = 'section';

/** CLOs the instructor may change (DOMAIN §3.2); the others are shown read-only. */
export const EDITABLE: readonly OutcomeStatus[] = ['assigned', 'in_progress', 'needs_rework'];

export function valuesOf(section: SectionDetail): WorkValues {
  return {
    section: {
      passedCount: section.passedCount,
      dficCount: section.dficCount,
      cannotReconcile: section.cannotReconcile,
      reconcileNote: section.reconcileNote ?? '',
      celebrations: section.celebrations ?? '',
      challenges: section.challenges ?? '',
      changes: section.changes ?? '',
    },
    outcomes: Object.fromEntries(
      section.outcomes.map((o) => [o.id, { took: o.took, passed: o.passed, tool: o.tool ?? '' }]),
    ),
  };
}

/** Later changes win over earlier ones. */
export function mergePatch(earlier: Patch, later: Patch): Patch {
  const outcomes = { ...earlier.outcomes };
  for (const [id, change] of Object.entries(later.outcomes)) {
    outcomes[id] = { ...outcomes[id], ...change };
  }
  return { section: { ...earlier.section, ...later.section }, outcomes };
}

export const isEmptyPatch = (patch: Patch) =>
  Object.keys(patch.section).length === 0 && Object.keys(patch.outcomes).length === 0;

/** The groups a patch touches (see SECTION_GROUP). */
export function groupsOf(patch: Patch): string[] {
  const numbers: SectionField[] = ['passedCount', 'dficCount', 'cannotReconcile', 'reconcileNote'];
  const touchesNumbers = numbers.some((field) => field in patch.section);
  return [...(touchesNumbers ? [SECTION_GROUP] : []), ...Object.keys(patch.outcomes)];
}

const textOrNull = (text: string) => (text.trim() === '' ? null : text);

/** The body of `PUT /draft` for a patch: blank text clears the field. */
export function draftInputOf(patch: Patch): DraftInput {
  const input: DraftInput = {};
  const s = patch.section;
  if ('passedCount' in s) input.passedCount = s.passedCount;
  if ('dficCount' in s) input.dficCount = s.dficCount;
  if (s.cannotReconcile !== undefined) input.cannotReconcile = s.cannotReconcile;
  if (s.reconcileNote !== undefined) input.reconcileNote = textOrNull(s.reconcileNote);
  if (s.celebrations !== undefined) input.celebrations = textOrNull(s.celebrations);
  if (s.challenges !== undefined) input.challenges = textOrNull(s.challenges);
  if (s.changes !== undefined) input.changes = textOrNull(s.changes);
  const outcomes = Object.entries(patch.outcomes).map(([id, change]) => ({
    id,
    ...('took' in change ? { took: change.took } : {}),
    ...('passed' in change ? { passed: change.passed } : {}),
    ...(change.tool !== undefined ? { tool: textOrNull(change.tool) } : {}),
  }));
  if (outcomes.length > 0) input.outcomes = outcomes;
  return input;
}

export interface Checks {
  errors: Issue[];
  warnings: Issue[];
}

export const TOOL_MAX = 50;

/**
 * The §3.2 submit checks of one CLO, at once on what the instructor typed; worded as the server's
 * (src/modules/outcomes/workflow/validation.ts), which replace them once the draft is saved.
 */
export function checkOutcome(
  section: SectionDetail,
  outcomeId: string,
  values: OutcomeValues,
): Checks {
  const outcome = section.outcomes.find((o) => o.id === outcomeId);
  const checks: Checks = { errors: [], warnings: [] };
  if (!outcome || !EDITABLE.includes(outcome.status)) return checks;
  const number = outcome.courseOutcome.number;
  const issue = (field: string, message: string): Issue => ({
    outcomeId,
    cloNumber: number,
    field,
    message: `CLO ${String(number)}: ${message}`,
  });
  const { took, passed, tool } = values;
  if (took === null)
    checks.errors.push(issue('took', 'enter how many students took the assessment'));
  if (passed === null) checks.errors.push(issue('passed', 'enter how many students passed'));
  if (tool.trim() === '') checks.errors.push(issue('tool', 'name the assessment tool'));
  else if (tool.length > TOOL_MAX)
    checks.errors.push(
      issue('tool', `the assessment tool has at most ${String(TOOL_MAX)} characters`),
    );
  if (took !== null && passed !== null && passed > took) {
    checks.errors.push(
      issue(
        'passed',
        `students passed (${String(passed)}) cannot exceed students who took it (${String(took)})`,
      ),
    );
  }
  const students = studentsOf(section);
  if (took !== null && students !== null && took > students) {
    checks.warnings.push(
      issue(
        'took',
        `students who took it (${String(took)}) exceed enrollment minus withdrawals (${String(students)})`,
      ),
    );
  }
  return checks;
}

/** The §3.2 submit checks of the section's numbers: passed + D/F/I = students, or a note. */
export function checkSection(section: SectionDetail, values: SectionValues): Checks {
  const checks: Checks = { errors: [], warnings: [] };
  const issue = (field: string, message: string): Issue => ({
    outcomeId: null,
    cloNumber: null,
    field,
    message,
  });
  const { passedCount, dficCount, cannotReconcile } = values;
  const noted = values.reconcileNote.trim() !== '';
  if (passedCount === null) {
    checks.errors.push(
      issue('passedCount', 'Enter how many students passed the course (A, B or C)'),
    );
  }
  if (dficCount === null) {
    checks.errors.push(issue('dficCount', 'Enter how many students had D, F or Incomplete'));
  }
  if (cannotReconcile && !noted) {
    checks.errors.push(issue('reconcileNote', 'Explain why the numbers do not reconcile'));
  }
  const students = studentsOf(section);
  if (
    !(cannotReconcile && noted) &&
    students !== null &&
    passedCount !== null &&
    dficCount !== null &&
    passedCount + dficCount !== students
  ) {
    checks.errors.push(
      issue(
        'dficCount',
        `Passed + D/F/I (${String(passedCount + dficCount)}) must equal enrollment minus withdrawals (${String(students)}), or flag that the numbers do not reconcile and explain why`,
      ),
    );
  }
  return checks;
}

const groupOf = (issue: Issue) => issue.outcomeId ?? SECTION_GROUP;

/**
 * The problems to show: the server's (from the last save) for what has not changed since, and the
 * checks of what the instructor typed for the groups still being saved.
 */
export function mergeChecks(
  section: SectionDetail,
  values: WorkValues,
  dirtyGroups: ReadonlySet<string>,
): Checks {
  const server = section.validation;
  const merged: Checks = {
    errors: server.errors.filter((i) => !dirtyGroups.has(groupOf(i))),
    warnings: server.warnings.filter((i) => !dirtyGroups.has(groupOf(i))),
  };
  for (const group of dirtyGroups) {
    const local =
      group === SECTION_GROUP
        ? checkSection(section, values.section)
        : values.outcomes[group]
          ? checkOutcome(section, group, values.outcomes[group])
          : { errors: [], warnings: [] };
    merged.errors.push(...local.errors);
    merged.warnings.push(...local.warnings);
  }
  return merged;
}

/** The id of the input an issue is about, to focus it from the list of problems. */
export const inputIdOf = (outcomeId: string | null, field: string) =>
  `work-${outcomeId ?? SECTION_GROUP}-${field}`;
