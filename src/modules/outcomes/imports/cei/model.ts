import type { RowResult, SourceRow } from '../../../../core/imports/types.js';
import { CEI_COLUMNS } from './columns.js';
import { parseCeiRow, type CeiRow } from './parse-row.js';

/** A problem that does not stop a row (e.g. an exact duplicate imported once). */
export interface CeiWarning {
  file: string;
  row: number;
  code: string;
  message: string;
}

export interface CeiInstructor {
  key: string;
  email: string | null;
  name: string;
  first: SourceRow;
}

/** A section: one distinct combo of a course in a term. */
export interface CeiSection {
  key: string;
  term: string;
  course: string;
  combo: string;
  enrollment: number | null;
  withdrawals: number | null;
  instructorKey: string | null;
  dueDate: string | null;
  results: CeiRow['section'];
  first: SourceRow;
}

export interface CeiOutcome {
  course: string;
  number: number;
  description: string;
  first: SourceRow;
}

/** A section outcome: one CLO of one combo. */
export interface CeiSectionOutcome {
  sectionKey: string;
  course: string;
  cloNumber: number;
  results: CeiRow['outcome'];
  first: SourceRow;
}

/** What the whole file holds once validated, each entity once, in order of first appearance. */
export interface CeiModel {
  /** Every data row with its outcome in the read step. */
  rows: { source: SourceRow; result: RowResult }[];
  terms: Map<string, SourceRow>;
  courses: Map<string, SourceRow>;
  instructors: Map<string, CeiInstructor>;
  outcomes: Map<string, CeiOutcome>;
  sections: Map<string, CeiSection>;
  sectionOutcomes: Map<string, CeiSectionOutcome>;
  warnings: CeiWarning[];
}

export const sectionKey = (term: string, course: string, combo: string) =>
  `${term}|${course}|${combo}`;
export const outcomeKey = (course: string, number: number) => `${course}.${String(number)}`;
export const instructorKey = (instructor: { email: string | null; name: string }) =>
  instructor.email ? `email:${instructor.email}` : `name:${instructor.name.toLowerCase()}`;

const numbers = (row: CeiRow) =>
  `${CEI_COLUMNS.enrollment} ${String(row.enrollment ?? 'blank')} / ${CEI_COLUMNS.withdrawals} ${String(row.withdrawals ?? 'blank')}`;
const sameNumbers = (a: CeiRow, b: CeiRow) =>
  a.enrollment === b.enrollment && a.withdrawals === b.withdrawals;

/** The first non-null value of each field across a combo's rows. */
function mergeResults<T extends Record<string, unknown>>(into: T, from: T): T {
  const merged = { ...into };
  for (const key of Object.keys(from) as (keyof T)[]) merged[key] ??= from[key];
  return merged;
}

/**
 * Validates the rows of a CEI feed against the rules of §3.4 and gathers its entities. A row
 * with a bad value fails alone; an exact (combo, CLO) duplicate is a warning and imported once;
 * a combo whose rows disagree on enrollment or withdrawals fails whole (none of its rows is
 * imported), so no section is half-written.
 */
