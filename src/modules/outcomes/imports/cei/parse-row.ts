import type { RowFailure, SourceRow } from '../../../../core/imports/types.js';
import { normalizeEmail } from '../../../../core/users/service.js';
import { TOOL_MAX_LENGTH } from '../../enums.js';
import {
  COURSE_NUMBER_HINT,
  isCourseNumber,
  normalizeCourseNumber,
} from '../../rules/course-number.js';
import { parseTermCode, TERM_CODE_HINT } from '../../rules/term-code.js';
import { CEI_COLUMNS } from './columns.js';

/** One valid row of the feed: a CLO of a section (the combo) in a term. */
export interface CeiRow {
  source: SourceRow;
  course: string;
  combo: string;
  cloNumber: number;
  cloText: string;
  term: string;
  enrollment: number | null;
  withdrawals: number | null;
  instructor: { email: string | null; name: string } | null;
  dueDate: string | null;
  section: {
    passedCount: number | null;
    dficCount: number | null;
    cannotReconcile: boolean | null;
    celebrations: string | null;
    challenges: string | null;
    changes: string | null;
  };
  outcome: { took: number | null; passed: number | null; tool: string | null };
}

export type Failure = Omit<RowFailure, 'outcome'>;
type Parsed<T> = { ok: true; value: T } | { ok: false; failure: Failure };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (column: string, value: string, code: string, message: string): Parsed<never> => ({
  ok: false,
  failure: { column, value, code, message },
});

const CLO = /^([^.:\s]+)\.(\d+)\s*:\s*([\s\S]*\S)\s*$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Excel stores dates as days since 1899-12-30 (its 1900 leap-year bug included). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function count(column: string, raw: string): Parsed<number | null> {
  if (raw === '') return ok(null);
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) {
    return fail(column, raw, 'invalid_number', `${column} must be a whole number, 0 or more`);
  }
  return ok(n);
}

/** `course enddate`: an Excel date serial, or a date cell (read as YYYY-MM-DD). */
export function excelDate(raw: string): string | null | undefined {
  if (raw === '') return null;
  if (/^\d{4}-\d{2}-\d{2}/.test(raw)) return raw.slice(0, 10);
  const serial = Number(raw);
  if (!Number.isFinite(serial) || serial < 1) return undefined;
  return new Date(EXCEL_EPOCH + Math.floor(serial) * 86_400_000).toISOString().slice(0, 10);
}

function yesNo(column: string, raw: string): Parsed<boolean | null> {
  const value = raw.toLowerCase();
  if (value === '') return ok(null);
  if (['y', 'yes', 'true', '1'].includes(value)) return ok(true);
  if (['n', 'no', 'false', '0'].includes(value)) return ok(false);
  return fail(column, raw, 'invalid_value', `${column} must be y or n`);
}

const text = (raw: string) => (raw === '' ? null : raw);

/** The instructor of a row: its email, or else its faculty name (from the column or the combo). */
function instructorOf(values: Record<string, string>, course: string, combo: string) {
  const rawEmail = values[CEI_COLUMNS.email] ?? '';
  const email = rawEmail === '' ? null : normalizeEmail(rawEmail);
  const comboName = combo.startsWith(`${course}:`) ? combo.slice(course.length + 1).trim() : '';
  const name = values[CEI_COLUMNS.facultyName] || comboName || (email?.split('@')[0] ?? '');
  if (!email && !name) return ok(null);
  if (email && !EMAIL.test(email)) {
    return fail(CEI_COLUMNS.email, rawEmail, 'invalid_email', 'email is not a valid address');
  }
  return ok({ email, name: name || (email ?? '') });
}

/** Parses one row; the first problem found is its error. */
export function parseCeiRow(source: SourceRow): Parsed<CeiRow> {
  const v = (column: string) => source.values[column] ?? '';
  for (const column of [CEI_COLUMNS.course, CEI_COLUMNS.combo, CEI_COLUMNS.clo, CEI_COLUMNS.term]) {
    if (v(column) === '') return fail(column, '', 'required', `${column} is empty`);
  }
  const course = normalizeCourseNumber(v(CEI_COLUMNS.course));
  if (!isCourseNumber(course)) {
    return fail(
      CEI_COLUMNS.course,
      v(CEI_COLUMNS.course),
      'invalid_course',
      `course ${COURSE_NUMBER_HINT}`,
    );
  }
  const clo = CLO.exec(v(CEI_COLUMNS.clo));
  if (!clo?.[1] || !clo[2] || !clo[3]) {
    return fail(
      CEI_COLUMNS.clo,
      v(CEI_COLUMNS.clo),
      'invalid_clo',
      'cllo_text must look like "COURSE.N: description"',
    );
  }
  if (normalizeCourseNumber(clo[1]) !== course) {
    return fail(
      CEI_COLUMNS.clo,
      v(CEI_COLUMNS.clo),
      'clo_course_mismatch',
      `cllo_text is for ${clo[1]} but the row's course is ${course}`,
    );
  }
  const term = parseTermCode(v(CEI_COLUMNS.term));
  if (!term)
    return fail(CEI_COLUMNS.term, v(CEI_COLUMNS.term), 'invalid_term', `Term ${TERM_CODE_HINT}`);
  const combo = v(CEI_COLUMNS.combo).replace(/\s+/g, ' ');

  const counts: Record<string, number | null> = {};
  for (const [key, column] of [
    ['enrollment', CEI_COLUMNS.enrollment],
    ['withdrawals', CEI_COLUMNS.withdrawals],
    ['passedCount', CEI_COLUMNS.passedCount],
    ['dficCount', v(CEI_COLUMNS.dficCount) === '' ? CEI_COLUMNS.dciCount : CEI_COLUMNS.dficCount],
    ['took', CEI_COLUMNS.took],
    ['passed', CEI_COLUMNS.passed],
  ] as const) {
    const parsed = count(column, v(column));
    if (!parsed.ok) return parsed;
    counts[key] = parsed.value;
  }
  const dueDate = excelDate(v(CEI_COLUMNS.endDate));
  if (dueDate === undefined) {
    return fail(
      CEI_COLUMNS.endDate,
      v(CEI_COLUMNS.endDate),
      'invalid_date',
      'course enddate must be a date (or an Excel date serial)',
    );
  }
  const reconcile = yesNo(CEI_COLUMNS.cannotReconcile, v(CEI_COLUMNS.cannotReconcile));
  if (!reconcile.ok) return reconcile;
  const tool = v(CEI_COLUMNS.tool);
  if (tool.length > TOOL_MAX_LENGTH) {
    return fail(
      CEI_COLUMNS.tool,
      tool,
      'tool_too_long',
      `assessment tool is at most ${String(TOOL_MAX_LENGTH)} characters`,
    );
  }
  const instructor = instructorOf(source.values, course, combo);
  if (!instructor.ok) return instructor;

  return ok({
    source,
    course,
    combo,
    cloNumber: Number(clo[2]),
    cloText: clo[3],
    term,
    enrollment: counts.enrollment ?? null,
    withdrawals: counts.withdrawals ?? null,
    instructor: instructor.value,
    dueDate,
    section: {
      passedCount: counts.passedCount ?? null,
      dficCount: counts.dficCount ?? null,
      cannotReconcile: reconcile.value,
      celebrations: text(v(CEI_COLUMNS.celebrations)),
      challenges: text(v(CEI_COLUMNS.challenges)),
      changes: text(v(CEI_COLUMNS.changes)),
    },
    outcome: { took: counts.took ?? null, passed: counts.passed ?? null, tool: text(tool) },
  });
}
