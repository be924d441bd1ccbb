import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { users } from '../../core/auth/schema.js';
import { tenantIdColumn, tenantIsolation } from '../../core/db/app-role.js';
import { tenants } from '../../core/db/schema.js';
import { emailBulkJobs } from '../../core/email/schema.js';
import { MAPPING_STATUSES, OUTCOME_STATUSES, TOOL_MAX_LENGTH } from './enums.js';

/*
 * The outcomes data model (DOMAIN.md §3.1). Every table is tenant-owned (RLS); the tenant is the
 * institution. Program admins are scoped through course_programs.
 */

const tenantId = () => tenantIdColumn().references(() => tenants.id, { onDelete: 'cascade' });
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();
const day = (name: string) => date(name, { mode: 'string' });
const count = (name: string) => integer(name);

const entity = () => ({
  id: uuid('id').primaryKey().defaultRandom(),
  tenantId: tenantId(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** A program; every institution has one default ("Unclassified") that cannot be deleted. */
export const programs = pgTable(
  'programs',
  {
    ...entity(),
    name: text('name').notNull(),
    shortName: text('short_name'),
    description: text('description'),
    isDefault: boolean('is_default').notNull().default(false),
  },
  (t) => [
    uniqueIndex('programs_tenant_name_uq').on(t.tenantId, sql`lower(${t.name})`),
    uniqueIndex('programs_tenant_default_uq')
      .on(t.tenantId)
      .where(sql`is_default`),
    ...tenantIsolation(),
  ],
).enableRLS();

/** A course: `PREFIX-NNN` with an optional letter suffix, unique per institution. */
export const courses = pgTable(
  'courses',
  {
    ...entity(),
    number: text('number').notNull(),
    title: text('title'),
    creditHours: numeric('credit_hours', { precision: 4, scale: 1, mode: 'number' })
      .notNull()
      .default(3),
  },
  (t) => [uniqueIndex('courses_tenant_number_uq').on(t.tenantId, t.number), ...tenantIsolation()],
).enableRLS();

export const coursePrograms = pgTable(
  'course_programs',
  {
    tenantId: tenantId(),
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.courseId, t.programId] }),
    index('course_programs_program_idx').on(t.programId),
    ...tenantIsolation(),
  ],
).enableRLS();

/** A term (`2024FA` ↔ "Fall 2024"); its status is computed from its dates. */
export const terms = pgTable(
  'terms',
  {
    ...entity(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    startDate: day('start_date').notNull(),
    endDate: day('end_date').notNull(),
    /** When assessment data is due for the term's sections (a section may override it). */
    dueDate: day('due_date'),
  },
  (t) => [
    uniqueIndex('terms_tenant_code_uq').on(t.tenantId, t.code),
    index('terms_tenant_start_idx').on(t.tenantId, t.startDate),
    ...tenantIsolation(),
  ],
).enableRLS();

/** A course taught in a term. */
export const offerings = pgTable(
  'offerings',
  {
    ...entity(),
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    termId: uuid('term_id')
      .notNull()
      .references(() => terms.id, { onDelete: 'cascade' }),
  },
  (t) => [
    uniqueIndex('offerings_course_term_uq').on(t.courseId, t.termId),
    index('offerings_term_idx').on(t.termId),
    ...tenantIsolation(),
  ],
).enableRLS();

/**
 * A person who teaches, per institution. Without an email (`needs_email`) it can still be assigned
 * work; it becomes invitable once an email is added. `userId` links the account once known.
 */
export const instructors = pgTable(
  'instructors',
  {
    ...entity(),
    name: text('name').notNull(),
    email: text('email'),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    uniqueIndex('instructors_tenant_email_uq')
      .on(t.tenantId, t.email)
      .where(sql`email is not null`),
    uniqueIndex('instructors_tenant_name_no_email_uq')
      .on(t.tenantId, sql`lower(${t.name})`)
      .where(sql`email is null`),
    index('instructors_user_idx').on(t.userId),
    ...tenantIsolation(),
  ],
).enableRLS();

/** A section of an offering, with its instructor, numbers, narratives and due date. */
export const sections = pgTable(
  'sections',
  {
    ...entity(),
    offeringId: uuid('offering_id')
      .notNull()
      .references(() => offerings.id, { onDelete: 'cascade' }),
    /** `001`, `002`, … within the offering. */
    number: text('number').notNull(),
    /** The registrar feed's identity of the section (`COURSE:Faculty Name`), when imported. */
    combo: text('combo'),
    instructorId: uuid('instructor_id').references(() => instructors.id, {
      onDelete: 'set null',
    }),
    enrollment: count('enrollment'),
    withdrawals: count('withdrawals'),
    /** Students who passed with A, B or C. */
    passedCount: count('passed_count'),
    /** Students with D, F or Incomplete. */
    dficCount: count('dfic_count'),
    cannotReconcile: boolean('cannot_reconcile').notNull().default(false),
    reconcileNote: text('reconcile_note'),
    celebrations: text('celebrations'),
    challenges: text('challenges'),
    changes: text('changes'),
    dueDate: day('due_date'),
  },
  (t) => [
    uniqueIndex('sections_offering_number_uq').on(t.offeringId, t.number),
    uniqueIndex('sections_offering_combo_uq')
      .on(t.offeringId, t.combo)
      .where(sql`combo is not null`),
    index('sections_instructor_idx').on(t.instructorId),
    ...tenantIsolation(),
  ],
).enableRLS();

/** A course learning outcome (CLO): the template every section of the course assesses. */
export const courseOutcomes = pgTable(
  'course_outcomes',
  {
    ...entity(),
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    description: text('description').notNull(),
    isActive: boolean('is_active').notNull().default(true),
  },
  (t) => [
    uniqueIndex('course_outcomes_course_number_uq').on(t.courseId, t.number),
    ...tenantIsolation(),
  ],
).enableRLS();

/** One CLO assessed in one section: the numbers, the tool and the workflow status (§3.2). */
export const sectionOutcomes = pgTable(
  'section_outcomes',
  {
    ...entity(),
    sectionId: uuid('section_id')
      .notNull()
      .references(() => sections.id, { onDelete: 'cascade' }),
    courseOutcomeId: uuid('course_outcome_id')
      .notNull()
      .references(() => courseOutcomes.id, { onDelete: 'cascade' }),
    took: count('took'),
    passed: count('passed'),
    tool: varchar('tool', { length: TOOL_MAX_LENGTH }),
    status: text('status', { enum: OUTCOME_STATUSES }).notNull().default('unassigned'),
    /** Why the data is never coming in (status `never_coming_in`). */
    nciReason: text('nci_reason'),
  },
  (t) => [
    uniqueIndex('section_outcomes_section_clo_uq').on(t.sectionId, t.courseOutcomeId),
    index('section_outcomes_clo_idx').on(t.courseOutcomeId),
    index('section_outcomes_tenant_status_idx').on(t.tenantId, t.status),
    ...tenantIsolation(),
  ],
).enableRLS();

/** Every status transition of a section outcome: who, when, why (the review trail). */
export const sectionOutcomeHistory = pgTable(
  'section_outcome_history',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantId(),
    sectionOutcomeId: uuid('section_outcome_id')
      .notNull()
      .references(() => sectionOutcomes.id, { onDelete: 'cascade' }),
    action: text('action').notNull(),
    fromStatus: text('from_status', { enum: OUTCOME_STATUSES }),
    toStatus: text('to_status', { enum: OUTCOME_STATUSES }).notNull(),
    comment: text('comment'),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    actorLabel: text('actor_label'),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('section_outcome_history_outcome_idx').on(t.sectionOutcomeId, t.occurredAt),
    ...tenantIsolation(),
  ],
).enableRLS();

