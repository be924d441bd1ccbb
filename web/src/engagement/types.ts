/** Shapes of the engagement screens' API (`/api/engagement/*`). */

export const LOCAL_STATUSES = ['local', 'partial', 'non_local', 'unknown'] as const;
export type LocalStatus = (typeof LOCAL_STATUSES)[number];
export const VOLUNTEER_STATUSES = ['active', 'inactive', 'on_hold'] as const;
export type VolunteerStatus = (typeof VOLUNTEER_STATUSES)[number];
export const TEACHER_STATUSES = ['active', 'inactive'] as const;
export const SCHOOL_LEVELS = ['Elementary', 'Middle', 'High', 'Other'] as const;
export type SchoolLevel = (typeof SCHOOL_LEVELS)[number];
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

export const VOLUNTEER_SORTS = [
  'name',
  'email',
  'organizationName',
  'title',
  'localStatus',
  'status',
  'timesVolunteered',
  'lastVolunteerDate',
] as const;
export const ORGANIZATION_SORTS = [
  'name',
  'type',
  'billingCity',
  'volunteers',
  'lastActivityDate',
] as const;
export const EVENT_SORTS = [
  'startAt',
  'title',
  'type',
  'format',
  'status',
  'school',
  'district',
  'volunteers',
  'students',
] as const;
export const TEACHER_SORTS = [
  'name',
  'email',
  'school',
  'district',
  'department',
  'status',
  'sessions',
] as const;
export const STUDENT_SORTS = [
  'name',
  'studentNumber',
  'school',
  'className',
  'currentGrade',
  'participations',
] as const;
export const SCHOOL_SORTS = [
  'name',
  'district',
  'code',
  'level',
  'teachers',
  'students',
  'events',
] as const;
export const DISTRICT_SORTS = ['name', 'code', 'schools', 'students'] as const;
export const HISTORY_SORTS = [
  'activityDate',
  'type',
  'subject',
  'contact',
  'event',
  'status',
] as const;
export const FLAG_SORTS = [
  'createdAt',
  'issue',
  'entityType',
  'entityLabel',
  'details',
  'status',
] as const;

export type SortOf<T extends readonly string[]> = T[number];

/** Fields every person's detail may carry; highly sensitive ones are absent for some roles. */
export interface ContactDetail {
  externalId?: string;
  firstName?: string;
  middleName?: string | null;
  lastName?: string;
  name?: string;
  email?: string | null;
  phone?: string | null;
  mobilePhone?: string | null;
  mailingStreet?: string | null;
  mailingCity?: string | null;
  mailingState?: string | null;
  mailingPostalCode?: string | null;
  gender?: string | null;
  raceEthnicity?: string | null;
  ageGroup?: string | null;
  educationLevel?: string | null;
  birthdate?: string | null;
  doNotCall?: boolean;
  doNotContact?: boolean;
  emailOptOut?: boolean;
  excludeFromReports?: boolean;
  notes?: string | null;
}

export interface VolunteerRow {
  id: string;
  name: string;
  email: string | null;
  organizationName: string | null;
  title: string | null;
  localStatus: LocalStatus;
  status: VolunteerStatus;
  timesVolunteered: number;
  lastVolunteerDate: string | null;
}

export interface VolunteerDetail extends ContactDetail, Partial<Omit<VolunteerRow, 'id'>> {
  id: string;
  department?: string | null;
  industry?: string | null;
  skills?: string | null;
  interests?: string | null;
  firstVolunteerDate?: string | null;
  affiliations: {
    id: string;
    organizationId: string;
    organizationName: string;
    role: string | null;
    isPrimary: boolean;
    status: string;
    startDate: string | null;
    endDate: string | null;
  }[];
  participations: {
    id: string;
    eventId: string;
    eventTitle: string;
    startAt: string | null;
    status: string | null;
    deliveryHours: number | null;
  }[];
  participationCount: number;
}

export interface OrganizationRow {
  id: string;
  name: string;
  type: string;
  billingCity: string | null;
  volunteers: number;
  lastActivityDate: string | null;
}

export interface OrganizationDetail extends Omit<OrganizationRow, 'volunteers'> {
  externalId: string;
  description: string | null;
  billingStreet: string | null;
  billingState: string | null;
  billingPostalCode: string | null;
  billingCountry: string | null;
  volunteerCount: number;
  volunteers: {
    contactId: string;
    name: string;
    role: string | null;
    isPrimary: boolean;
    status: string;
    startDate: string | null;
    endDate: string | null;
  }[];
}

