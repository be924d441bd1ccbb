import { and, eq, inArray, isNotNull, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../../core/db/client.js';
import { tenants } from '../../../core/db/schema.js';
import { emailBulkJobs } from '../../../core/email/schema.js';
import type { OutcomesScope } from '../scope.js';
import {
  courses,
  instructors,
  offerings,
  reminderSettings,
  sectionReminders,
  sections,
  terms,
  type REMINDER_KINDS,
} from '../schema.js';
import { sectionVisible } from './scope.js';
import { dueDateOf } from './workflow.js';

/*
 * SQL of assessment reminders (§3.2): the sections a reminder is about, the reminders already
 * sent (at most one per section per 24 h), the institution's schedule and its daily claim.
 */

// Qualified by hand: drizzle leaves columns inside sql`` unqualified.
/** Outcomes still waiting for the instructor: assigned, in progress or sent back. */
const openCount = sql<number>`(select count(*)::int from section_outcomes so
  where so.section_id = "sections"."id"
    and so.status in ('assigned', 'in_progress', 'needs_rework'))`;
const lastReminderAt = sql<Date | null>`(select max(sr.sent_at) from section_reminders sr
  where sr.section_id = "sections"."id")`;

const target = {
  id: sections.id,
  number: sections.number,
  courseNumber: courses.number,
  termName: terms.name,
  dueDate: dueDateOf,
  instructorName: instructors.name,
  instructorEmail: instructors.email,
  open: openCount,
  lastReminderAt,
};

const joined = (q: Queryable, where: SQL | undefined) =>
  q
    .select(target)
    .from(sections)
    .innerJoin(offerings, eq(offerings.id, sections.offeringId))
    .innerJoin(courses, eq(courses.id, offerings.courseId))
    .innerJoin(terms, eq(terms.id, offerings.termId))
    .leftJoin(instructors, eq(instructors.id, sections.instructorId))
    .where(where)
    .orderBy(courses.number, sections.number);

export type ReminderTarget = Awaited<ReturnType<typeof joined>>[number];

/** The named sections that are in the scope, with what a reminder needs to know. */
export const sectionsInScope = (q: Queryable, scope: OutcomesScope, ids: readonly string[]) =>
  joined(q, and(inArray(sections.id, [...ids]), sectionVisible(q, scope)));

export interface Schedule {
  today: string;
  daysBefore: readonly number[];
  weeklyWhenOverdue: boolean;
  /** Sections reminded after this moment are left alone (24 h before now). */
  remindedSince: Date;
}

/**
 * The sections the schedule reminds today: with an instructor email and outcomes still open,
 * due in one of `daysBefore` days, or overdue by a whole number of weeks, and not reminded since.
 */
export function dueForReminder(q: Queryable, schedule: Schedule) {
  const daysLeft = sql`(${dueDateOf} - ${schedule.today}::date)`;
  const days = schedule.daysBefore.length > 0 ? [...schedule.daysBefore] : [-1];
  return joined(
    q,
    and(
      isNotNull(instructors.email),
      sql`${openCount} > 0`,
      or(
        sql`${daysLeft} in ${days}`,
        schedule.weeklyWhenOverdue ? sql`${daysLeft} < 0 and ${daysLeft} % 7 = 0` : undefined,
      ),
      sql`not exists (select 1 from section_reminders sr
        where sr.section_id = "sections"."id" and sr.sent_at > ${schedule.remindedSince.toISOString()}::timestamptz)`,
    ),
  );
}

export const recordReminders = (
  q: Queryable,
  tenantId: string,
  sectionIds: readonly string[],
  kind: (typeof REMINDER_KINDS)[number],
  bulkJobId: string | null,
  sentAt: Date,
) =>
  sectionIds.length === 0
    ? Promise.resolve()
    : q
        .insert(sectionReminders)
        .values(sectionIds.map((sectionId) => ({ tenantId, sectionId, kind, bulkJobId, sentAt })))
        .then(() => undefined);

export const settingsOf = async (q: Queryable) => (await q.select().from(reminderSettings))[0];

export interface ScheduleSettings {
  enabled: boolean;
  daysBefore: number[];
  weeklyWhenOverdue: boolean;
}

export const saveSettings = (q: Queryable, tenantId: string, values: ScheduleSettings) =>
  q
    .insert(reminderSettings)
    .values({ tenantId, ...values })
    .onConflictDoUpdate({
      target: reminderSettings.tenantId,
      set: { ...values, updatedAt: new Date() },
    });

/** Institutions (active, with the module) whose schedule is on — read across tenants. */
export const enabledSchedules = (q: Queryable) =>
  q
    .select({
      tenantId: reminderSettings.tenantId,
      daysBefore: reminderSettings.daysBefore,
      weeklyWhenOverdue: reminderSettings.weeklyWhenOverdue,
      lastRunOn: reminderSettings.lastRunOn,
      timezone: sql<string | null>`${tenants.settings} ->> 'timezone'`,
    })
    .from(reminderSettings)
    .innerJoin(tenants, eq(tenants.id, reminderSettings.tenantId))
    .where(
      and(
        eq(reminderSettings.enabled, true),
        eq(tenants.isActive, true),
        sql`'outcomes' = any(${tenants.modules})`,
      ),
    );

/** Claims the institution's run for `today`: false when it already ran (another worker did). */
export async function claimDay(q: Queryable, today: string) {
  const claimed = await q
    .update(reminderSettings)
    .set({ lastRunOn: today })
    .where(
      and(
        eq(reminderSettings.enabled, true),
        or(isNull(reminderSettings.lastRunOn), lt(reminderSettings.lastRunOn, today)),
      ),
    )
    .returning({ tenantId: reminderSettings.tenantId });
  return claimed.length > 0;
}

/** The tenant a bulk email job belongs to. */
export async function jobTenant(q: Queryable, bulkJobId: string) {
  const [row] = await q
    .select({ tenantId: emailBulkJobs.tenantId })
    .from(emailBulkJobs)
    .where(eq(emailBulkJobs.id, bulkJobId));
  return row?.tenantId ?? null;
}
