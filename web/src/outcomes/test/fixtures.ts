import type { Me } from '../../session/types';
import { meFixture, northCollege } from '../../test/fixtures';
import type {
  Course,
  CourseDetail,
  MySection,
  Offering,
  Program,
  ReviewRow,
  Section,
  SectionDetail,
  SectionOutcome,
  Term,
} from '../types';

/** A signed-in user of North College (outcomes) with a role. */
/** The first screen of a test renders the whole app: give it time on a busy machine. */
export const SLOW = { timeout: 5000 };

export function outcomesMe(
  role: 'tenant_admin' | 'program_admin' | 'instructor' = 'tenant_admin',
): Me {
  return meFixture({
    tenants: [
      { ...northCollege, role, scope: role === 'program_admin' ? { programs: ['p-1'] } : {} },
    ],
    activeTenantId: northCollege.id,
  });
}

export const unclassified: Program = {
  id: 'p-0',
  name: 'Unclassified',
  shortName: null,
  description: null,
  isDefault: true,
  courseCount: 3,
};

export const nursing: Program = {
  id: 'p-1',
  name: 'Nursing',
  shortName: 'NURS',
  description: 'Registered nursing',
  isDefault: false,
  courseCount: 2,
};

export const acc201: Course = {
  id: 'c-1',
  number: 'ACC-201',
  title: 'Principles of Accounting',
  creditHours: 3,
  outcomeCount: 2,
  offeringCount: 1,
  programs: [{ id: 'p-1', name: 'Nursing' }],
};

export const acc201Detail: CourseDetail = {
  ...acc201,
  outcomes: [
    {
      id: 'clo-1',
      courseId: 'c-1',
      number: 1,
      description: 'Complete the accounting cycle',
      isActive: true,
      resultCount: 4,
    },
    {
      id: 'clo-2',
      courseId: 'c-1',
      number: 2,
      description: 'Work in a team',
      isActive: true,
      resultCount: 0,
    },
  ],
};

export const fall2024: Term = {
  id: 't-1',
  code: '2024FA',
  name: 'Fall 2024',
  startDate: '2024-08-15',
  endDate: '2024-12-15',
  dueDate: '2024-12-20',
  status: 'passed',
  offeringCount: 1,
};

export const accFall: Offering = {
  id: 'o-1',
  course: { id: 'c-1', number: 'ACC-201', title: 'Principles of Accounting' },
  term: { id: 't-1', code: '2024FA', name: 'Fall 2024' },
  sectionCount: 2,
};

export const section001: Section = {
  id: 's-1',
  number: '001',
  offeringId: 'o-1',
  combo: 'ACC-201:A. Stau',
  course: { id: 'c-1', number: 'ACC-201', title: 'Principles of Accounting' },
  term: { id: 't-1', code: '2024FA', name: 'Fall 2024' },
  instructor: { id: 'i-1', name: 'A. Stau', email: null, status: 'needs_email' },
  enrollment: 14,
  withdrawals: 1,
  passedCount: null,
  dficCount: null,
  cannotReconcile: false,
  reconcileNote: null,
  celebrations: null,
  challenges: null,
  changes: null,
  dueDate: '2024-12-06',
  status: 'not_started',
  outcomeCount: 2,
};

/** A CLO of section 001, open for the instructor. */
export function outcomeFixture(overrides: Partial<SectionOutcome> = {}): SectionOutcome {
  return {
    id: 'so-1',
    courseOutcome: { id: 'clo-1', number: 1, description: 'Complete the accounting cycle' },
    took: null,
    passed: null,
    tool: null,
    status: 'assigned',
    nciReason: null,
    updatedAt: '2024-12-01T10:00:00.000Z',
    ...overrides,
  };
}

/** Section 001 (14 enrolled, 1 withdrawal) as its instructor sees it, two open CLOs. */
export function detailFixture(overrides: Partial<SectionDetail> = {}): SectionDetail {
  return {
    ...section001,
    instructor: {
      id: 'i-1',
      name: 'A. Stau',
      email: 'a.stau@college.example.edu',
      status: 'active',
    },
    outcomes: [
      outcomeFixture(),
      outcomeFixture({
        id: 'so-2',
        courseOutcome: { id: 'clo-2', number: 2, description: 'Work in a team' },
      }),
    ],
    history: [],
    can: { edit: true, submit: true, review: false },
    validation: { errors: [], warnings: [] },
    ...overrides,
  };
}

export const mySection: MySection = {
  id: 's-1',
  number: '001',
  course: { id: 'c-1', number: 'ACC-201', title: 'Principles of Accounting' },
  term: { id: 't-1', code: '2024FA', name: 'Fall 2024' },
  dueDate: '2024-12-06',
  status: 'in_progress',
  complete: 1,
  total: 2,
};

export function reviewRowFixture(overrides: Partial<ReviewRow> = {}): ReviewRow {
  return {
    id: 'so-1',
    status: 'submitted',
    took: 12,
    passed: 10,
    rate: 10 / 12,
    tool: 'Final exam',
    nciReason: null,
    updatedAt: '2024-12-01T10:00:00.000Z',
    clo: { id: 'clo-1', number: 1, description: 'Complete the accounting cycle' },
    section: { id: 's-1', number: '001', dueDate: '2024-12-06', status: 'submitted' },
    course: { id: 'c-1', number: 'ACC-201', title: 'Principles of Accounting' },
    term: { id: 't-1', code: '2024FA', name: 'Fall 2024' },
    instructor: { id: 'i-1', name: 'A. Stau', email: 'a.stau@college.example.edu' },
    ...overrides,
  };
}
