import type { Database } from '../../src/core/db/client.js';
import type { Role } from '../../src/core/db/schema.js';
import { createTenant } from '../../src/core/tenants/service.js';
import { createUser } from '../../src/core/users/service.js';
import { engagementModule } from '../../src/modules/engagement/index.js';
import {
  activities,
  contactEmails,
  contacts,
  dataQualityFlags,
  districts,
  events,
  organizations,
  schools,
  studentParticipations,
  students,
  teacherParticipations,
  teachers,
  volunteerParticipations,
  volunteers,
  affiliations,
} from '../../src/modules/engagement/schema.js';
import { createTestApp, type TestApp } from './app.js';
import type { TestDatabaseKind } from './databases.js';
import { PASSWORD } from './identity.js';

/** The test app with the engagement module. */
export const createEngagementApp = (kind: TestDatabaseKind): Promise<TestApp> =>
  createTestApp(kind, { modules: () => [engagementModule] });

/** A tenant with the engagement module on. */
export const seedEngagementTenant = (database: Database, slug: string) =>
  createTenant(database.db, { slug, name: `Tenant ${slug}`, modules: ['engagement'] }, [
    'engagement',
  ]);

export const seedMember = (
  database: Database,
  email: string,
  tenantSlug: string,
  role: Role,
  districtIds: string[] = [],
) =>
  createUser(database.db, {
    email,
    password: PASSWORD,
    name: email.split('@')[0],
    membership: { tenantSlug, role, scope: districtIds.length ? { districts: districtIds } : {} },
  });

let counter = 0;
const ext = (prefix: string) => `${prefix}-${String(++counter)}`;

/**
 * A small engagement data set in one tenant, written as the database owner: two districts with
 * a school each, organizations, volunteers, a teacher and a student per school, events in each
 * district (one by school, one by district name only, one without a district), participations,
 * history and data-quality flags. `tag` is put in every name so tests can look for leaks.
 */
