import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { users } from '../../../core/auth/schema.js';
import type { Queryable } from '../../../core/db/client.js';
import type { OutcomeStatus } from '../enums.js';
import {
  courseOutcomes,
  coursePrograms,
  courses,
  instructors,
  offerings,
  sectionOutcomeHistory,
  sectionOutcomes,
  sections,
  terms,
} from '../schema.js';
import type { Actor } from './section-outcomes.js';
import { rowsOf } from './shared.js';

/*
 * Bulk reads and writes of the CEI import: one query per batch and entity, never one per row.
 */

export const termsByCode = async (q: Queryable, codes: readonly string[]) =>
  new Map(
    (
      await q
        .select({ id: terms.id, code: terms.code })
        .from(terms)
        .where(inArray(terms.code, [...codes]))
    ).map((t) => [t.code, t.id]),
  );

export const insertTerms = (q: Queryable, tenantId: string, values: readonly TermInsert[]) =>
  q
    .insert(terms)
    .values(values.map((v) => ({ tenantId, ...v })))
    .onConflictDoNothing();
type TermInsert = Pick<typeof terms.$inferInsert, 'code' | 'name' | 'startDate' | 'endDate'>;

export const coursesByNumber = async (q: Queryable, numbers: readonly string[]) =>
  new Map(
    (
      await q
        .select({ id: courses.id, number: courses.number })
        .from(courses)
        .where(inArray(courses.number, [...numbers]))
    ).map((c) => [c.number, c.id]),
  );

/** New courses (default credit hours), each in the given program. */
export async function insertCourses(
  q: Queryable,
  tenantId: string,
  numbers: readonly string[],
  programId: string,
) {
  const created = await q
    .insert(courses)
    .values(numbers.map((number) => ({ tenantId, number })))
    .onConflictDoNothing()
    .returning({ id: courses.id });
  if (created.length === 0) return 0;
  await q
    .insert(coursePrograms)
    .values(created.map((c) => ({ tenantId, courseId: c.id, programId })))
    .onConflictDoNothing();
  return created.length;
}

export interface KnownInstructor {
  id: string;
  name: string;
  email: string | null;
}

/** Instructors with one of these emails, or one of these names (case-insensitive). */
export function instructorsMatching(
  q: Queryable,
  emails: readonly string[],
  lowerNames: readonly string[],
): Promise<KnownInstructor[]> {
  const conditions = [
    emails.length > 0 ? inArray(instructors.email, [...emails]) : undefined,
    lowerNames.length > 0 ? inArray(sql`lower(${instructors.name})`, [...lowerNames]) : undefined,
  ];
  return q
    .select({ id: instructors.id, name: instructors.name, email: instructors.email })
    .from(instructors)
    .where(or(...conditions));
}

export const userIdsByEmail = async (q: Queryable, emails: readonly string[]) =>
  new Map(
    emails.length === 0
      ? []
      : (
          await q
            .select({ id: users.id, email: users.email })
            .from(users)
            .where(inArray(users.email, [...emails]))
        ).map((u) => [u.email, u.id]),
  );

export const insertInstructors = (
  q: Queryable,
  tenantId: string,
  values: readonly { name: string; email: string | null; userId: string | null }[],
) =>
  q
    .insert(instructors)
    .values(values.map((v) => ({ tenantId, ...v })))
    .onConflictDoNothing();

export const setInstructorEmail = (
  q: Queryable,
  id: string,
  email: string,
  userId: string | null,
) =>
  q
    .update(instructors)
    .set({ email, userId, updatedAt: new Date() })
    .where(and(eq(instructors.id, id), isNull(instructors.email)));

export const outcomesOfCourses = (q: Queryable, courseIds: readonly string[]) =>
  q
    .select({
      id: courseOutcomes.id,
      courseId: courseOutcomes.courseId,
      number: courseOutcomes.number,
      description: courseOutcomes.description,
      isActive: courseOutcomes.isActive,
    })
    .from(courseOutcomes)
    .where(inArray(courseOutcomes.courseId, [...courseIds]));

export const insertOutcomes = (
  q: Queryable,
  tenantId: string,
  values: readonly { courseId: string; number: number; description: string }[],
) =>
  q
    .insert(courseOutcomes)
    .values(values.map((v) => ({ tenantId, ...v })))
    .onConflictDoNothing();

export const updateOutcome = (q: Queryable, id: string, description: string) =>
  q
    .update(courseOutcomes)
    .set({ description, isActive: true, updatedAt: new Date() })
    .where(eq(courseOutcomes.id, id));

/** The offering of each (course, term), created when missing; keyed `courseId|termId`. */
export async function ensureOfferings(
  q: Queryable,
  tenantId: string,
  pairs: readonly { courseId: string; termId: string }[],
) {
  if (pairs.length > 0) {
    await q
      .insert(offerings)
      .values(pairs.map((p) => ({ tenantId, ...p })))
      .onConflictDoNothing();
  }
  const found = await q
    .select({ id: offerings.id, courseId: offerings.courseId, termId: offerings.termId })
    .from(offerings)
    .where(
      and(
        inArray(offerings.courseId, [...new Set(pairs.map((p) => p.courseId))]),
        inArray(offerings.termId, [...new Set(pairs.map((p) => p.termId))]),
      ),
    );
  return new Map(found.map((o) => [`${o.courseId}|${o.termId}`, o.id]));
}

