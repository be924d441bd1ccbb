import { z } from 'zod';
import type { RequestContext } from '../../../core/access/request-context.js';
import { recordAudit } from '../../../core/audit/service.js';
import type { Db, Tx } from '../../../core/db/client.js';
import { AppError, ConflictError, NotFoundError } from '../../../core/errors.js';
import { parseInput } from '../../../core/validation.js';
import * as outcomesData from '../data/course-outcomes.js';
import * as coursesData from '../data/courses.js';
import {
  COURSE_NUMBER_HINT,
  isCourseNumber,
  normalizeCourseNumber,
} from '../rules/course-number.js';
import type { Caller, OutcomesScope } from '../scope.js';
import { changesOf, createdFields, deletedFields, inTenant, resultsChanged } from './context.js';
import { resolvePrograms } from './course-programs.js';
import { optionalText } from './inputs.js';

const courseNumber = z
  .string()
  .transform(normalizeCourseNumber)
  .refine(isCourseNumber, COURSE_NUMBER_HINT);

export const courseInput = z.object({
  number: courseNumber,
  title: optionalText(200),
  creditHours: z.number().min(0, 'must be 0 or more').max(30, 'is at most 30').default(3),
  programIds: z.array(z.uuid()).max(50).optional(),
});
export const courseUpdateInput = courseInput.partial().extend({
  creditHours: z.number().min(0, 'must be 0 or more').max(30, 'is at most 30').optional(),
});
export const duplicateInput = z.object({ number: courseNumber, title: optionalText(200) });

const FIELDS = ['number', 'title', 'creditHours', 'programs'] as const;

export class CourseHasOfferingsError extends AppError {
  constructor(count: number) {
    super(
      409,
      'course_has_offerings',
      `This course is offered in ${String(count)} term(s); delete its offerings first`,
    );
  }
}

const numberTaken = (number: string) =>
  new ConflictError(`A course numbered ${number} already exists`, [
    { path: 'number', message: 'is taken' },
  ]);

async function visibleCourse(q: Tx, scope: OutcomesScope, id: string) {
  const course = await coursesData.find(q, scope, id);
  if (!course) throw new NotFoundError('Course');
  return course;
}

const programNames = (course: { programs: { name: string }[] }) =>
  course.programs.map((p) => p.name);
const auditView = (course: Awaited<ReturnType<typeof visibleCourse>>) => ({
  ...course,
  programs: programNames(course),
});

export const listCourses = (
  db: Db,
  ctx: RequestContext,
  query: Omit<coursesData.CourseQuery, 'scope'>,
) => inTenant(db, ctx, (q, { scope }) => coursesData.list(q, { ...query, scope }));

/** A course with its CLOs. */
export const getCourse = (db: Db, ctx: RequestContext, id: string) =>
  inTenant(db, ctx, async (q, { scope }) => ({
    ...(await visibleCourse(q, scope, id)),
    outcomes: await outcomesData.listForCourse(q, id),
  }));

async function insertCourse(
  q: Tx,
  caller: Caller,
  values: { number: string; title: string | null; creditHours: number },
  programIds: readonly string[] | undefined,
) {
  if (await coursesData.findByNumber(q, values.number)) throw numberTaken(values.number);
  const programs = await resolvePrograms(q, caller, programIds);
  const created = await coursesData.insert(q, caller.tenantId, values);
  if (!created) throw numberTaken(values.number);
  await coursesData.setPrograms(q, caller.tenantId, created.id, programs);
  return visibleCourse(q, { kind: 'all' }, created.id);
}

export function createCourse(db: Db, ctx: RequestContext, input: z.input<typeof courseInput>) {
  const values = parseInput(courseInput, input);
  return inTenant(db, ctx, async (q, caller) => {
    const course = await insertCourse(
      q,
      caller,
      { number: values.number, title: values.title ?? null, creditHours: values.creditHours },
      values.programIds,
    );
    await recordAudit(q, ctx, {
      action: 'outcomes.course.create',
      target: { type: 'course', id: course.id, label: course.number },
      changes: createdFields(auditView(course), FIELDS),
    });
    return course;
  });
}

export function updateCourse(
  db: Db,
  ctx: RequestContext,
  id: string,
  input: z.input<typeof courseUpdateInput>,
) {
  const values = parseInput(courseUpdateInput, input);
  return inTenant(db, ctx, async (q, caller) => {
    const before = await visibleCourse(q, caller.scope, id);
    if (values.number !== undefined && values.number !== before.number) {
      if (await coursesData.findByNumber(q, values.number)) throw numberTaken(values.number);
    }
    const { programIds, ...fields } = values;
    await coursesData.update(q, id, fields);
    if (programIds !== undefined) {
      const current = before.programs.map((p) => p.id);
      const programs = await resolvePrograms(q, caller, programIds, current);
      await coursesData.setPrograms(q, caller.tenantId, id, programs);
    }
    const after = await visibleCourse(q, { kind: 'all' }, id);
    await resultsChanged(q, ctx);
    await recordAudit(q, ctx, {
      action: 'outcomes.course.update',
      target: { type: 'course', id, label: after.number },
      changes: changesOf(auditView(before), auditView(after), FIELDS),
    });
    return after;
  });
}

export function deleteCourse(db: Db, ctx: RequestContext, id: string) {
  return inTenant(db, ctx, async (q, { scope }) => {
    const course = await visibleCourse(q, scope, id);
    if (course.offeringCount > 0) throw new CourseHasOfferingsError(course.offeringCount);
    await coursesData.remove(q, id);
    await resultsChanged(q, ctx);
    await recordAudit(q, ctx, {
      action: 'outcomes.course.delete',
      target: { type: 'course', id, label: course.number },
      changes: deletedFields(auditView(course), FIELDS),
    });
  });
}

/** A new course with another's title, credit hours, programs (those the caller sees) and CLOs. */
export function duplicateCourse(
  db: Db,
  ctx: RequestContext,
  id: string,
  input: z.input<typeof duplicateInput>,
) {
  const values = parseInput(duplicateInput, input);
  return inTenant(db, ctx, async (q, caller) => {
    const source = await visibleCourse(q, caller.scope, id);
    const visiblePrograms = source.programs
      .map((p) => p.id)
      .filter(
        (programId) =>
          caller.scope.kind !== 'programs' || caller.scope.programIds.includes(programId),
      );
    const created = await insertCourse(
      q,
      caller,
      {
        number: values.number,
        title: values.title ?? source.title,
        creditHours: source.creditHours,
      },
      visiblePrograms.length > 0 ? visiblePrograms : undefined,
    );
    await outcomesData.copy(q, caller.tenantId, id, created.id);
    const course = await visibleCourse(q, { kind: 'all' }, created.id);
    await recordAudit(q, ctx, {
      action: 'outcomes.course.duplicate',
      target: { type: 'course', id: course.id, label: course.number },
      changes: createdFields(auditView(course), FIELDS),
      meta: { from: source.number, outcomes: course.outcomeCount },
    });
    return course;
  });
}
