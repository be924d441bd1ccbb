import { z } from 'zod';
import type { RequestContext } from '../../../core/access/request-context.js';
import { recordAudit, type AuditContext } from '../../../core/audit/service.js';
import type { Db, Queryable } from '../../../core/db/client.js';
import { tx } from '../../../core/db/tx.js';
import { bulkProgress, createBulkJob, type BulkRecipient } from '../../../core/email/bulk.js';
import type { EmailSender } from '../../../core/email/sender.js';
import { NotFoundError } from '../../../core/errors.js';
import { DEFAULT_TIMEZONE } from '../../../core/reports/cache.js';
import { parseInput } from '../../../core/validation.js';
import * as remindersData from '../data/reminders.js';
import { todayIn } from '../rules/term-code.js';
import { inTenant } from './context.js';

/*
 * Assessment reminders (§3.2): reviewers remind the instructors of chosen sections (one bulk email
 * job, one email per instructor listing their sections); the daily job does the same on the
 * institution's schedule. A section gets at most one reminder per 24 hours, whoever sends it.
 */

const TEMPLATE = 'assessment-reminder';
const DAY_MS = 24 * 60 * 60 * 1000;

export const DEFAULT_REMINDER = {
  subject: 'Reminder: your course assessment results are due',
  message:
    'Please enter and submit the learning-outcome results of the sections listed in this email ' +
    'before their due date. Thank you!',
};

export const DEFAULT_SETTINGS: remindersData.ScheduleSettings = {
  enabled: false,
  daysBefore: [7, 1],
  weeklyWhenOverdue: true,
};

export const reminderInput = z.object({
  sectionIds: z.array(z.uuid()).min(1).max(500),
  subject: z.string().trim().min(1, 'is required').max(200),
  message: z.string().trim().min(1, 'is required').max(5000),
});

export const settingsInput = z.object({
  enabled: z.boolean(),
  daysBefore: z
    .array(z.number().int().min(1).max(60))
    .max(5)
    .transform((days) => [...new Set(days)].sort((a, b) => b - a)),
  weeklyWhenOverdue: z.boolean(),
});

const longDate = (day: string) =>
  new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );

/** One email per instructor, listing their sections, the terms and the earliest due date. */
function emailsFor(
  targets: readonly remindersData.ReminderTarget[],
  text: { subject: string | null; message: string | null },
  baseUrl: string,
): BulkRecipient<typeof TEMPLATE>[] {
  const byInstructor = new Map<string, remindersData.ReminderTarget[]>();
  for (const target of targets) {
    if (!target.instructorEmail) continue;
    byInstructor.set(target.instructorEmail, [
      ...(byInstructor.get(target.instructorEmail) ?? []),
      target,
    ]);
  }
  return [...byInstructor].map(([to, mine]) => {
    const due = mine
      .map((t) => t.dueDate)
      .filter((d): d is string => d !== null)
      .sort()[0];
    return {
      to,
      data: {
        instructorName: mine[0]?.instructorName ?? '',
        sections: mine.map((t) => `${t.courseNumber} ${t.number}`),
        term: [...new Set(mine.map((t) => t.termName))].join(', '),
        dueDate: due ? longDate(due) : 'soon',
        message: text.message,
        url: `${baseUrl}/outcomes/my`,
        subject: text.subject,
      },
    };
  });
}

interface SendDeps {
  emailSender: EmailSender;
  baseUrl: string;
}

/** Queues one bulk job for the targets and records a reminder per section. */
async function queueReminders(
  q: Queryable,
  deps: SendDeps,
  args: {
    tenantId: string;
    createdById?: string;
    kind: 'manual' | 'scheduled';
    targets: readonly remindersData.ReminderTarget[];
    text: { subject: string | null; message: string | null };
    now: Date;
  },
) {
  const recipients = emailsFor(args.targets, args.text, deps.baseUrl);
  if (recipients.length === 0) return { bulkJobId: null, recipients: 0 };
  const job = await createBulkJob(q, deps.emailSender, {
    tenantId: args.tenantId,
    template: TEMPLATE,
    createdById: args.createdById,
    recipients,
  });
  await remindersData.recordReminders(
    q,
    args.tenantId,
    args.targets.map((t) => t.id),
    args.kind,
    job.id,
    args.now,
  );
  return { bulkJobId: job.id, recipients: recipients.length };
}

/** The text the reminder dialog starts from (the reviewer may edit it). */
export const defaultReminder = () => ({ ...DEFAULT_REMINDER });

/**
 * Reminds the instructors of the chosen sections (all in scope, else 404). Sections without an
 * instructor email, with nothing left to submit, or reminded in the last 24 hours are skipped.
 */
