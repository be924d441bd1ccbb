import type {
  HistoryAction,
  InstructorStatus,
  OutcomeStatus,
  ReviewAction,
  SectionStatus,
  TermStatus,
} from './types';

interface Badge {
  label: string;
  color: string;
}

export const TERM_STATUS: Record<TermStatus, Badge> = {
  scheduled: { label: 'Scheduled', color: 'blue' },
  active: { label: 'Active', color: 'green' },
  passed: { label: 'Passed', color: 'gray' },
};

export const SECTION_STATUS: Record<SectionStatus, Badge> = {
  not_started: { label: 'Not started', color: 'gray' },
  in_progress: { label: 'In progress', color: 'blue' },
  submitted: { label: 'Submitted', color: 'indigo' },
  approved: { label: 'Approved', color: 'green' },
  nci: { label: 'Never coming in', color: 'dark' },
  needs_rework: { label: 'Needs rework', color: 'orange' },
};

export const OUTCOME_STATUS: Record<OutcomeStatus, Badge> = {
  unassigned: { label: 'Unassigned', color: 'gray' },
  assigned: { label: 'Assigned', color: 'gray' },
  in_progress: { label: 'In progress', color: 'blue' },
  submitted: { label: 'Submitted', color: 'indigo' },
  approved: { label: 'Approved', color: 'green' },
  needs_rework: { label: 'Needs rework', color: 'orange' },
  never_coming_in: { label: 'Never coming in', color: 'dark' },
};

/** History entries: what happened, in words. */
export const HISTORY_ACTION: Record<HistoryAction, string> = {
  assign: 'Assigned',
  unassign: 'Unassigned',
  edit: 'Started',
  submit: 'Submitted',
  approve: 'Approved',
  request_rework: 'Rework requested',
  nci: 'Marked never coming in',
  reopen: 'Reopened',
};

/** The review moves of DOMAIN §3.2 and the statuses each may start from. */
export const REVIEW_ACTIONS: Record<
  ReviewAction,
  { label: string; verb: string; from: readonly OutcomeStatus[]; color?: string }
> = {
  approve: { label: 'Approve', verb: 'approved', from: ['submitted'], color: 'green' },
  request_rework: {
    label: 'Request rework',
    verb: 'sent back for rework',
    from: ['submitted', 'approved'],
    color: 'orange',
  },
  nci: {
    label: 'Mark never coming in',
    verb: 'marked never coming in',
    from: ['unassigned', 'assigned', 'in_progress', 'submitted', 'approved', 'needs_rework'],
    color: 'dark',
  },
  reopen: { label: 'Reopen', verb: 'reopened', from: ['approved', 'never_coming_in'] },
};

export const INSTRUCTOR_STATUS: Record<InstructorStatus, Badge> = {
  active: { label: 'Active', color: 'green' },
  pending: { label: 'Invitation pending', color: 'blue' },
  needs_email: { label: 'Needs email', color: 'orange' },
};

/** Options of a select filter from a label table. */
export const optionsOf = <K extends string>(labels: Record<K, Badge>) =>
  (Object.entries(labels) as [K, Badge][]).map(([value, { label }]) => ({ value, label }));

/** `—` for a missing value. */
export const orDash = (value: string | number | null | undefined) =>
  value === null || value === undefined || value === '' ? '—' : String(value);

const dayFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });

/** A calendar date (YYYY-MM-DD) as "Dec 6, 2024", the same day in every time zone; `—` for none. */
export const formatDay = (day: string | null) =>
  day ? dayFormat.format(new Date(`${day}T00:00:00Z`)) : '—';

/** A pass rate (0–1) as "83%"; `—` when there is none. */
export const formatRate = (rate: number | null) =>
  rate === null ? '—' : `${String(Math.round(rate * 1000) / 10)}%`;

/** passed ÷ took, null when took is missing or 0 (DOMAIN §3.3: never a made-up 0). */
export const rateOf = (took: number | null, passed: number | null) =>
  took === null || took === 0 || passed === null ? null : passed / took;

/** "ACC-201-001". */
export const sectionName = (section: { number: string; course: { number: string } }) =>
  `${section.course.number}-${section.number}`;

/** "ACC-201.2": a CLO of a course. */
export const cloName = (courseNumber: string, cloNumber: number | null) =>
  cloNumber === null ? courseNumber : `${courseNumber}.${String(cloNumber)}`;
