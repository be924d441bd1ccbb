import type { ModulePermissions, SensitiveFields } from '../../core/access/ability.js';

/** Subjects of the engagement screens in the permission matrix. */
export const SUBJECTS = {
  volunteer: 'Volunteer',
  organization: 'Organization',
  event: 'Event',
  teacher: 'Teacher',
  student: 'Student',
  school: 'School',
  district: 'District',
  activity: 'Activity',
  flag: 'DataQualityFlag',
  /** Whole-tenant operations: purges and the local-status recomputation. */
  data: 'EngagementData',
} as const;

const RECORDS = [
  SUBJECTS.volunteer,
  SUBJECTS.organization,
  SUBJECTS.event,
  SUBJECTS.teacher,
  SUBJECTS.student,
  SUBJECTS.school,
  SUBJECTS.district,
  SUBJECTS.activity,
  SUBJECTS.flag,
];

/**
 * The engagement rows of the matrix (DOMAIN.md §1.1, §2.6). Tenant admins may do everything
 * (core rule), destructive actions included. Staff read, create and edit, never delete or purge.
 * District viewers read events, schools, districts, teachers and students — the data layer
 * narrows every query to their districts, and the students' names and demographics are hidden.
 */
export const engagementPermissions: ModulePermissions = ({ can }, member) => {
  if (member.role === 'staff') {
    can(['read', 'create', 'update'], RECORDS);
  }
  if (member.role === 'district_viewer') {
    can('read', [
      SUBJECTS.event,
      SUBJECTS.school,
      SUBJECTS.district,
      SUBJECTS.teacher,
      SUBJECTS.student,
    ]);
  }
};

const DEMOGRAPHICS = [
  'gender',
  'raceEthnicity',
  'ageGroup',
  'educationLevel',
  'birthdate',
] as const;

/** Highly sensitive fields (DOMAIN.md §1.1): students' identities and everyone's demographics. */
export const SENSITIVE = {
  [SUBJECTS.student]: [
    'name',
    'firstName',
    'middleName',
    'lastName',
    'email',
    'phone',
    'mobilePhone',
    'mailingStreet',
    'mailingCity',
    'mailingState',
    'mailingPostalCode',
    ...DEMOGRAPHICS,
  ],
  [SUBJECTS.teacher]: DEMOGRAPHICS,
  [SUBJECTS.volunteer]: DEMOGRAPHICS,
} as const;

export const engagementSensitiveFields: SensitiveFields = SENSITIVE;
