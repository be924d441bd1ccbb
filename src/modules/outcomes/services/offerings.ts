import { z } from 'zod';
import type { RequestContext } from '../../../core/access/request-context.js';
import { recordAudit } from '../../../core/audit/service.js';
import type { Db, Tx } from '../../../core/db/client.js';
import { AppError, ConflictError, NotFoundError } from '../../../core/errors.js';
import { parseInput } from '../../../core/validation.js';
import * as coursesData from '../data/courses.js';
import * as instructorsData from '../data/instructors.js';
import * as offeringsData from '../data/offerings.js';
import * as sectionOutcomesData from '../data/section-outcomes.js';
import * as sectionsData from '../data/sections.js';
import * as termsData from '../data/terms.js';
import type { OutcomesScope } from '../scope.js';
import { inTenant, resultsChanged } from './context.js';
import { isoDate } from './inputs.js';

export const MAX_SECTIONS_AT_ONCE = 50;

export const offeringInput = z.object({
  courseId: z.uuid(),
  termId: z.uuid(),
  sections: z
    .number()
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(MAX_SECTIONS_AT_ONCE, `is at most ${String(MAX_SECTIONS_AT_ONCE)}`)
    .default(1),
  instructorId: z.uuid().nullable().optional(),
  dueDate: isoDate.nullable().optional(),
});
export const addSectionsInput = offeringInput.pick({
  sections: true,
  instructorId: true,
  dueDate: true,
});

export class HasResultsError extends AppError {
  constructor(what: string, count: number) {
    super(
      409,
      'has_results',
      `${what} holds results for ${String(count)} outcome(s) and cannot be deleted`,
    );
  }
}

async function visibleOffering(q: Tx, scope: OutcomesScope, id: string) {
  const offering = await offeringsData.find(q, scope, id);
  if (!offering) throw new NotFoundError('Offering');
  return offering;
}

async function existingInstructor(q: Tx, id: string | null | undefined) {
  if (!id) return null;
  const instructor = await instructorsData.find(q, id);
  if (!instructor) throw new NotFoundError('Instructor');
  return instructor;
}

/**
 * Adds `count` sections to an offering (numbered after its last one), each with the section
 * outcomes of the course's active CLOs.
 */
async function addSections(
  q: Tx,
  tenantId: string,
  offeringId: string,
  values: { sections: number; instructorId?: string | null; dueDate?: string | null },
) {
  const instructor = await existingInstructor(q, values.instructorId);
  const numbers = await sectionsData.nextNumbers(q, offeringId, values.sections);
  const created = await sectionsData.insertMany(
    q,
    tenantId,
    numbers.map((number) => ({
      offeringId,
      number,
      instructorId: instructor?.id ?? null,
      dueDate: values.dueDate ?? null,
    })),
  );
  const outcomes = await sectionOutcomesData.createForSections(
    q,
    tenantId,
    created.map((s) => s.id),
  );
  return { sections: created, outcomes, instructor };
}

export const listOfferings = (
  db: Db,
  ctx: RequestContext,
  query: Omit<offeringsData.OfferingQuery, 'scope'>,
) => inTenant(db, ctx, (q, { scope }) => offeringsData.list(q, { ...query, scope }));

export const getOffering = (db: Db, ctx: RequestContext, id: string) =>
  inTenant(db, ctx, (q, { scope }) => visibleOffering(q, scope, id));

/** Offers a course in a term with N sections at once. */
export function createOffering(db: Db, ctx: RequestContext, input: z.input<typeof offeringInput>) {
  const values = parseInput(offeringInput, input);
  return inTenant(db, ctx, async (q, { tenantId, scope }) => {
    const course = await coursesData.find(q, scope, values.courseId);
    if (!course) throw new NotFoundError('Course');
    const term = await termsData.findRow(q, values.termId);
    if (!term) throw new NotFoundError('Term');
    const created = await offeringsData.insert(q, tenantId, {
      courseId: course.id,
      termId: term.id,
    });
    if (!created) {
      throw new ConflictError(`${course.number} is already offered in ${term.name}`, [
        { path: 'termId', message: 'already has this course; add sections to it instead' },
      ]);
    }
    const added = await addSections(q, tenantId, created.id, values);
    await resultsChanged(q, ctx);
    await recordAudit(q, ctx, {
      action: 'outcomes.offering.create',
      target: { type: 'offering', id: created.id, label: `${course.number} ${term.code}` },
      meta: {
        sections: added.sections.map((s) => s.number),
        instructor: added.instructor?.name ?? null,
        sectionOutcomes: added.outcomes,
      },
    });
    return visibleOffering(q, { kind: 'all' }, created.id);
  });
}

/** Adds sections to an existing offering. */
export function addOfferingSections(
  db: Db,
  ctx: RequestContext,
  id: string,
  input: z.input<typeof addSectionsInput>,
) {
  const values = parseInput(addSectionsInput, input);
  return inTenant(db, ctx, async (q, { tenantId, scope }) => {
    const offering = await visibleOffering(q, scope, id);
    const added = await addSections(q, tenantId, id, values);
    await resultsChanged(q, ctx);
    for (const section of added.sections) {
      await recordAudit(q, ctx, {
        action: 'outcomes.section.create',
        target: {
          type: 'section',
          id: section.id,
          label: `${offering.course.number}-${section.number} ${offering.term.code}`,
        },
        changes: { instructor: [null, added.instructor?.name ?? null] },
      });
    }
    return visibleOffering(q, scope, id);
  });
}

/** Deletes an offering and its sections, unless a section already reported results. */
export function deleteOffering(db: Db, ctx: RequestContext, id: string) {
  return inTenant(db, ctx, async (q, { scope }) => {
    const offering = await visibleOffering(q, scope, id);
    const sectionIds = await sectionsData.idsOfOffering(q, id);
    const withResults = await sectionOutcomesData.countWithResults(q, sectionIds);
    if (withResults > 0) throw new HasResultsError('This offering', withResults);
    await offeringsData.remove(q, id);
    await resultsChanged(q, ctx);
    await recordAudit(q, ctx, {
      action: 'outcomes.offering.delete',
      target: {
        type: 'offering',
        id,
        label: `${offering.course.number} ${offering.term.code}`,
      },
      meta: { sections: sectionIds.length },
    });
  });
}
