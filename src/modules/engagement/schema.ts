import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  numeric,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { tenantIdColumn, tenantIsolation } from '../../core/db/app-role.js';
import { tenants } from '../../core/db/schema.js';
import {
  AFFILIATION_STATUSES,
  CONTACT_KINDS,
  EMAIL_KINDS,
  EVENT_FORMATS,
  EVENT_STATUSES,
  EVENT_TYPES,
  FLAG_ENTITY_TYPES,
  FLAG_ISSUES,
  FLAG_STATUSES,
  LOCAL_STATUSES,
  SCHOOL_LEVELS,
  STUDENT_PARTICIPATION_STATUSES,
  TEACHER_PARTICIPATION_STATUSES,
  TEACHER_STATUSES,
  VOLUNTEER_STATUSES,
} from './enums.js';

/*
 * The engagement data model (DOMAIN.md §2.1). Every table is tenant-owned (RLS). Every imported
 * entity keeps its Salesforce id as `external_id`, unique per tenant, the key of idempotent upserts.
 */

const tenantId = () => tenantIdColumn().references(() => tenants.id, { onDelete: 'cascade' });
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();
const day = (name: string) => date(name, { mode: 'string' });
const hours = (name: string) => numeric(name, { precision: 8, scale: 2, mode: 'number' });

