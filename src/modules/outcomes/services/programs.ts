import { z } from 'zod';
import type { RequestContext } from '../../../core/access/request-context.js';
import { recordAudit } from '../../../core/audit/service.js';
import type { Db } from '../../../core/db/client.js';
import { AppError, ConflictError, NotFoundError } from '../../../core/errors.js';
import { parseInput } from '../../../core/validation.js';
import * as programsData from '../data/programs.js';
import { changesOf, createdFields, deletedFields, inTenant, resultsChanged } from './context.js';
import { optionalText } from './inputs.js';

export const programInput = z.object({
  name: z.string().trim().min(1, 'is required').max(200, 'is at most 200 characters'),
  shortName: optionalText(40),
  description: optionalText(2000),
});
export const programUpdateInput = programInput.partial();

const FIELDS = ['name', 'shortName', 'description'] as const;

export class DefaultProgramError extends AppError {
  constructor() {
    super(409, 'default_program', 'The default program cannot be deleted');
  }
}

export class ProgramHasCoursesError extends AppError {
  constructor(courseCount: number) {
    super(
      409,
      'program_has_courses',
      `This program has ${String(courseCount)} course(s); confirm to move them to the default program`,
      [{ path: 'confirm', message: 'confirm moving the courses to the default program' }],
    );
  }
}

const nameTaken = () =>
  new ConflictError('A program with this name already exists', [
    { path: 'name', message: 'is taken' },
  ]);

export const listPrograms = (
  db: Db,
  ctx: RequestContext,
  query: Omit<programsData.ProgramQuery, 'scope'>,
) =>
  inTenant(db, ctx, async (q, { tenantId, scope }) => {
    await programsData.ensureDefault(q, tenantId);
    return programsData.list(q, { ...query, scope });
  });

export const getProgram = (db: Db, ctx: RequestContext, id: string) =>
  inTenant(db, ctx, async (q, { scope }) => {
    const program = await programsData.find(q, scope, id);
    if (!program) throw new NotFoundError('Program');
    return program;
  });

export function createProgram(db: Db, ctx: RequestContext, input: z.input<typeof programInput>) {
  const values = parseInput(programInput, input);
  return inTenant(db, ctx, async (q, { tenantId, scope }) => {
    await programsData.ensureDefault(q, tenantId);
    if (await programsData.nameTaken(q, values.name)) throw nameTaken();
    const created = await programsData.insert(q, tenantId, {
      name: values.name,
      shortName: values.shortName ?? null,
      description: values.description ?? null,
    });
    if (!created) throw nameTaken();
    await recordAudit(q, ctx, {
      action: 'outcomes.program.create',
      target: { type: 'program', id: created.id, label: created.name },
      changes: createdFields(created, FIELDS),
    });
    const program = await programsData.find(q, scope, created.id);
    if (!program) throw new NotFoundError('Program');
    return program;
  });
}

export function updateProgram(
  db: Db,
  ctx: RequestContext,
  id: string,
  input: z.input<typeof programUpdateInput>,
) {
  const values = parseInput(programUpdateInput, input);
  return inTenant(db, ctx, async (q, { scope }) => {
    const before = await programsData.find(q, scope, id);
    if (!before) throw new NotFoundError('Program');
    if (values.name !== undefined && (await programsData.nameTaken(q, values.name, id))) {
      throw nameTaken();
    }
    await programsData.update(q, id, values);
    const after = await programsData.find(q, scope, id);
    if (!after) throw new NotFoundError('Program');
    await recordAudit(q, ctx, {
      action: 'outcomes.program.update',
      target: { type: 'program', id, label: after.name },
      changes: changesOf(before, after, FIELDS),
    });
    return after;
  });
}

/**
 * Deletes a program. The default program stays; a program with courses goes only once the caller
 * confirms, and its courses that belong to no other program move to the default one.
 */
export function deleteProgram(db: Db, ctx: RequestContext, id: string, confirm: boolean) {
  return inTenant(db, ctx, async (q, { tenantId, scope }) => {
    const program = await programsData.find(q, scope, id);
    if (!program) throw new NotFoundError('Program');
    if (program.isDefault) throw new DefaultProgramError();
    if (program.courseCount > 0 && !confirm) throw new ProgramHasCoursesError(program.courseCount);
    const fallback = await programsData.ensureDefault(q, tenantId);
    const moved = await programsData.removeMovingCourses(q, tenantId, id, fallback.id);
    await resultsChanged(q, ctx);
    await recordAudit(q, ctx, {
      action: 'outcomes.program.delete',
      target: { type: 'program', id, label: program.name },
      changes: deletedFields(program, FIELDS),
      meta: { courses: program.courseCount, movedToDefault: moved },
    });
    return { movedToDefault: moved };
  });
}
