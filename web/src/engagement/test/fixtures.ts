import type {
  ActivityRow,
  DistrictRow,
  EventDetail,
  EventRow,
  Flag,
  OrganizationDetail,
  OrganizationRow,
  SchoolRow,
  StudentRow,
  TeacherRow,
  VolunteerDetail,
  VolunteerRow,
} from '../types';

export const ADA_ID = '11111111-1111-4111-8111-111111111111';
export const EVENT_ID = '22222222-2222-4222-8222-222222222222';
export const ORG_ID = '33333333-3333-4333-8333-333333333333';
export const SCHOOL_ID = '44444444-4444-4444-8444-444444444444';
export const DISTRICT_ID = '55555555-5555-4555-8555-555555555555';

export function volunteerRow(overrides: Partial<VolunteerRow> = {}): VolunteerRow {
  return {
    id: ADA_ID,
    name: 'Ada Lovelace',
    email: 'ada@example.org',
    organizationName: 'Acme Corp',
    title: 'Engineer',
    localStatus: 'local',
    status: 'active',
    timesVolunteered: 3,
    lastVolunteerDate: '2024-10-01',
    ...overrides,
  };
}

export function volunteerDetail(overrides: Partial<VolunteerDetail> = {}): VolunteerDetail {
  return {
    id: ADA_ID,
    externalId: '003A',
    firstName: 'Ada',
    lastName: 'Lovelace',
    middleName: null,
    email: 'ada@example.org',
    phone: null,
    mailingPostalCode: '64106',
    organizationName: 'Acme Corp',
    title: 'Engineer',
    department: null,
    industry: null,
    skills: null,
    interests: null,
    notes: null,
    status: 'active',
    localStatus: 'local',
    timesVolunteered: 3,
    firstVolunteerDate: '2020-01-05',
    lastVolunteerDate: '2024-10-01',
    doNotContact: false,
    excludeFromReports: false,
    gender: 'F',
    affiliations: [
      {
        id: 'af-1',
        organizationId: ORG_ID,
        organizationName: 'Acme Corp',
        role: 'Engineer',
        isPrimary: true,
        status: 'Current',
        startDate: '2019-01-01',
        endDate: null,
      },
    ],
    participations: [
      {
        id: 'vp-1',
        eventId: EVENT_ID,
        eventTitle: 'Career Fair',
        startAt: '2024-10-01T15:00:00.000Z',
        status: 'Attended',
        deliveryHours: 2,
      },
    ],
    participationCount: 1,
    ...overrides,
  };
}

export function organizationRow(overrides: Partial<OrganizationRow> = {}): OrganizationRow {
  return {
    id: ORG_ID,
    name: 'Acme Corp',
    type: 'Business',
    billingCity: 'Kansas City',
    volunteers: 4,
    lastActivityDate: '2024-09-01',
    ...overrides,
  };
}

export function organizationDetail(
  overrides: Partial<OrganizationDetail> = {},
): OrganizationDetail {
  return {
    id: ORG_ID,
    externalId: '001A',
    name: 'Acme Corp',
    type: 'Business',
    description: 'Makes everything',
    billingStreet: '1 Main St',
    billingCity: 'Kansas City',
    billingState: 'MO',
    billingPostalCode: '64106',
    billingCountry: 'USA',
    lastActivityDate: null,
    volunteerCount: 1,
    volunteers: [
      {
        contactId: ADA_ID,
        name: 'Ada Lovelace',
        role: 'Engineer',
        isPrimary: true,
        status: 'Current',
        startDate: null,
        endDate: null,
      },
    ],
    ...overrides,
  };
}

export function eventRow(overrides: Partial<EventRow> = {}): EventRow {
  return {
    id: EVENT_ID,
    title: 'Career Fair',
    type: 'career_fair',
    format: 'in_person',
    status: 'Completed',
    startAt: '2024-10-01T15:00:00.000Z',
    schoolId: SCHOOL_ID,
    school: 'Lincoln High',
    districtId: DISTRICT_ID,
    district: 'North District',
    volunteers: 2,
    students: 30,
    ...overrides,
  };
}