/** Columns of every imported entity. */
const imported = () => ({
  id: uuid('id').primaryKey().defaultRandom(),
  tenantId: tenantId(),
  externalId: text('external_id').notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const organizations = pgTable(
  'organizations',
  {
    ...imported(),
    name: text('name').notNull(),
    /** Salesforce account type (e.g. Business, Non-Profit); `Other` when the source has none. */
    type: text('type').notNull().default('Other'),
    description: text('description'),
    billingStreet: text('billing_street'),
    billingCity: text('billing_city'),
    billingState: text('billing_state'),
    billingPostalCode: text('billing_postal_code'),
    billingCountry: text('billing_country'),
    lastActivityDate: day('last_activity_date'),
  },
  (t) => [
    uniqueIndex('organizations_external_uq').on(t.tenantId, t.externalId),
    index('organizations_tenant_name_idx').on(t.tenantId, t.name),
    ...tenantIsolation(),
  ],
).enableRLS();

export const districts = pgTable(
  'districts',
  {
    ...imported(),
    name: text('name').notNull(),
    code: text('code'),
    /** Other spellings of the name found in free-text district fields. */
    aliases: text('aliases')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
  },
  (t) => [
    uniqueIndex('districts_external_uq').on(t.tenantId, t.externalId),
    index('districts_tenant_name_idx').on(t.tenantId, t.name),
    ...tenantIsolation(),
  ],
).enableRLS();

export const schools = pgTable(
  'schools',
  {
    ...imported(),
    name: text('name').notNull(),
    districtId: uuid('district_id').references(() => districts.id, { onDelete: 'set null' }),
    code: text('code'),
    level: text('level', { enum: SCHOOL_LEVELS }).notNull().default('Other'),
  },
  (t) => [
    uniqueIndex('schools_external_uq').on(t.tenantId, t.externalId),
    index('schools_district_idx').on(t.districtId),
    index('schools_tenant_name_idx').on(t.tenantId, t.name),
    ...tenantIsolation(),
  ],
).enableRLS();

export const classes = pgTable(
  'classes',
  {
    ...imported(),
    name: text('name').notNull(),
    schoolId: uuid('school_id').references(() => schools.id, { onDelete: 'set null' }),
    classYear: integer('class_year'),
  },
  (t) => [
    uniqueIndex('classes_external_uq').on(t.tenantId, t.externalId),
    index('classes_school_idx').on(t.schoolId),
    ...tenantIsolation(),
  ],
).enableRLS();

/** A person: a volunteer, a teacher or a student (one row in the matching role table). */
export const contacts = pgTable(
  'contacts',
  {
    ...imported(),
    kind: text('kind', { enum: CONTACT_KINDS }).notNull(),
    salutation: text('salutation'),
    firstName: text('first_name').notNull().default(''),
    middleName: text('middle_name'),
    lastName: text('last_name').notNull().default(''),
    suffix: text('suffix'),
    gender: text('gender'),
    raceEthnicity: text('race_ethnicity'),
    ageGroup: text('age_group'),
    educationLevel: text('education_level'),
    birthdate: day('birthdate'),
    phone: text('phone'),
    mobilePhone: text('mobile_phone'),
    mailingStreet: text('mailing_street'),
    mailingCity: text('mailing_city'),
    mailingState: text('mailing_state'),
    mailingPostalCode: text('mailing_postal_code'),
    doNotCall: boolean('do_not_call').notNull().default(false),
    doNotContact: boolean('do_not_contact').notNull().default(false),
    emailOptOut: boolean('email_opt_out').notNull().default(false),
    /** Set by staff; imports never change it. */
    excludeFromReports: boolean('exclude_from_reports').notNull().default(false),
    notes: text('notes'),
  },
  (t) => [
    uniqueIndex('contacts_external_uq').on(t.tenantId, t.externalId),
    index('contacts_tenant_kind_name_idx').on(t.tenantId, t.kind, t.lastName, t.firstName),
    ...tenantIsolation(),
  ],
).enableRLS();

/** A contact's email addresses: trimmed, lower-cased, at most one primary. */
export const contactEmails = pgTable(
  'contact_emails',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantId(),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    kind: text('kind', { enum: EMAIL_KINDS }).notNull().default('email'),
    isPrimary: boolean('is_primary').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('contact_emails_contact_email_uq').on(t.contactId, t.email),
    uniqueIndex('contact_emails_one_primary_uq')
      .on(t.contactId)
      .where(sql`is_primary`),
    index('contact_emails_tenant_email_idx').on(t.tenantId, t.email),
    ...tenantIsolation(),
  ],
).enableRLS();

export const volunteers = pgTable(
  'volunteers',
  {
    contactId: uuid('contact_id')
      .primaryKey()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    tenantId: tenantId(),
    /** The primary affiliation's organization (credited when no dated affiliation matches). */
    primaryOrganizationId: uuid('primary_organization_id').references(() => organizations.id, {
      onDelete: 'set null',
    }),
    organizationName: text('organization_name'),
    title: text('title'),
    department: text('department'),
    industry: text('industry'),
    skills: text('skills'),
    interests: text('interests'),
    localStatus: text('local_status', { enum: LOCAL_STATUSES }).notNull().default('unknown'),
    firstVolunteerDate: day('first_volunteer_date'),
    lastVolunteerDate: day('last_volunteer_date'),
    timesVolunteered: integer('times_volunteered').notNull().default(0),
    status: text('status', { enum: VOLUNTEER_STATUSES }).notNull().default('active'),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('volunteers_tenant_idx').on(t.tenantId),
    index('volunteers_primary_org_idx').on(t.primaryOrganizationId),
    ...tenantIsolation(),
  ],
).enableRLS();

export const teachers = pgTable(
  'teachers',
  {
    contactId: uuid('contact_id')
      .primaryKey()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    tenantId: tenantId(),
    schoolId: uuid('school_id').references(() => schools.id, { onDelete: 'set null' }),
    department: text('department'),
    status: text('status', { enum: TEACHER_STATUSES }).notNull().default('active'),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('teachers_tenant_idx').on(t.tenantId),
    index('teachers_school_idx').on(t.schoolId),
    ...tenantIsolation(),
  ],
).enableRLS();

export const students = pgTable(
  'students',
  {
    contactId: uuid('contact_id')
      .primaryKey()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    tenantId: tenantId(),
    /** `Local_Student_ID__c`: the dedupe key of student metrics. */
    studentNumber: text('student_number'),
    schoolId: uuid('school_id').references(() => schools.id, { onDelete: 'set null' }),
    classId: uuid('class_id').references(() => classes.id, { onDelete: 'set null' }),
    currentGrade: smallint('current_grade'),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('students_tenant_number_idx').on(t.tenantId, t.studentNumber),
    index('students_school_idx').on(t.schoolId),
    index('students_class_idx').on(t.classId),
    check('students_grade_range', sql`current_grade between 0 and 12`),
    ...tenantIsolation(),
  ],
).enableRLS();

/** A volunteer's relationship with an organization. */
export const affiliations = pgTable(
  'affiliations',
  {
    ...imported(),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    role: text('role'),
    isPrimary: boolean('is_primary').notNull().default(false),
    status: text('status', { enum: AFFILIATION_STATUSES }).notNull().default('Current'),
    startDate: day('start_date'),
    endDate: day('end_date'),
  },
  (t) => [
    uniqueIndex('affiliations_external_uq').on(t.tenantId, t.externalId),
    index('affiliations_contact_idx').on(t.contactId),
    index('affiliations_organization_idx').on(t.organizationId),
    ...tenantIsolation(),
  ],
).enableRLS();

export const events = pgTable(
  'events',
  {
    ...imported(),
    title: text('title').notNull(),
    description: text('description'),
    type: text('type', { enum: EVENT_TYPES }).notNull().default('classroom_activity'),
    format: text('format', { enum: EVENT_FORMATS }).notNull().default('in_person'),
    startAt: timestamp('start_at', { withTimezone: true }),
    endAt: timestamp('end_at', { withTimezone: true }),
    durationMinutes: integer('duration_minutes'),
    status: text('status', { enum: EVENT_STATUSES }).notNull().default('Requested'),
    /** The source's status string, as received. */
    rawStatus: text('raw_status'),
    cancellationReason: text('cancellation_reason'),
    location: text('location'),
    schoolId: uuid('school_id').references(() => schools.id, { onDelete: 'set null' }),
    /** Free-text district name from the source (matched to districts by name or alias). */
    districtName: text('district_name'),
    /** Set by `link_unaffiliated_events` from the schools of the students who attended. */
    inferredDistrictId: uuid('inferred_district_id').references(() => districts.id, {
      onDelete: 'set null',
    }),
    volunteersNeeded: integer('volunteers_needed'),
    availableSlots: integer('available_slots'),
    registrationLink: text('registration_link'),
    sessionHost: text('session_host'),
    series: text('series'),
    careerCluster: text('career_cluster'),
  },
  (t) => [
    uniqueIndex('events_external_uq').on(t.tenantId, t.externalId),
    index('events_tenant_start_idx').on(t.tenantId, t.startAt),
    index('events_tenant_status_start_idx').on(t.tenantId, t.status, t.startAt),
    index('events_school_idx').on(t.schoolId),
    index('events_inferred_district_idx').on(t.inferredDistrictId),
    index('events_tenant_title_idx').on(t.tenantId, t.title),
    ...tenantIsolation(),
  ],
).enableRLS();

export const volunteerParticipations = pgTable(
  'volunteer_participations',
  {
    ...imported(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    /** Raw status, e.g. Attended, Successfully Completed, No-Show (attendance is case-insensitive). */
    status: text('status'),
    deliveryHours: hours('delivery_hours'),
    ageGroup: text('age_group'),
    /** The volunteer's title and email at the time. */
    title: text('title'),
    email: text('email'),
  },
  (t) => [
    uniqueIndex('volunteer_participations_external_uq').on(t.tenantId, t.externalId),
    index('volunteer_participations_event_idx').on(t.eventId),
    index('volunteer_participations_contact_idx').on(t.contactId),
    ...tenantIsolation(),
  ],
).enableRLS();

export const studentParticipations = pgTable(
  'student_participations',
  {
    ...imported(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    status: text('status', { enum: STUDENT_PARTICIPATION_STATUSES })
      .notNull()
      .default('Registered'),
    deliveryHours: hours('delivery_hours'),
    ageGroup: text('age_group'),
  },
  (t) => [
    uniqueIndex('student_participations_external_uq').on(t.tenantId, t.externalId),
    uniqueIndex('student_participations_pair_uq').on(t.eventId, t.contactId),
    index('student_participations_contact_idx').on(t.contactId),
    ...tenantIsolation(),
  ],
).enableRLS();

/** A teacher's registration for a virtual session (from the session report). */
export const teacherParticipations = pgTable(
  'teacher_participations',
  {
    ...imported(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    status: text('status', { enum: TEACHER_PARTICIPATION_STATUSES })
      .notNull()
      .default('registered'),
    attendanceConfirmedAt: timestamp('attendance_confirmed_at', { withTimezone: true }),
    /** Written by staff; a row with a note is never overwritten by re-imports. */
    adminNote: text('admin_note'),
  },
  (t) => [
    uniqueIndex('teacher_participations_external_uq').on(t.tenantId, t.externalId),
    uniqueIndex('teacher_participations_pair_uq').on(t.eventId, t.contactId),
    index('teacher_participations_contact_idx').on(t.contactId),
    ...tenantIsolation(),
  ],
).enableRLS();

/** Activity history (Salesforce tasks): soft-deleted, never hard-deleted. */
export const activities = pgTable(
  'activities',
  {
    ...imported(),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    eventId: uuid('event_id').references(() => events.id, { onDelete: 'set null' }),
    type: text('type'),
    subject: text('subject'),
    description: text('description'),
    activityDate: day('activity_date'),
    status: text('status'),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    deletedById: uuid('deleted_by_id'),
  },
  (t) => [
    uniqueIndex('activities_external_uq').on(t.tenantId, t.externalId),
    index('activities_contact_idx').on(t.contactId),
    index('activities_event_idx').on(t.eventId),
    index('activities_tenant_date_idx').on(t.tenantId, t.activityDate),
    ...tenantIsolation(),
  ],
).enableRLS();

/** A data-quality issue of one record; auto-resolved when a later import fixes it. */
export const dataQualityFlags = pgTable(
  'data_quality_flags',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantId(),
    entityType: text('entity_type', { enum: FLAG_ENTITY_TYPES }).notNull(),
    /** The flagged record, once it exists (pending rows have only their external id). */
    entityId: uuid('entity_id'),
    entityExternalId: text('entity_external_id').notNull(),
    issue: text('issue', { enum: FLAG_ISSUES }).notNull(),
    details: text('details').notNull().default(''),
    status: text('status', { enum: FLAG_STATUSES }).notNull().default('open'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    dismissedAt: timestamp('dismissed_at', { withTimezone: true }),
    dismissedById: uuid('dismissed_by_id'),
  },
  (t) => [
    uniqueIndex('data_quality_flags_entity_issue_uq').on(
      t.tenantId,
      t.entityType,
      t.entityExternalId,
      t.issue,
    ),
    index('data_quality_flags_tenant_status_idx').on(t.tenantId, t.status, t.issue),
    ...tenantIsolation(),
  ],
).enableRLS();

/** Per-tenant settings of the engagement module (DOMAIN.md §2.6 ZIP prefixes). */
export const engagementSettings = pgTable(
  'engagement_settings',
  {
    tenantId: tenantId().primaryKey(),
    localZipPrefixes: text('local_zip_prefixes').array(),
    partialZipPrefixes: text('partial_zip_prefixes').array(),
    updatedAt: updatedAt(),
  },
  () => [...tenantIsolation()],
).enableRLS();
