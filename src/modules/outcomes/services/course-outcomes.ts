import { z } from 'zod';
import type { RequestContext } from '../../../core/access/request-context.js';
import { recordAudit } from '../../../core/audit/service.js';
import type { Db, Tx } from '../../../core/db/client.js';
import { AppError, ConflictError, NotFoundError } from '../../../core/errors.js';
import { parseInput } from '../../../core/validation.js';
import * as outcomesData from '../data/course-outcomes.js';
import * as coursesData from '../data/courses.js';
import * as sectionOutcomesData from '../data/section-outcomes.js';
import type { OutcomesScope } from '../scope.js';
import { changesOf, createdFields, deletedFields, inTenant, resultsChanged } from './context.js';

const description = z
  .string()
  .trim()
  .min(1, 'is required')
  .max(2000, 'is at most 2,000 characters');

export const courseOutcomeInput = z.object({
  number: z.number().int().min(1, 'must be 1 or more').max(999).optional(),
  description,
});
export const courseOutcomeUpdateInput = z.object({ description, isActive: z.boolean() }).partial();

const FIELDS = ['number', 'description', 'isActive'] as const;

export class OutcomeHasResultsError extends AppError {
  constructor() {
    super(
      409,
      'outcome_has_results',
      'Sections already reported results for this outcome; deactivate it instead',
    );
  }
}

async function visibleCourse(q: Tx, scope: OutcomesScope, courseId: string) {
  const course = await coursesData.find(q, scope, courseId);
  if (!course) throw new NotFoundError('Course');
  return course;
}

/** A CLO whose course the caller sees. */
async function visibleOutcome(q: Tx, scope: OutcomesScope, id: string) {
  const outcome = await outcomesData.find(q, id);
  if (!outcome) throw new NotFoundError('Course outcome');
  const course = await coursesData.find(q, scope, outcome.courseId);
  if (!course) throw new NotFoundError('Course outcome');
  return { outcome, course };
}

const label = (courseNumber: string, number: number) => `${courseNumber}.${String(number)}`;

export const listCourseOutcomes = (db: Db, ctx: RequestContext, courseId: string) =>
  inTenant(db, ctx, async (q, { scope }) => {
    await visibleCourse(q, scope, courseId);
    return outcomesData.listForCourse(q, courseId);
  });

/** Adds a CLO to a course (numbered next unless given) and to every section of the course. */
export function createCourseOutcome(
  db: Db,
  ctx: RequestContext,
  courseId: string,
  input: z.input<typeof courseOutcomeInput>,
) {
  const values = parseInput(courseOutcomeInput, input);
  return inTenant(db, ctx, async (q, { tenantId, scope }) => {
    const course = await visibleCourse(q, scope, courseId);
    const number = values.number ?? (await outcomesData.nextNumber(q, courseId));
    const created = await outcomesData.insert(q, tenantId, courseId, {
      number,
      description: values.description,
      isActive: true,
    });
    if (!created) {
      throw new ConflictError(`${label(course.number, number)} already exists`, [
        { path: 'number', message: 'is taken' },
      ]);
    }
    const sections = await sectionOutcomesData.createForCourseOutcome(q, tenantId, created.id);
    await resultsChanged(q, ctx);
    await recordAudit(q, ctx, {
      action: 'outcomes.course_outcome.create',
      target: { type: 'course_outcome', id: created.id, label: label(course.number, number) },
      changes: createdFields(created, FIELDS),
      meta: { sectionOutcomesCreated: sections },
    });
    return { ...created, resultCount: 0 };
  });
}

/** Edits a CLO; reactivating one adds it to the sections that lack it. */
export function updateCourseOutcome(
  db: Db,
  ctx: RequestContext,
  id: string,
  input: z.input<typeof courseOutcomeUpdateInput>,
) {
  const values = parseInput(courseOutcomeUpdateInput, input);
  return inTenant(db, ctx, async (q, { tenantId, scope }) => {
    const { outcome: before, course } = await visibleOutcome(q, scope, id);
    await outcomesData.update(q, id, values);
    const after = await outcomesData.find(q, id);
    if (!after) throw new NotFoundError('Course outcome');
    const sections =
      after.isActive && !before.isActive
        ? await sectionOutcomesData.createForCourseOutcome(q, tenantId, id)
        : 0;
    await resultsChanged(q, ctx);
    await recordAudit(q, ctx, {
      action: 'outcomes.course_outcome.update',
      target: { type: 'course_outcome', id, label: label(course.number, after.number) },
      changes: changesOf(before, after, FIELDS),
      meta: sections > 0 ? { sectionOutcomesCreated: sections } : undefined,
    });
    return after;
  });
}

/** Deletes a CLO no section has reported on (with its empty section outcomes). */
export function deleteCourseOutcome(db: Db, ctx: RequestContext, id: string) {
  return inTenant(db, ctx, async (q, { scope }) => {
    const { outcome, course } = await visibleOutcome(q, scope, id);
    if (outcome.resultCount > 0) throw new OutcomeHasResultsError();
    await outcomesData.remove(q, id);
    await resultsChanged(q, ctx);
    await recordAudit(q, ctx, {
      action: 'outcomes.course_outcome.delete',
      target: { type: 'course_outcome', id, label: label(course.number, outcome.number) },
      changes: deletedFields(outcome, FIELDS),
    });
  });
}