export function eventDetail(overrides: Partial<EventDetail> = {}): EventDetail {
  return {
    ...eventRow(),
    externalId: 'a0E1',
    description: 'Meet local employers',
    endAt: '2024-10-01T17:00:00.000Z',
    durationMinutes: 120,
    rawStatus: 'Successfully Completed',
    cancellationReason: null,
    location: 'Gym',
    districtName: null,
    volunteersNeeded: 5,
    availableSlots: 3,
    registrationLink: 'https://example.org/signup',
    sessionHost: null,
    series: null,
    careerCluster: 'Health',
    volunteerList: [
      {
        id: 'vp-1',
        contactId: ADA_ID,
        name: 'Ada Lovelace',
        status: 'Attended',
        deliveryHours: 2,
        title: 'Engineer',
      },
    ],
    teacherList: [],
    studentCounts: [{ status: 'Attended', count: 30 }],
    ...overrides,
  };
}

export function teacherRow(overrides: Partial<TeacherRow> = {}): TeacherRow {
  return {
    id: 't-1',
    name: 'Mary North',
    email: 'mary@school.org',
    schoolId: SCHOOL_ID,
    school: 'Lincoln High',
    districtId: DISTRICT_ID,
    district: 'North District',
    department: 'Science',
    status: 'active',
    sessions: 2,
    ...overrides,
  };
}

export function studentRow(overrides: Partial<StudentRow> = {}): StudentRow {
  return {
    id: 's-1',
    name: 'Sam Student',
    studentNumber: 'N-1',
    schoolId: SCHOOL_ID,
    school: 'Lincoln High',
    districtId: DISTRICT_ID,
    className: '10A',
    currentGrade: 10,
    participations: 3,
    ...overrides,
  };
}

export function schoolRow(overrides: Partial<SchoolRow> = {}): SchoolRow {
  return {
    id: SCHOOL_ID,
    name: 'Lincoln High',
    districtId: DISTRICT_ID,
    district: 'North District',
    code: 'LH',
    level: 'High',
    teachers: 4,
    students: 120,
    events: 6,
    ...overrides,
  };
}

export function districtRow(overrides: Partial<DistrictRow> = {}): DistrictRow {
  return {
    id: DISTRICT_ID,
    name: 'North District',
    code: 'N',
    aliases: ['Northside'],
    schools: 3,
    students: 400,
    ...overrides,
  };
}

export function activityRow(overrides: Partial<ActivityRow> = {}): ActivityRow {
  return {
    id: 'h-1',
    activityDate: '2024-10-02',
    type: 'Call',
    subject: 'Thank-you call',
    status: 'Completed',
    contactId: ADA_ID,
    contact: 'Ada Lovelace',
    contactKind: 'volunteer',
    eventId: EVENT_ID,
    event: 'Career Fair',
    ...overrides,
  };
}

export function flagFixture(overrides: Partial<Flag> = {}): Flag {
  return {
    id: 'f-1',
    entityType: 'contact',
    entityId: ADA_ID,
    entityExternalId: '003A',
    entityLabel: 'Ada Lovelace',
    entityKind: 'volunteer',
    issue: 'all_caps_name',
    details: 'ADA LOVELACE',
    status: 'open',
    createdAt: '2025-01-05T10:00:00.000Z',
    updatedAt: '2025-01-05T10:00:00.000Z',
    resolvedAt: null,
    dismissedAt: null,
    ...overrides,
  };
}

export const PLACES = {
  districts: [{ id: DISTRICT_ID, name: 'North District' }],
  schools: [{ id: SCHOOL_ID, name: 'Lincoln High', districtId: DISTRICT_ID }],
};
