import { z } from 'zod';
import type { HttpApp } from '../../../core/http/types.js';
import type { ModuleRouteDeps } from '../../../core/modules/define-module.js';
import { OUTCOME_STATUSES, SECTION_STATUSES } from '../enums.js';
import { SUBJECTS } from '../permissions.js';
import {
  applyReviewAction,
  listReview,
  reviewActionInput,
  reviewQuery,
} from '../services/review.js';
import {
  defaultReminder,
  getReminderSettings,
  reminderInput,
  reminderProgress,
  sendReminders,
  settingsInput,
  updateReminderSettings,
} from '../services/reminders.js';

const tags = ['outcomes: review'];
const review = ['review', SUBJECTS.sectionOutcome] as const;

const ref = z.object({ id: z.string(), number: z.string(), title: z.string().nullable() });

export const reviewRowReply = z.object({
  id: z.string(),
  status: z.enum(OUTCOME_STATUSES),
  took: z.number().int().nullable(),
  passed: z.number().int().nullable(),
  /** passed ÷ took as a fraction (0–1); null when took is unknown or 0, or passed unknown. */
  rate: z.number().nullable(),
  tool: z.string().nullable(),
  nciReason: z.string().nullable(),
  updatedAt: z.date(),
  clo: z.object({ id: z.string(), number: z.number().int(), description: z.string() }),
  section: z.object({
    id: z.string(),
    number: z.string(),
    dueDate: z.string().nullable(),
    status: z.enum(SECTION_STATUSES),
  }),
  course: ref,
  term: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  instructor: z
    .object({ id: z.string(), name: z.string(), email: z.string().nullable() })
    .nullable(),
});

const countsReply = z.object(
  Object.fromEntries(OUTCOME_STATUSES.map((s) => [s, z.number().int()])) as Record<
    (typeof OUTCOME_STATUSES)[number],
    z.ZodNumber
  >,
);

const reminderText = z.object({ subject: z.string(), message: z.string() });

const settingsReply = z.object({
  enabled: z.boolean(),
  daysBefore: z.array(z.number().int()),
  weeklyWhenOverdue: z.boolean(),
});

const progressReply = z.object({
  id: z.string(),
  template: z.string(),
  status: z.enum(['running', 'completed']),
  total: z.number().int(),
  createdAt: z.date(),
  completedAt: z.date().nullable(),
  counts: z.record(z.string(), z.number()),
  failures: z.array(
    z.object({ to: z.string(), status: z.string(), reason: z.string().nullable() }),
  ),
});

/** The reviewers' queue and actions (§3.2): tenant admins, and program admins in their programs. */
export function reviewRoutes(app: HttpApp, { db, emailSender, baseUrl }: ModuleRouteDeps) {
  app.get(
    '/api/outcomes/review',
    {
      config: { permission: review },
      schema: {
        tags,
        summary: 'Section outcomes to review: filtered, sorted, paged, with counts per status',
        querystring: reviewQuery,
        response: {
          200: z.object({
            items: z.array(reviewRowReply),
            total: z.number().int(),
            page: z.number().int(),
            pageSize: z.number().int(),
            /** Over the same filters, status aside. */
            counts: countsReply,
          }),
        },
      },
    },
    async (request) => listReview(db, request.ctx, request.query),
  );

  app.post(
    '/api/outcomes/review/actions',
    {
      config: { permission: review },
      schema: {
        tags,
        summary: 'Approve, request rework, mark never coming in, or reopen — all or nothing',
        body: reviewActionInput,
        response: { 200: z.object({ updated: z.number().int() }) },
      },
    },
    async (request) => applyReviewAction(db, { emailSender, baseUrl }, request.ctx, request.body),
  );

  app.get(
    '/api/outcomes/review/reminders/default',
    {
      config: { permission: review },
      schema: {
        tags,
        summary: 'The pre-filled subject and message of a reminder',
        response: { 200: reminderText },
      },
    },
    async () => defaultReminder(),
  );

  app.post(
    '/api/outcomes/review/reminders',
    {
      config: { permission: review },
      schema: {
        tags,
        summary:
          'Remind the instructors of these sections (one bulk job, one email per instructor); skips sections without an instructor email, with nothing to submit, or reminded in the last 24 h',
        body: reminderInput,
        response: {
          200: z.object({
            bulkJobId: z.string().nullable(),
            recipients: z.number().int(),
            skipped: z.number().int(),
          }),
        },
      },
    },
    async (request) => sendReminders(db, { emailSender, baseUrl }, request.ctx, request.body),
  );

  app.get(
    '/api/outcomes/review/reminders/:bulkJobId',
    {
      config: { permission: review },
      schema: {
        tags,
        summary: 'Live progress of a reminder job',
        params: z.object({ bulkJobId: z.uuid() }),
        response: { 200: progressReply },
      },
    },
    async (request) => reminderProgress(db, request.ctx, request.params.bulkJobId),
  );

  app.get(
    '/api/outcomes/reminder-settings',
    {
      config: { permission: ['read', SUBJECTS.reminderSettings] },
      schema: {
        tags,
        summary: 'The scheduled reminders of the institution',
        response: { 200: settingsReply },
      },
    },
    async (request) => getReminderSettings(db, request.ctx),
  );

  app.put(
    '/api/outcomes/reminder-settings',
    {
      config: { permission: ['update', SUBJECTS.reminderSettings] },
      schema: {
        tags,
        summary: 'Change the scheduled reminders (days before the due date, weekly when overdue)',
        body: settingsInput,
        response: { 200: settingsReply },
      },
    },
    async (request) => updateReminderSettings(db, request.ctx, request.body),
  );
}