/** A program learning outcome (PLO). */
export const programOutcomes = pgTable(
  'program_outcomes',
  {
    ...entity(),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    description: text('description').notNull(),
  },
  (t) => [
    uniqueIndex('program_outcomes_program_number_uq').on(t.programId, t.number),
    ...tenantIsolation(),
  ],
).enableRLS();

/** A version of a program's CLO → PLO mapping: one draft per program, published v1, v2, … */
export const ploMappings = pgTable(
  'plo_mappings',
  {
    ...entity(),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    status: text('status', { enum: MAPPING_STATUSES }).notNull().default('draft'),
    /** Set when published. */
    version: integer('version'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('plo_mappings_program_version_uq')
      .on(t.programId, t.version)
      .where(sql`version is not null`),
    uniqueIndex('plo_mappings_program_draft_uq')
      .on(t.programId)
      .where(sql`status = 'draft'`),
    ...tenantIsolation(),
  ],
).enableRLS();

/** One CLO mapped to at most one PLO within a mapping version. */
export const ploMappingEntries = pgTable(
  'plo_mapping_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantId(),
    mappingId: uuid('mapping_id')
      .notNull()
      .references(() => ploMappings.id, { onDelete: 'cascade' }),
    courseOutcomeId: uuid('course_outcome_id')
      .notNull()
      .references(() => courseOutcomes.id, { onDelete: 'cascade' }),
    programOutcomeId: uuid('program_outcome_id')
      .notNull()
      .references(() => programOutcomes.id, { onDelete: 'cascade' }),
  },
  (t) => [
    uniqueIndex('plo_mapping_entries_mapping_clo_uq').on(t.mappingId, t.courseOutcomeId),
    index('plo_mapping_entries_plo_idx').on(t.programOutcomeId),
    ...tenantIsolation(),
  ],
).enableRLS();

export const REMINDER_KINDS = ['manual', 'scheduled'] as const;

/**
 * A reminder sent to a section's instructor, by a reviewer or by the daily job: a section gets at
 * most one per 24 hours, whichever sent it.
 */
export const sectionReminders = pgTable(
  'section_reminders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantId(),
    sectionId: uuid('section_id')
      .notNull()
      .references(() => sections.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: REMINDER_KINDS }).notNull(),
    /** The bulk email job that carried it. */
    bulkJobId: uuid('bulk_job_id').references(() => emailBulkJobs.id, { onDelete: 'set null' }),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('section_reminders_section_sent_idx').on(t.sectionId, t.sentAt),
    ...tenantIsolation(),
  ],
).enableRLS();

/**
 * The institution's scheduled reminders: N days before a section's due date, and weekly once it
 * is overdue. `lastRunOn` is the institution's day the daily job last ran (once a day).
 */
export const reminderSettings = pgTable(
  'outcome_reminder_settings',
  {
    tenantId: tenantId().primaryKey(),
    enabled: boolean('enabled').notNull().default(false),
    daysBefore: integer('days_before')
      .array()
      .notNull()
      .default(sql`'{7,1}'::integer[]`),
    weeklyWhenOverdue: boolean('weekly_when_overdue').notNull().default(true),
    lastRunOn: day('last_run_on'),
    updatedAt: updatedAt(),
  },
  () => [...tenantIsolation()],
).enableRLS();