export function sendReminders(
  db: Db,
  deps: SendDeps,
  ctx: RequestContext,
  input: z.input<typeof reminderInput>,
) {
  const { sectionIds, subject, message } = parseInput(reminderInput, input);
  const ids = [...new Set(sectionIds)];
  return inTenant(db, ctx, async (q, { tenantId, scope }) => {
    const found = await remindersData.sectionsInScope(q, scope, ids);
    if (found.length !== ids.length) throw new NotFoundError('Section');
    const now = new Date();
    const since = now.getTime() - DAY_MS;
    const targets = found.filter(
      (s) =>
        s.instructorEmail !== null &&
        s.open > 0 &&
        (s.lastReminderAt === null || new Date(s.lastReminderAt).getTime() <= since),
    );
    const queued = await queueReminders(q, deps, {
      tenantId,
      createdById: ctx.user?.id,
      kind: 'manual',
      targets,
      text: { subject, message },
      now,
    });
    const skipped = found.length - targets.length;
    await recordAudit(q, ctx, {
      action: 'outcomes.reminders.send',
      target: queued.bulkJobId
        ? { type: 'email_bulk_job', id: queued.bulkJobId, label: subject }
        : { type: 'email_bulk_job', label: subject },
      meta: { sections: targets.length, recipients: queued.recipients, skipped },
    });
    return { ...queued, skipped };
  });
}

/** Progress of a reminder job of the caller's tenant. */
export function reminderProgress(db: Db, ctx: RequestContext, bulkJobId: string) {
  return inTenant(db, ctx, async (q, { tenantId }) => {
    const progress = await bulkProgress(q, bulkJobId);
    const ownJob = progress && progress.template === TEMPLATE;
    if (!ownJob) throw new NotFoundError('Reminder job');
    const tenantOf = await remindersData.jobTenant(q, bulkJobId);
    if (tenantOf !== tenantId) throw new NotFoundError('Reminder job');
    return progress;
  });
}

export const getReminderSettings = (db: Db, ctx: RequestContext) =>
  inTenant(db, ctx, async (q) => {
    const stored = await remindersData.settingsOf(q);
    return stored
      ? {
          enabled: stored.enabled,
          daysBefore: stored.daysBefore,
          weeklyWhenOverdue: stored.weeklyWhenOverdue,
        }
      : { ...DEFAULT_SETTINGS };
  });

export function updateReminderSettings(
  db: Db,
  ctx: RequestContext,
  input: z.input<typeof settingsInput>,
) {
  const values = parseInput(settingsInput, input);
  return inTenant(db, ctx, async (q, { tenantId }) => {
    const before = await remindersData.settingsOf(q);
    await remindersData.saveSettings(q, tenantId, values);
    await recordAudit(q, ctx, {
      action: 'outcomes.reminder_settings.update',
      target: { type: 'reminder_settings', id: tenantId },
      changes: {
        enabled: [before?.enabled ?? DEFAULT_SETTINGS.enabled, values.enabled],
        daysBefore: [before?.daysBefore ?? DEFAULT_SETTINGS.daysBefore, values.daysBefore],
        weeklyWhenOverdue: [
          before?.weeklyWhenOverdue ?? DEFAULT_SETTINGS.weeklyWhenOverdue,
          values.weeklyWhenOverdue,
        ],
      },
    });
    return values;
  });
}

export interface ScheduledRun {
  tenantId: string;
  today: string;
  sections: number;
  recipients: number;
  bulkJobId: string | null;
}

/**
 * The daily job: for each institution with the schedule on whose day has not run yet, reminds the
 * instructors of sections due in one of the chosen days (or overdue by whole weeks), unless the
 * section was reminded in the last 24 hours. Safe to call often: each day runs once.
 */
export async function runScheduledReminders(
  deps: SendDeps & { db: Db },
  now = new Date(),
): Promise<ScheduledRun[]> {
  const schedules = await tx(deps.db, { allTenants: true }, (q) =>
    remindersData.enabledSchedules(q),
  );
  const runs: ScheduledRun[] = [];
  for (const schedule of schedules) {
    const today = todayIn(schedule.timezone ?? DEFAULT_TIMEZONE, now);
    if (schedule.lastRunOn !== null && schedule.lastRunOn >= today) continue;
    const run = await tx(deps.db, { tenantId: schedule.tenantId }, async (q) => {
      if (!(await remindersData.claimDay(q, today))) return null;
      const targets = await remindersData.dueForReminder(q, {
        today,
        daysBefore: schedule.daysBefore,
        weeklyWhenOverdue: schedule.weeklyWhenOverdue,
        remindedSince: new Date(now.getTime() - DAY_MS),
      });
      const queued = await queueReminders(q, deps, {
        tenantId: schedule.tenantId,
        kind: 'scheduled',
        targets,
        text: { subject: null, message: null },
        now,
      });
      if (queued.bulkJobId) {
        const system: AuditContext = { tenantId: schedule.tenantId, actor: { type: 'system' } };
        await recordAudit(q, system, {
          action: 'outcomes.reminders.scheduled',
          target: { type: 'email_bulk_job', id: queued.bulkJobId, label: today },
          meta: { sections: targets.length, recipients: queued.recipients },
        });
      }
      return { tenantId: schedule.tenantId, today, sections: targets.length, ...queued };
    });
    if (run) runs.push(run);
  }
  return runs;
}