export function buildCeiModel(sources: readonly SourceRow[]): CeiModel {
  const rows: CeiModel['rows'] = [];
  const warnings: CeiWarning[] = [];
  const accepted: CeiRow[] = [];
  const byPair = new Map<string, CeiRow>();
  const firstOfCombo = new Map<string, CeiRow>();
  const rejectedCombos = new Map<string, string>();
  const resultOf = new Map<SourceRow, RowResult>();

  for (const source of sources) {
    rows.push({ source, result: { outcome: 'unchanged' } });
    const parsed = parseCeiRow(source);
    if (!parsed.ok) {
      resultOf.set(source, { outcome: 'failed', ...parsed.failure });
      continue;
    }
    const row = parsed.value;
    const combo = sectionKey(row.term, row.course, row.combo);
    const pair = `${combo}|${String(row.cloNumber)}`;
    const earlier = byPair.get(pair);
    if (earlier) {
      const differs = sameNumbers(earlier, row)
        ? ''
        : `; its ${numbers(row)} differ from row ${String(earlier.source.row)}'s ${numbers(earlier)}, which were kept`;
      warnings.push({
        file: source.file,
        row: source.row,
        code: 'duplicate_row',
        message: `Duplicate of row ${String(earlier.source.row)} (combo ${row.combo}, CLO ${outcomeKey(row.course, row.cloNumber)}): imported once${differs}`,
      });
      resultOf.set(source, { outcome: 'skipped' });
      continue;
    }
    const first = firstOfCombo.get(combo);
    if (first && !sameNumbers(first, row)) {
      const message = `${numbers(row)} conflict with ${numbers(first)} on row ${String(first.source.row)} of the same combo ${row.combo}; the combo is not imported`;
      resultOf.set(source, {
        outcome: 'failed',
        column:
          first.enrollment === row.enrollment ? CEI_COLUMNS.withdrawals : CEI_COLUMNS.enrollment,
        value: String(
          (first.enrollment === row.enrollment ? row.withdrawals : row.enrollment) ?? '',
        ),
        code: 'conflicting_enrollment',
        message,
      });
      rejectedCombos.set(combo, `row ${String(source.row)}`);
      continue;
    }
    if (!first) firstOfCombo.set(combo, row);
    byPair.set(pair, row);
    accepted.push(row);
  }

  const model: CeiModel = {
    rows,
    terms: new Map(),
    courses: new Map(),
    instructors: new Map(),
    outcomes: new Map(),
    sections: new Map(),
    sectionOutcomes: new Map(),
    warnings,
  };
  for (const row of accepted) {
    const key = sectionKey(row.term, row.course, row.combo);
    const conflict = rejectedCombos.get(key);
    if (conflict) {
      resultOf.set(row.source, {
        outcome: 'failed',
        column: CEI_COLUMNS.combo,
        value: row.combo,
        code: 'combo_rejected',
        message: `Not imported: combo ${row.combo} has conflicting ${CEI_COLUMNS.enrollment} or ${CEI_COLUMNS.withdrawals} (${conflict})`,
      });
      continue;
    }
    addRow(model, row, key);
  }
  for (const entry of rows) entry.result = resultOf.get(entry.source) ?? entry.result;
  return model;
}

/**
 * Where an entity came from, without the row's values: errors of later steps name the row, and
 * the whole file's values need not stay in memory.
 */
const origin = (source: SourceRow): SourceRow => ({
  file: source.file,
  row: source.row,
  values: {},
});

function addRow(model: CeiModel, row: CeiRow, key: string) {
  const source = origin(row.source);
  if (!model.terms.has(row.term)) model.terms.set(row.term, source);
  if (!model.courses.has(row.course)) model.courses.set(row.course, source);
  const instructor = row.instructor ? instructorKey(row.instructor) : null;
  if (row.instructor && instructor && !model.instructors.has(instructor)) {
    model.instructors.set(instructor, { key: instructor, ...row.instructor, first: source });
  }
  const clo = outcomeKey(row.course, row.cloNumber);
  const known = model.outcomes.get(clo);
  if (!known) {
    model.outcomes.set(clo, {
      course: row.course,
      number: row.cloNumber,
      description: row.cloText,
      first: source,
    });
  } else if (known.description !== row.cloText) {
    model.warnings.push({
      file: source.file,
      row: source.row,
      code: 'clo_text_differs',
      message: `The text of ${clo} differs from row ${String(known.first.row)}; the first one is used`,
    });
  }
  const section = model.sections.get(key);
  if (section) {
    section.results = mergeResults(section.results, row.section);
    section.dueDate ??= row.dueDate;
  } else {
    model.sections.set(key, {
      key,
      term: row.term,
      course: row.course,
      combo: row.combo,
      enrollment: row.enrollment,
      withdrawals: row.withdrawals,
      instructorKey: instructor,
      dueDate: row.dueDate,
      results: row.section,
      first: source,
    });
  }
  model.sectionOutcomes.set(`${key}|${String(row.cloNumber)}`, {
    sectionKey: key,
    course: row.course,
    cloNumber: row.cloNumber,
    results: row.outcome,
    first: source,
  });
}