export async function seedEngagementData(database: Database, tenantId: string, tag = '') {
  const { db } = database;
  const t = { tenantId };
  const [north, south] = await db
    .insert(districts)
    .values([
      {
        ...t,
        externalId: ext('d'),
        name: `${tag}North District`,
        code: 'N',
        aliases: ['Northside'],
      },
      { ...t, externalId: ext('d'), name: `${tag}South District`, code: 'S' },
    ])
    .returning();
  if (!north || !south) throw new Error('districts');
  const [lincoln, washington] = await db
    .insert(schools)
    .values([
      {
        ...t,
        externalId: ext('s'),
        name: `${tag}Lincoln High`,
        districtId: north.id,
        level: 'High',
      },
      {
        ...t,
        externalId: ext('s'),
        name: `${tag}Washington Middle`,
        districtId: south.id,
        level: 'Middle',
      },
    ])
    .returning();
  if (!lincoln || !washington) throw new Error('schools');
  const [acme, hands] = await db
    .insert(organizations)
    .values([
      {
        ...t,
        externalId: ext('o'),
        name: `${tag}Acme Corp`,
        type: 'Business',
        billingCity: 'Kansas City',
      },
      { ...t, externalId: ext('o'), name: `${tag}Helping Hands`, type: 'Non-Profit' },
    ])
    .returning();
  if (!acme || !hands) throw new Error('organizations');

  const person = async (
    kind: 'volunteer' | 'teacher' | 'student',
    firstName: string,
    lastName: string,
    email?: string,
  ) => {
    const [row] = await db
      .insert(contacts)
      .values({
        ...t,
        externalId: ext('c'),
        kind,
        firstName: `${tag}${firstName}`,
        lastName,
        gender: 'F',
      })
      .returning();
    if (!row) throw new Error('contact');
    if (email)
      await db.insert(contactEmails).values({ ...t, contactId: row.id, email, isPrimary: true });
    return row.id;
  };
  const ada = await person('volunteer', 'Ada', 'Lovelace', `${tag.toLowerCase()}ada@example.org`);
  const grace = await person(
    'volunteer',
    'Grace',
    'Hopper',
    `${tag.toLowerCase()}grace@example.org`,
  );
  const alan = await person('volunteer', 'Alan', 'Turing');
  await db.insert(volunteers).values([
    {
      ...t,
      contactId: ada,
      organizationName: `${tag}Acme Corp`,
      primaryOrganizationId: acme.id,
      title: 'Engineer',
      timesVolunteered: 3,
      lastVolunteerDate: '2024-10-01',
      localStatus: 'local',
    },
    {
      ...t,
      contactId: grace,
      organizationName: `${tag}Helping Hands`,
      title: 'Admiral',
      status: 'inactive',
      timesVolunteered: 1,
      lastVolunteerDate: '2023-05-01',
    },
    { ...t, contactId: alan, title: 'Mathematician', status: 'on_hold' },
  ]);
  await db.insert(affiliations).values([
    { ...t, externalId: ext('a'), contactId: ada, organizationId: acme.id, isPrimary: true },
    { ...t, externalId: ext('a'), contactId: grace, organizationId: hands.id },
  ]);
  const mary = await person('teacher', 'Mary', 'North', `${tag.toLowerCase()}mary@school.org`);
  const sue = await person('teacher', 'Sue', 'South');
  await db.insert(teachers).values([
    { ...t, contactId: mary, schoolId: lincoln.id, department: 'Science' },
    { ...t, contactId: sue, schoolId: washington.id, department: 'Math' },
  ]);
  const sam = await person('student', 'Sam', 'Northstudent');
  const sid = await person('student', 'Sid', 'Southstudent');
  await db.insert(students).values([
    { ...t, contactId: sam, schoolId: lincoln.id, studentNumber: 'N-1', currentGrade: 10 },
    { ...t, contactId: sid, schoolId: washington.id, studentNumber: 'S-1', currentGrade: 7 },
  ]);
  const [fair, talk, byName, orphan] = await db
    .insert(events)
    .values([
      {
        ...t,
        externalId: ext('e'),
        title: `${tag}Career Fair`,
        type: 'career_fair',
        status: 'Completed',
        schoolId: lincoln.id,
        startAt: new Date('2024-10-01T15:00:00Z'),
      },
      {
        ...t,
        externalId: ext('e'),
        title: `${tag}Classroom Talk`,
        type: 'classroom_speaker',
        status: 'Confirmed',
        schoolId: washington.id,
        startAt: new Date('2024-11-05T15:00:00Z'),
      },
      {
        ...t,
        externalId: ext('e'),
        title: `${tag}Northside Session`,
        type: 'virtual_session',
        format: 'virtual',
        status: 'Completed',
        districtName: 'Northside School District',
        startAt: new Date('2025-01-10T15:00:00Z'),
      },
      {
        ...t,
        externalId: ext('e'),
        title: `${tag}Orphan Event`,
        type: 'mentoring',
        status: 'Requested',
      },
    ])
    .returning();
  if (!fair || !talk || !byName || !orphan) throw new Error('events');
  await db.insert(volunteerParticipations).values([
    {
      ...t,
      externalId: ext('vp'),
      eventId: fair.id,
      contactId: ada,
      status: 'Attended',
      deliveryHours: 2,
    },
    { ...t, externalId: ext('vp'), eventId: talk.id, contactId: grace, status: 'Registered' },
  ]);
  await db.insert(studentParticipations).values([
    { ...t, externalId: ext('sp'), eventId: fair.id, contactId: sam, status: 'Attended' },
    { ...t, externalId: ext('sp'), eventId: talk.id, contactId: sid, status: 'Attended' },
  ]);
  await db
    .insert(teacherParticipations)
    .values([
      { ...t, externalId: ext('tp'), eventId: byName.id, contactId: mary, status: 'attended' },
    ]);
  const [call, mail] = await db
    .insert(activities)
    .values([
      {
        ...t,
        externalId: ext('h'),
        contactId: ada,
        eventId: fair.id,
        type: 'Call',
        subject: `${tag}Thank-you call`,
        status: 'Completed',
        activityDate: '2024-10-02',
      },
      {
        ...t,
        externalId: ext('h'),
        contactId: grace,
        type: 'Email',
        subject: `${tag}Invitation email`,
        status: 'Open',
        activityDate: '2024-09-15',
      },
    ])
    .returning();
  if (!call || !mail) throw new Error('activities');
  const [capsFlag, orgFlag] = await db
    .insert(dataQualityFlags)
    .values([
      {
        ...t,
        entityType: 'contact',
        entityId: alan,
        entityExternalId: ext('c'),
        issue: 'all_caps_name',
        details: `${tag}ALAN TURING`,
      },
      {
        ...t,
        entityType: 'organization',
        entityId: hands.id,
        entityExternalId: ext('o'),
        issue: 'missing_org_type',
        details: `${tag}no type`,
      },
    ])
    .returning();
  if (!capsFlag || !orgFlag) throw new Error('flags');
  return {
    districts: { north: north.id, south: south.id },
    schools: { lincoln: lincoln.id, washington: washington.id },
    organizations: { acme: acme.id, hands: hands.id },
    volunteers: { ada, grace, alan },
    teachers: { mary, sue },
    students: { sam, sid },
    events: { fair: fair.id, talk: talk.id, byName: byName.id, orphan: orphan.id },
    activities: { call: call.id, mail: mail.id },
    flags: { caps: capsFlag.id, org: orgFlag.id },
  };
}
export type EngagementData = Awaited<ReturnType<typeof seedEngagementData>>;