export interface EventRow {
  id: string;
  title: string;
  type: EventType;
  format: EventFormat;
  status: EventStatus;
  startAt: string | null;
  schoolId: string | null;
  school: string | null;
  districtId: string | null;
  district: string | null;
  volunteers: number;
  students: number;
}

export interface EventDetail extends EventRow {
  externalId: string;
  description: string | null;
  endAt: string | null;
  durationMinutes: number | null;
  rawStatus: string | null;
  cancellationReason: string | null;
  location: string | null;
  districtName: string | null;
  volunteersNeeded: number | null;
  availableSlots: number | null;
  registrationLink: string | null;
  sessionHost: string | null;
  series: string | null;
  careerCluster: string | null;
  volunteerList:
    | {
        id: string;
        contactId: string;
        name: string;
        status: string | null;
        deliveryHours: number | null;
        title: string | null;
      }[]
    | null;
  teacherList: { id: string; contactId: string; name: string; status: string }[] | null;
  studentCounts: { status: string; count: number }[];
}

export interface TeacherRow {
  id: string;
  name?: string;
  email?: string | null;
  schoolId: string | null;
  school: string | null;
  districtId: string | null;
  district: string | null;
  department: string | null;
  status: string;
  sessions: number;
}

export interface TeacherDetail extends ContactDetail, Omit<TeacherRow, 'sessions'> {
  sessions: {
    id: string;
    eventId: string;
    eventTitle: string;
    startAt: string | null;
    status: string;
    attendanceConfirmedAt: string | null;
    adminNote: string | null;
  }[];
}

/** `name` is absent for roles that may not see students' names. */
export interface StudentRow {
  id: string;
  name?: string;
  studentNumber: string | null;
  schoolId: string | null;
  school: string | null;
  districtId: string | null;
  className: string | null;
  currentGrade: number | null;
  participations: number;
}

export interface StudentDetail extends ContactDetail, Omit<StudentRow, 'participations'> {
  participations: {
    id: string;
    eventId: string;
    eventTitle: string;
    startAt: string | null;
    status: string;
    deliveryHours: number | null;
  }[];
}

export interface SchoolRow {
  id: string;
  name: string;
  districtId: string | null;
  district: string | null;
  code: string | null;
  level: SchoolLevel;
  teachers: number;
  students: number;
  events: number;
}

export interface SchoolDetail extends SchoolRow {
  latestEvents: { id: string; title: string; startAt: string | null; status: EventStatus }[];
}

export interface DistrictRow {
  id: string;
  name: string;
  code: string | null;
  aliases: string[];
  schools: number;
  students: number;
}

export interface DistrictDetail extends DistrictRow {
  events: number;
  schoolList: { id: string; name: string; level: SchoolLevel; code: string | null }[];
}

export interface Places {
  districts: { id: string; name: string }[];
  schools: { id: string; name: string; districtId: string | null }[];
}

export interface ActivityRow {
  id: string;
  activityDate: string | null;
  type: string | null;
  subject: string | null;
  status: string | null;
  contactId: string;
  contact: string;
  contactKind: 'volunteer' | 'teacher' | 'student';
  eventId: string | null;
  event: string | null;
}

export interface ActivityDetail extends ActivityRow {
  externalId: string;
  description: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Flag {
  id: string;
  entityType: string;
  entityId: string | null;
  entityExternalId: string;
  entityLabel: string | null;
  /** The screen of the flagged record: volunteer, teacher, student, organization, event… */
  entityKind: string | null;
  issue: FlagIssue;
  details: string;
  status: FlagStatus;
  createdAt: string;
  updatedAt: string;
  resolvedAt: string | null;
  dismissedAt: string | null;
}

export interface LocalStatusSummary {
  volunteers: number;
  changed: number;
  byStatus: Record<LocalStatus, number>;
}

/** What a delete or purge removed: `removed`, and each dependent's count. */
export type RemovalCounts = Record<string, number>;

/** Resources with destructive actions (delete one, purge all). */
export type RemovableResource =
  'volunteers' | 'teachers' | 'students' | 'organizations' | 'events' | 'schools' | 'districts';