export type SectionRow = typeof sections.$inferSelect;

export const sectionsByCombo = (q: Queryable, offeringIds: readonly string[]) =>
  q
    .select()
    .from(sections)
    .where(and(inArray(sections.offeringId, [...offeringIds]), sql`${sections.combo} is not null`));

/** The highest numeric section number of each offering. */
export async function highestNumbers(q: Queryable, offeringIds: readonly string[]) {
  const rows = await q
    .select({
      offeringId: sections.offeringId,
      highest: sql<number>`coalesce(max(case when ${sections.number} ~ '^[0-9]+$'
        then ${sections.number}::int end), 0)::int`,
    })
    .from(sections)
    .where(inArray(sections.offeringId, [...offeringIds]))
    .groupBy(sections.offeringId);
  return new Map(rows.map((r) => [r.offeringId, r.highest]));
}

export type SectionInsert = Omit<typeof sections.$inferInsert, 'tenantId'>;

export const insertSections = (q: Queryable, tenantId: string, values: readonly SectionInsert[]) =>
  q.insert(sections).values(values.map((v) => ({ tenantId, ...v })));

export const updateSection = (q: Queryable, id: string, values: Partial<SectionInsert>) =>
  q
    .update(sections)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(sections.id, id));

/** Sections of these combos with their course number and term code, for the outcomes step. */
export const sectionsOfCombos = (q: Queryable, combos: readonly string[]) =>
  q
    .select({
      id: sections.id,
      combo: sections.combo,
      instructorId: sections.instructorId,
      course: courses.number,
      term: terms.code,
    })
    .from(sections)
    .innerJoin(offerings, eq(offerings.id, sections.offeringId))
    .innerJoin(courses, eq(courses.id, offerings.courseId))
    .innerJoin(terms, eq(terms.id, offerings.termId))
    .where(inArray(sections.combo, [...combos]));

export const sectionOutcomesOf = (q: Queryable, sectionIds: readonly string[]) =>
  q
    .select({
      id: sectionOutcomes.id,
      sectionId: sectionOutcomes.sectionId,
      courseOutcomeId: sectionOutcomes.courseOutcomeId,
      took: sectionOutcomes.took,
      passed: sectionOutcomes.passed,
      tool: sectionOutcomes.tool,
    })
    .from(sectionOutcomes)
    .where(inArray(sectionOutcomes.sectionId, [...sectionIds]));

export interface SectionOutcomeInsert {
  sectionId: string;
  courseOutcomeId: string;
  status: OutcomeStatus;
  took: number | null;
  passed: number | null;
  tool: string | null;
}

/** New section outcomes (creation is not a transition: the history starts with the first move). */
export async function insertSectionOutcomes(
  q: Queryable,
  tenantId: string,
  values: readonly SectionOutcomeInsert[],
) {
  const created = await q
    .insert(sectionOutcomes)
    .values(values.map((v) => ({ tenantId, ...v })))
    .onConflictDoNothing()
    .returning({ id: sectionOutcomes.id });
  return created.length;
}

export const updateSectionOutcome = (
  q: Queryable,
  id: string,
  values: { took: number | null; passed: number | null; tool: string | null },
) =>
  q
    .update(sectionOutcomes)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(sectionOutcomes.id, id));

/**
 * Moves to `submitted` the outcomes of the sections whose every outcome now holds took, passed
 * and tool (and still waits for data), recording each move in the history.
 */
export async function submitComplete(
  q: Queryable,
  tenantId: string,
  sectionIds: readonly string[],
  actor: Actor,
) {
  if (sectionIds.length === 0) return 0;
  const moved = rowsOf<{ id: string; from: OutcomeStatus }>(
    await q.execute(sql`
      with waiting as (
        select so.id, so.status from section_outcomes so
        where so.section_id in ${sectionIds}
          and so.status in ('unassigned', 'assigned', 'in_progress')
          and not exists (select 1 from section_outcomes o
            where o.section_id = so.section_id
              and (o.took is null or o.passed is null or o.tool is null))
      )
      update section_outcomes so set status = 'submitted', updated_at = now()
      from waiting where waiting.id = so.id
      returning so.id, waiting.status as "from"`),
  );
  if (moved.length === 0) return 0;
  await q.insert(sectionOutcomeHistory).values(
    moved.map((m) => ({
      tenantId,
      sectionOutcomeId: m.id,
      action: 'import_submit',
      fromStatus: m.from,
      toStatus: 'submitted' as const,
      actorId: actor.id,
      actorLabel: actor.label,
    })),
  );
  return moved.length;
}
