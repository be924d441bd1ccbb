import type {
  EventFormat,
  EventStatus,
  FlagIssue,
  FlagStatus,
  LocalStatus,
  SchoolLevel,
  VolunteerStatus,
} from './types';

export const LOCAL_STATUS_LABELS: Record<LocalStatus, string> = {
  local: 'Local',
  partial: 'Partly local',
  non_local: 'Not local',
  unknown: 'Unknown',
};

export const VOLUNTEER_STATUS_LABELS: Record<VolunteerStatus, string> = {
  active: 'Active',
  inactive: 'Inactive',
  on_hold: 'On hold',
};

export const TEACHER_STATUS_LABELS: Record<string, string> = {
  active: 'Active',
  inactive: 'Inactive',
};

export const FORMAT_LABELS: Record<EventFormat, string> = {
  in_person: 'In person',
  virtual: 'Virtual',
};

export const EVENT_STATUS_COLORS: Record<EventStatus, string> = {
  Draft: 'gray',
  Requested: 'blue',
  Confirmed: 'cyan',
  Published: 'indigo',
  Completed: 'green',
  Cancelled: 'red',
  'No Show': 'orange',
  Simulcast: 'teal',
};

export const SCHOOL_LEVEL_LABELS: Record<SchoolLevel, string> = {
  Elementary: 'Elementary',
  Middle: 'Middle',
  High: 'High',
  Other: 'Other',
};

export const FLAG_ISSUE_LABELS: Record<FlagIssue, string> = {
  all_caps_name: 'Name in capitals',
  missing_org_type: 'Organization without a type',
  unmatched_participation: 'Participation without its person',
  unmatched_history: 'History without its person',
  import_error: 'Import error',
};

export const FLAG_STATUS_LABELS: Record<FlagStatus, string> = {
  open: 'Open',
  dismissed: 'Dismissed',
  resolved: 'Resolved',
};

/** Event types as people say them, e.g. `career_fair` → "Career fair", `fafsa` → "FAFSA". */
const ACRONYMS = new Set(['dia', 'bfi', 'p2t', 'p2gd', 'sla', 'fafsa']);
export function eventTypeLabel(type: string): string {
  if (ACRONYMS.has(type)) return type.toUpperCase();
  const words = type.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Options of a select from values and their labels. */
export const optionsOf = <V extends string>(values: readonly V[], label: (value: V) => string) =>
  values.map((value) => ({ value, label: label(value) }));
