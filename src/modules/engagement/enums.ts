/** Value sets of the engagement entities (DOMAIN.md §2.1). */

export const SCHOOL_LEVELS = ['Elementary', 'Middle', 'High', 'Other'] as const;
export type SchoolLevel = (typeof SCHOOL_LEVELS)[number];

export const CONTACT_KINDS = ['volunteer', 'teacher', 'student'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

export const EMAIL_KINDS = ['email', 'alternate', 'home', 'work'] as const;
export type EmailKind = (typeof EMAIL_KINDS)[number];

export const LOCAL_STATUSES = ['local', 'partial', 'non_local', 'unknown'] as const;
export type LocalStatus = (typeof LOCAL_STATUSES)[number];

export const VOLUNTEER_STATUSES = ['active', 'inactive', 'on_hold'] as const;
export type VolunteerStatus = (typeof VOLUNTEER_STATUSES)[number];

export const TEACHER_STATUSES = ['active', 'inactive'] as const;
export type TeacherStatus = (typeof TEACHER_STATUSES)[number];

export const AFFILIATION_STATUSES = ['Current', 'Past', 'Pending'] as const;
export type AffiliationStatus = (typeof AFFILIATION_STATUSES)[number];

export const EVENT_TYPES = [
  'in_person',
  'virtual_session',
  'career_speaker',
  'career_jumping',
  'career_fair',
  'college_application_fair',
  'workplace_visit',
  'campus_visit',
  'employability_skills',
  'financial_literacy',
  'mentoring',
  'math_relays',
  'classroom_speaker',
  'classroom_activity',
  'dia',
  'ignite',
  'data_viz',
  'healthstart',
  'bfi',
  'p2t',
  'p2gd',
  'sla',
  'fafsa',
  'client_connected_project',
  'volunteer_orientation',
  'internship',
  'advisory_sessions',
  'pathway_campus_visits',
  'pathway_workplace_visits',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const EVENT_FORMATS = ['in_person', 'virtual'] as const;
export type EventFormat = (typeof EVENT_FORMATS)[number];

export const EVENT_STATUSES = [
  'Draft',
  'Requested',
  'Confirmed',
  'Published',
  'Completed',
  'Cancelled',
  'No Show',
  'Simulcast',
] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

export const STUDENT_PARTICIPATION_STATUSES = [
  'Registered',
  'Attended',
  'Absent',
  'Excused',
  'No Show',
] as const;
export type StudentParticipationStatus = (typeof STUDENT_PARTICIPATION_STATUSES)[number];

export const TEACHER_PARTICIPATION_STATUSES = [
  'registered',
  'attended',
  'no_show',
  'cancelled',
] as const;
export type TeacherParticipationStatus = (typeof TEACHER_PARTICIPATION_STATUSES)[number];

export const FLAG_ENTITY_TYPES = [
  'organization',
  'district',
  'school',
  'class',
  'contact',
  'affiliation',
  'event',
  'volunteer_participation',
  'student_participation',
  'teacher_participation',
  'activity',
] as const;
export type FlagEntityType = (typeof FLAG_ENTITY_TYPES)[number];

export const FLAG_ISSUES = [
  'all_caps_name',
  'missing_org_type',
  'unmatched_participation',
  'unmatched_history',
  'import_error',
] as const;
export type FlagIssue = (typeof FLAG_ISSUES)[number];

export const FLAG_STATUSES = ['open', 'dismissed', 'resolved'] as const;
export type FlagStatus = (typeof FLAG_STATUSES)[number];
