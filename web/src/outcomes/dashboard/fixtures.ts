import type { Term } from '../types';
import type { OutcomeCounts, OutcomesDashboard, StatusCounts } from './types';
import type { SectionStatus } from '../types';

export const fall: Term = {
  id: 't-fall',
  code: '2025FA',
  name: 'Fall 2025',
  startDate: '2025-08-20',
  endDate: '2025-12-15',
  dueDate: '2025-12-20',
  status: 'active',
  offeringCount: 3,
};

export const spring: Term = {
  id: 't-spring',
  code: '2025SP',
  name: 'Spring 2025',
  startDate: '2025-01-10',
  endDate: '2025-05-10',
  dueDate: null,
  status: 'passed',
  offeringCount: 1,
};

const sections = (
  byStatus: Partial<Record<SectionStatus, number>>,
): StatusCounts<SectionStatus> => {
  const all = {
    not_started: 0,
    in_progress: 0,
    submitted: 0,
    approved: 0,
    nci: 0,
    needs_rework: 0,
    ...byStatus,
  };
  return { total: Object.values(all).reduce((a, b) => a + b, 0), byStatus: all };
};

const outcomes = (byStatus: Partial<OutcomeCounts['byStatus']>): OutcomeCounts => {
  const all = {
    unassigned: 0,
    assigned: 0,
    in_progress: 0,
    submitted: 0,
    approved: 0,
    needs_rework: 0,
    never_coming_in: 0,
    ...byStatus,
  };
  const total = Object.values(all).reduce((a, b) => a + b, 0);
  const complete = all.approved + all.never_coming_in;
  return {
    total,
    byStatus: all,
    complete,
    percentComplete: total === 0 ? null : Math.round((complete * 1000) / total) / 10,
  };
};

const nursing = {
  id: 'p-1',
  name: 'Nursing',
  shortName: 'NURS',
  isDefault: false,
  sections: sections({ approved: 1, submitted: 1, not_started: 1, in_progress: 1 }),
  outcomes: outcomes({
    approved: 2,
    never_coming_in: 1,
    submitted: 1,
    unassigned: 2,
    in_progress: 1,
  }),
};
const welding = {
  id: 'p-2',
  name: 'Welding',
  shortName: null,
  isDefault: false,
  sections: sections({ not_started: 1, in_progress: 1 }),
  outcomes: outcomes({ unassigned: 1, in_progress: 1 }),
};
const unclassified = {
  id: 'p-0',
  name: 'Unclassified',
  shortName: null,
  isDefault: true,
  sections: sections({}),
  outcomes: outcomes({}),
};

/** What a tenant admin's dashboard answers for the fall term. */
export const adminDashboard: OutcomesDashboard = {
  termId: fall.id,
  scope: 'all',
  terms: [fall, spring],
  programs: [nursing, welding, unclassified],
  totals: {
    sections: sections({ approved: 1, submitted: 1, not_started: 2, in_progress: 1 }),
    outcomes: outcomes({
      approved: 2,
      never_coming_in: 1,
      submitted: 1,
      unassigned: 3,
      in_progress: 1,
    }),
  },
  members: [
    { role: 'instructor', members: 12, pending: 3 },
    { role: 'tenant_admin', members: 2, pending: 0 },
  ],
  imports: [
    {
      id: 'run-1',
      pipeline: 'outcomes-cei',
      source: 'fall.xlsx',
      mode: 'commit',
      status: 'partial',
      createdAt: '2025-09-01T10:00:00.000Z',
      finishedAt: '2025-09-01T10:01:00.000Z',
      read: 1543,
      created: 1500,
      updated: 0,
      failed: 43,
    },
  ],
  faculty: null,
  unassigned: null,
};

/** What the program admin of Nursing sees for the fall term. */
export const programAdminDashboard: OutcomesDashboard = {
  ...adminDashboard,
  scope: 'programs',
  programs: [nursing],
  totals: { sections: nursing.sections, outcomes: nursing.outcomes },
  members: null,
  imports: null,
  faculty: [
    {
      id: 'i-1',
      name: 'Morgan Tate',
      email: 'morgan.tate@north.example.edu',
      status: 'active',
      sectionCount: 3,
      submittedCount: 2,
    },
  ],
  unassigned: {
    items: [
      {
        id: 's-3',
        number: '003',
        course: { id: 'c-1', number: 'NUR-101', title: 'Foundations of Nursing' },
        dueDate: '2025-12-20',
        outcomeCount: 2,
      },
    ],
    total: 1,
  },
};
