import type { MembershipRole } from '../../session/types';
import type { RunStatus } from '../../imports/types';
import type { InstructorStatus, OutcomeStatus, SectionStatus, Term } from '../types';

export interface StatusCounts<S extends string> {
  total: number;
  byStatus: Record<S, number>;
}

export interface OutcomeCounts extends StatusCounts<OutcomeStatus> {
  /** Approved + never coming in. */
  complete: number;
  /** complete ÷ total × 100 (one decimal); null without outcomes. */
  percentComplete: number | null;
}

export interface DashboardNumbers {
  sections: StatusCounts<SectionStatus>;
  outcomes: OutcomeCounts;
}

export interface ProgramNumbers extends DashboardNumbers {
  id: string;
  name: string;
  shortName: string | null;
  isDefault: boolean;
}

export interface RecentImport {
  id: string;
  pipeline: string;
  source: string;
  mode: 'commit' | 'validate';
  status: RunStatus;
  createdAt: string;
  finishedAt: string | null;
  read: number;
  created: number;
  updated: number;
  failed: number;
}

export interface FacultyRow {
  id: string;
  name: string;
  email: string | null;
  status: InstructorStatus;
  sectionCount: number;
  /** Sections submitted, approved or never coming in. */
  submittedCount: number;
}

export interface UnassignedSection {
  id: string;
  number: string;
  course: { id: string; number: string; title: string | null };
  dueDate: string | null;
  outcomeCount: number;
}

/** Body of `GET /api/outcomes/dashboard`. */
export interface OutcomesDashboard {
  /** The term of the numbers; null when the institution has no terms. */
  termId: string | null;
  scope: 'all' | 'programs';
  terms: Term[];
  programs: ProgramNumbers[];
  totals: DashboardNumbers;
  /** Tenant admins only. */
  members: { role: MembershipRole; members: number; pending: number }[] | null;
  /** Those who may read imports only. */
  imports: RecentImport[] | null;
  /** Program admins only. */
  faculty: FacultyRow[] | null;
  /** Program admins only. */
  unassigned: { items: UnassignedSection[]; total: number } | null;
}
