/** The outcomes API's records (src/modules/outcomes/routes/replies.ts). */

export interface Program {
  id: string;
  name: string;
  shortName: string | null;
  description: string | null;
  isDefault: boolean;
  courseCount: number;
}

export interface NamedRef {
  id: string;
  name: string;
}

export interface Course {
  id: string;
  number: string;
  title: string | null;
  creditHours: number;
  outcomeCount: number;
  offeringCount: number;
  programs: NamedRef[];
}

export interface CourseOutcome {
  id: string;
  courseId: string;
  number: number;
  description: string;
  isActive: boolean;
  resultCount: number;
}

export interface CourseDetail extends Course {
  outcomes: CourseOutcome[];
}

export type TermStatus = 'scheduled' | 'active' | 'passed';

export interface Term {
  id: string;
  code: string;
  name: string;
  startDate: string;
  endDate: string;
  dueDate: string | null;
  status: TermStatus;
  offeringCount: number;
}

export interface CourseRef {
  id: string;
  number: string;
  title: string | null;
}

export interface TermRef {
  id: string;
  code: string;
  name: string;
}

export interface Offering {
  id: string;
  course: CourseRef;
  term: TermRef;
  sectionCount: number;
}

export type InstructorStatus = 'active' | 'pending' | 'needs_email';

export interface Instructor {
  id: string;
  name: string;
  email: string | null;
  status: InstructorStatus;
  userId: string | null;
  sectionCount: number;
}

export type SectionStatus =
  'not_started' | 'in_progress' | 'submitted' | 'approved' | 'nci' | 'needs_rework';

export type OutcomeStatus =
  | 'unassigned'
  | 'assigned'
  | 'in_progress'
  | 'submitted'
  | 'approved'
  | 'needs_rework'
  | 'never_coming_in';

export interface Section {
  id: string;
  number: string;
  offeringId: string;
  combo: string | null;
  course: CourseRef;
  term: TermRef;
  instructor: { id: string; name: string; email: string | null; status: InstructorStatus } | null;
  enrollment: number | null;
  withdrawals: number | null;
  passedCount: number | null;
  dficCount: number | null;
  cannotReconcile: boolean;
  reconcileNote: string | null;
  celebrations: string | null;
  challenges: string | null;
  changes: string | null;
  dueDate: string | null;
  status: SectionStatus;
  outcomeCount: number;
}

export interface SectionOutcome {
  id: string;
  courseOutcome: { id: string; number: number; description: string };
  took: number | null;
  passed: number | null;
  tool: string | null;
  status: OutcomeStatus;
  nciReason: string | null;
  updatedAt: string;
}

export type HistoryAction =
  'assign' | 'unassign' | 'edit' | 'submit' | 'approve' | 'request_rework' | 'nci' | 'reopen';

/** One move of a section outcome (DOMAIN §3.2), newest first. */
export interface HistoryEntry {
  id: string;
  sectionOutcomeId: string;
  cloNumber: number;
  /** Known actions have labels; an action this screen does not know is shown as sent. */
  action: HistoryAction | (string & {});
  fromStatus: OutcomeStatus | null;
  toStatus: OutcomeStatus;
  comment: string | null;
  actorLabel: string | null;
  occurredAt: string;
}

/** The fields the §3.2 submit checks speak of. */
export type IssueField = 'took' | 'passed' | 'tool' | 'passedCount' | 'dficCount' | 'reconcileNote';

/** A §3.2 problem: an error blocks the submission, a warning does not. */
export interface Issue {
  outcomeId: string | null;
  cloNumber: number | null;
  field: IssueField | (string & {});
  message: string;
}

export interface SectionDetail extends Section {
  outcomes: SectionOutcome[];
  history: HistoryEntry[];
  /** What the caller may do here: fill in and submit (the instructor), review (admins). */
  can: { edit: boolean; submit: boolean; review: boolean };
  validation: { errors: Issue[]; warnings: Issue[] };
}

/** `PUT /sections/:id/draft`: every field optional, `null` clears it. */
export interface DraftInput {
  passedCount?: number | null;
  dficCount?: number | null;
  cannotReconcile?: boolean;
  reconcileNote?: string | null;
  celebrations?: string | null;
  challenges?: string | null;
  changes?: string | null;
  outcomes?: { id: string; took?: number | null; passed?: number | null; tool?: string | null }[];
}

/** An instructor's own section on "My sections". */
export interface MySection {
  id: string;
  number: string;
  course: CourseRef;
  term: TermRef;
  dueDate: string | null;
  status: SectionStatus;
  /** CLOs with took, passed and tool (or NCI). */
  complete: number;
  total: number;
}

/** A section outcome in the review queue. */
export interface ReviewRow {
  id: string;
  status: OutcomeStatus;
  took: number | null;
  passed: number | null;
  rate: number | null;
  tool: string | null;
  nciReason: string | null;
  updatedAt: string;
  clo: { id: string; number: number; description: string };
  section: { id: string; number: string; dueDate: string | null; status: SectionStatus };
  course: CourseRef;
  term: TermRef;
  instructor: { id: string; name: string; email: string | null } | null;
}

export interface ReviewPage {
  items: ReviewRow[];
  total: number;
  page: number;
  pageSize: number;
  /** Per outcome status, over the filters other than status. */
  counts: Record<OutcomeStatus, number>;
}

export type ReviewAction = 'approve' | 'request_rework' | 'nci' | 'reopen';

/** A refused move of `POST /review/actions` (409 `invalid_transition`). */
export interface RefusedMove {
  id: string;
  status: OutcomeStatus;
  reason: string;
}

export interface ReminderText {
  subject: string;
  message: string;
}

export interface RemindReply {
  bulkJobId: string | null;
  recipients: number;
  skipped: number;
}

export interface ReminderSettings {
  enabled: boolean;
  daysBefore: number[];
  weeklyWhenOverdue: boolean;
}

export interface EntityCounts {
  created: number;
  updated: number;
  unchanged: number;
}

export interface ImportProblem {
  step: string;
  file: string | null;
  row: number | null;
  column: string | null;
  code: string;
  message: string;
}

export interface ImportResult {
  uploadId: string;
  fileName: string;
  runId: string;
  validateOnly: boolean;
  status: 'succeeded' | 'partial' | 'failed' | 'cancelled';
  counts: Record<
    'courses' | 'terms' | 'sections' | 'instructors' | 'outcomes' | 'sectionOutcomes',
    EntityCounts
  >;
  errors: ImportProblem[];
  errorCount: number;
  warnings: ImportProblem[];
  warningCount: number;
}
