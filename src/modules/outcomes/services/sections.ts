import { z } from 'zod';
import type { RequestContext } from '../../../core/access/request-context.js';
import { recordAudit } from '../../../core/audit/service.js';
import type { Db, Tx } from '../../../core/db/client.js';
import { NotFoundError, ValidationError } from '../../../core/errors.js';
import { parseInput } from '../../../core/validation.js';
import * as instructorsData from '../data/instructors.js';
import * as sectionOutcomesData from '../data/section-outcomes.js';
import * as sectionsData from '../data/sections.js';
import type { OutcomesScope } from '../scope.js';
import { actorOf, changesOf, deletedFields, inTenant, resultsChanged } from './context.js';
import { isoDate, optionalText, studentCount } from './inputs.js';
import { sectionDetail } from './workflow.js';
import { HasResultsError } from './offerings.js';

const narrative = optionalText(5000);

export const sectionUpdateInput = z
  .object({
    enrollment: studentCount.nullable(),
    withdrawals: studentCount.nullable(),
    passedCount: studentCount.nullable(),
    dficCount: studentCount.nullable(),
    cannotReconcile: z.boolean(),
    reconcileNote: optionalText(2000),
    celebrations: narrative,
    challenges: narrative,
    changes: narrative,
    dueDate: isoDate.nullable(),
  })
  .partial();
export const assignInput = z.object({ instructorId: z.uuid().nullable() });

const FIELDS = [
  'enrollment',
  'withdrawals',
  'passedCount',
  'dficCount',
  'cannotReconcile',
  'reconcileNote',
  'celebrations',
  'challenges',
  'changes',
  'dueDate',
] as const;

async function visibleSection(q: Tx, scope: OutcomesScope, id: string) {
  const section = await sectionsData.find(q, scope, id);
  if (!section) throw new NotFoundError('Section');
  return section;
}

const labelOf = (section: Awaited<ReturnType<typeof visibleSection>>) =>
  `${section.course.number}-${section.number} ${section.term.code}`;

export const listSections = (
  db: Db,
  ctx: RequestContext,
  query: Omit<sectionsData.SectionQuery, 'scope'>,
) => inTenant(db, ctx, (q, { scope }) => sectionsData.list(q, { ...query, scope }));

/** A section with its outcomes (one per CLO), history, what the caller may do, submit checks. */
export const getSection = (db: Db, ctx: RequestContext, id: string) =>
  inTenant(db, ctx, (q, caller) => sectionDetail(q, ctx, caller, id));

/** Edits a section's numbers, narratives and due date; the reconcile flag needs a note. */
export function updateSection(
  db: Db,
  ctx: RequestContext,
  id: string,
  input: z.input<typeof sectionUpdateInput>,
) {
  const values = parseInput(sectionUpdateInput, input);
  return inTenant(db, ctx, async (q, { scope }) => {
    const before = await visibleSection(q, scope, id);
    const flagged = values.cannotReconcile ?? before.cannotReconcile;
    const note = values.reconcileNote === undefined ? before.reconcileNote : values.reconcileNote;
    if (flagged && !note) {
      throw new ValidationError('Explain why the numbers do not reconcile', [
        { path: 'reconcileNote', message: 'is required when the numbers do not reconcile' },
      ]);
    }
    await sectionsData.update(q, id, values);
    const after = await visibleSection(q, scope, id);
    await resultsChanged(q, ctx);
    await recordAudit(q, ctx, {
      action: 'outcomes.section.update',
      target: { type: 'section', id, label: labelOf(after) },
      changes: changesOf(before, after, FIELDS),
    });
    return after;
  });
}

/**
 * Assigns, changes or removes a section's instructor. Outcomes waiting for an instructor become
 * `assigned` (and back to `unassigned` without one), recorded in their history.
 */
export function assignInstructor(
  db: Db,
  ctx: RequestContext,
  id: string,
  input: z.input<typeof assignInput>,
) {
  const { instructorId } = parseInput(assignInput, input);
  return inTenant(db, ctx, async (q, { tenantId, scope }) => {
    const before = await visibleSection(q, scope, id);
    const instructor = instructorId ? await instructorsData.find(q, instructorId) : null;
    if (instructorId && !instructor) throw new NotFoundError('Instructor');
    await sectionsData.update(q, id, { instructorId: instructor?.id ?? null });
    if ((before.instructor === null) !== (instructor === null)) {
      await sectionOutcomesData.followInstructor(
        q,
        tenantId,
        id,
        instructor !== null,
        actorOf(ctx),
      );
    }
    const after = await visibleSection(q, scope, id);
    await resultsChanged(q, ctx);
    await recordAudit(q, ctx, {
      action: 'outcomes.section.instructor_assigned',
      target: { type: 'section', id, label: labelOf(after) },
      changes: { instructor: [before.instructor?.name ?? null, after.instructor?.name ?? null] },
    });
    return after;
  });
}

/** Deletes a section that holds no results yet. */
export function deleteSection(db: Db, ctx: RequestContext, id: string) {
  return inTenant(db, ctx, async (q, { scope }) => {
    const section = await visibleSection(q, scope, id);
    const withResults = await sectionOutcomesData.countWithResults(q, [id]);
    if (withResults > 0) throw new HasResultsError('This section', withResults);
    await sectionsData.remove(q, id);
    await resultsChanged(q, ctx);
    await recordAudit(q, ctx, {
      action: 'outcomes.section.delete',
      target: { type: 'section', id, label: labelOf(section) },
      changes: deletedFields(section, FIELDS),
    });
  });
}
