import { z } from 'zod';
import {
  INSTRUCTOR_STATUSES,
  OUTCOME_STATUSES,
  SECTION_STATUSES,
  TERM_STATUSES,
} from '../enums.js';
import { ISSUE_FIELDS } from '../workflow/validation.js';

/** Reply schemas of the outcomes API (they also document it). */

export const programReply = z.object({
  id: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  description: z.string().nullable(),
  isDefault: z.boolean(),
  courseCount: z.number().int(),
});

const namedProgram = z.object({ id: z.string(), name: z.string() });

export const courseReply = z.object({
  id: z.string(),
  number: z.string(),
  title: z.string().nullable(),
  creditHours: z.number(),
  outcomeCount: z.number().int(),
  offeringCount: z.number().int(),
  programs: z.array(namedProgram),
});

export const courseOutcomeReply = z.object({
  id: z.string(),
  courseId: z.string(),
  number: z.number().int(),
  description: z.string(),
  isActive: z.boolean(),
  resultCount: z.number().int(),
});

export const courseDetailReply = courseReply.extend({ outcomes: z.array(courseOutcomeReply) });

export const termReply = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  dueDate: z.string().nullable(),
  status: z.enum(TERM_STATUSES),
  offeringCount: z.number().int(),
});

const courseRef = z.object({ id: z.string(), number: z.string(), title: z.string().nullable() });
const termRef = z.object({ id: z.string(), code: z.string(), name: z.string() });

export const offeringReply = z.object({
  id: z.string(),
  course: courseRef,
  term: termRef,
  sectionCount: z.number().int(),
});

export const instructorReply = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  status: z.enum(INSTRUCTOR_STATUSES),
  userId: z.string().nullable(),
  sectionCount: z.number().int(),
});

export const sectionReply = z.object({
  id: z.string(),
  number: z.string(),
  offeringId: z.string(),
  combo: z.string().nullable(),
  course: courseRef,
  term: termRef,
  instructor: z
    .object({
      id: z.string(),
      name: z.string(),
      email: z.string().nullable(),
      status: z.enum(INSTRUCTOR_STATUSES),
    })
    .nullable(),
  enrollment: z.number().int().nullable(),
  withdrawals: z.number().int().nullable(),
  passedCount: z.number().int().nullable(),
  dficCount: z.number().int().nullable(),
  cannotReconcile: z.boolean(),
  reconcileNote: z.string().nullable(),
  celebrations: z.string().nullable(),
  challenges: z.string().nullable(),
  changes: z.string().nullable(),
  dueDate: z.string().nullable(),
  status: z.enum(SECTION_STATUSES),
  outcomeCount: z.number().int(),
});

/** One problem of the §3.2 submit checks, naming the CLO (null: the section) and the field. */
export const issueReply = z.object({
  outcomeId: z.string().nullable(),
  cloNumber: z.number().int().nullable(),
  field: z.enum(ISSUE_FIELDS),
  message: z.string(),
});

export const historyEntryReply = z.object({
  id: z.string(),
  sectionOutcomeId: z.string(),
  cloNumber: z.number().int(),
  action: z.string(),
  fromStatus: z.enum(OUTCOME_STATUSES).nullable(),
  toStatus: z.enum(OUTCOME_STATUSES),
  comment: z.string().nullable(),
  actorLabel: z.string().nullable(),
  occurredAt: z.date(),
});

export const sectionDetailReply = sectionReply.extend({
  outcomes: z.array(
    z.object({
      id: z.string(),
      courseOutcome: z.object({
        id: z.string(),
        number: z.number().int(),
        description: z.string(),
      }),
      took: z.number().int().nullable(),
      passed: z.number().int().nullable(),
      tool: z.string().nullable(),
      status: z.enum(OUTCOME_STATUSES),
      nciReason: z.string().nullable(),
      updatedAt: z.date(),
    }),
  ),
  /** Newest first. */
  history: z.array(historyEntryReply),
  /** edit/submit: the caller teaches the section and something is still open; review: reviewer in scope. */
  can: z.object({ edit: z.boolean(), submit: z.boolean(), review: z.boolean() }),
  validation: z.object({ errors: z.array(issueReply), warnings: z.array(issueReply) }),
});

export const idParams = z.object({ id: z.uuid() });
