import type { InstructorStatus, SectionStatus, TermStatus } from './types';

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
