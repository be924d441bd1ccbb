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

export interface SectionDetail extends Section {
  outcomes: {
    id: string;
    courseOutcome: { id: string; number: number; description: string };
    took: number | null;
    passed: number | null;
    tool: string | null;
    status: OutcomeStatus;
  }[];
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
