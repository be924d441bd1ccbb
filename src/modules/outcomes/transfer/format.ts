/**
 * The generic outcomes export (DOMAIN.md §3.5): a zip of CSV files plus manifest.json. Records
 * refer to each other by natural keys (course number, term code, program name…), never by
 * database ids, so a file reads well and imports into any institution.
 */
export const FORMAT = 'eduledger-outcomes';
export const FORMAT_VERSION = 1;

/** Each file (without `.csv`) with its columns, in import order. */
export const FILES = {
  programs: ['name', 'short_name', 'description', 'is_default'],
  courses: ['number', 'title', 'credit_hours'],
  course_programs: ['course_number', 'program_name'],
  terms: ['code', 'name', 'start_date', 'end_date', 'due_date'],
  instructors: ['name', 'email'],
  users: ['email', 'name', 'role', 'programs'],
  outcomes: ['course_number', 'number', 'description', 'is_active'],
  offerings: ['course_number', 'term_code'],
  sections: [
    'course_number',
    'term_code',
    'number',
    'combo',
    'instructor_email',
    'instructor_name',
    'enrollment',
    'withdrawals',
    'passed_count',
    'dfic_count',
    'cannot_reconcile',
    'reconcile_note',
    'celebrations',
    'challenges',
    'changes',
    'due_date',
  ],
  section_outcomes: [
    'course_number',
    'term_code',
    'section_number',
    'outcome_number',
    'took',
    'passed',
    'tool',
    'status',
    'nci_reason',
  ],
  section_outcome_history: [
    'course_number',
    'term_code',
    'section_number',
    'outcome_number',
    'action',
    'from_status',
    'to_status',
    'comment',
    'actor',
    'occurred_at',
  ],
  plos: ['program_name', 'number', 'description'],
  plo_mappings: ['program_name', 'status', 'version', 'published_at'],
  plo_mapping_entries: [
    'program_name',
    'mapping_version',
    'course_number',
    'outcome_number',
    'plo_number',
  ],
} as const;

export type TransferFile = keyof typeof FILES;
export const FILE_ORDER = Object.keys(FILES) as TransferFile[];

export type Cell = string | number | boolean | null;
export type TransferRow = Record<string, Cell>;

/** Several values in one cell (a user's programs). */
export const LIST_SEPARATOR = ';';

export interface Manifest {
  format: typeof FORMAT;
  formatVersion: number;
  institution: { slug: string; name: string };
  exportedAt: string;
  order: TransferFile[];
  counts: Record<TransferFile, number>;
}
