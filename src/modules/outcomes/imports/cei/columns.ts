import { ImportStepError } from '../../../../core/imports/types.js';

/** The columns of the registrar's CEI feed (DOMAIN.md §3.4), as the feed names them. */
export const CEI_COLUMNS = {
  course: 'course',
  combo: 'combo',
  clo: 'cllo_text',
  enrollment: 'Enrolled Students',
  withdrawals: "Total W's",
  facultyName: 'Faculty Name',
  email: 'email',
  effectiveTerm: 'effterm_c',
  endTerm: 'endterm_c',
  term: 'Term',
  passedCount: 'pass_course',
  dficCount: 'dfic_course',
  dciCount: 'dci_course',
  cannotReconcile: 'cannot reconcile (y/n)',
  tool: 'assessment tool',
  passed: 'passed_c',
  took: 'took_c',
  celebrations: 'celebrations',
  challenges: 'challenges',
  changes: 'changes',
  endDate: 'course enddate',
} as const;

export type CeiField = keyof typeof CEI_COLUMNS;

/** Header matching ignores case and spaces: `Enrolled Students` = `enrolledstudents`. */
export const headerKey = (header: string) => header.toLowerCase().replace(/\s+/g, '');

const FIELD_BY_KEY = new Map(
  (Object.entries(CEI_COLUMNS) as [CeiField, string][]).map(([field, name]) => [
    headerKey(name),
    field,
  ]),
);

/** Column positions of the known fields in a header row (unknown columns are ignored). */
export type HeaderMap = Partial<Record<CeiField, number>>;

export function mapHeader(header: readonly string[]): HeaderMap {
  const map: HeaderMap = {};
  header.forEach((name, index) => {
    const field = FIELD_BY_KEY.get(headerKey(name));
    if (field && map[field] === undefined) map[field] = index;
  });
  return map;
}

/** The required columns the header lacks: course, cllo_text, Term, combo and Faculty Name or email. */
export function missingColumns(map: HeaderMap): string[] {
  const missing: string[] = (['course', 'combo', 'clo', 'term'] as const)
    .filter((field) => map[field] === undefined)
    .map((field) => CEI_COLUMNS[field]);
  if (map.facultyName === undefined && map.email === undefined) {
    missing.push(`${CEI_COLUMNS.facultyName} or ${CEI_COLUMNS.email}`);
  }
  return missing;
}

/** Fails (before any row is read) when required columns are missing, naming every one. */
export function checkCeiHeader(file: string, map: HeaderMap): void {
  const missing = missingColumns(map);
  if (missing.length > 0) {
    throw new ImportStepError(
      `${file} is missing required column${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}`,
      'missing_columns',
    );
  }
}
