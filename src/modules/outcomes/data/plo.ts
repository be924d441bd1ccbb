import { and, asc, desc, eq, isNotNull, sql } from 'drizzle-orm';
import type { Queryable } from '../../../core/db/client.js';
import type { SectionOutcomeLine, TermCloSums, TermRef } from '../reports/plo-rollup.js';
import { ploMappingEntries, ploMappings, programOutcomes } from '../schema.js';
import { rowsOf } from './shared.js';

/*
 * Program learning outcomes (PLOs) and the versioned CLO → PLO mapping of a program (§3.1), and
 * the section outcomes the PLO dashboard aggregates (§3.3). Callers check the program's scope.
 */

export type PloRow = typeof programOutcomes.$inferSelect;
export type PloValues = Pick<typeof programOutcomes.$inferInsert, 'number' | 'description'>;
export type MappingRow = typeof ploMappings.$inferSelect;

// ── PLOs ─────────────────────────────────────────────────────────────────────

const ploListed = {
  id: programOutcomes.id,
  programId: programOutcomes.programId,
  number: programOutcomes.number,
  description: programOutcomes.description,
};

export const listPlos = (q: Queryable, programId: string) =>
  q
    .select(ploListed)
    .from(programOutcomes)
    .where(eq(programOutcomes.programId, programId))
    .orderBy(asc(programOutcomes.number));

export const findPlo = async (q: Queryable, id: string) =>
  (await q.select(ploListed).from(programOutcomes).where(eq(programOutcomes.id, id)))[0];

export async function nextPloNumber(q: Queryable, programId: string) {
  const [row] = await q
    .select({ highest: sql<number>`coalesce(max(${programOutcomes.number}), 0)::int` })
    .from(programOutcomes)
    .where(eq(programOutcomes.programId, programId));
  return (row?.highest ?? 0) + 1;
}

export async function ploNumberTaken(
  q: Queryable,
  programId: string,
  number: number,
  exceptId?: string,
) {
  const [row] = await q
    .select({ id: programOutcomes.id })
    .from(programOutcomes)
    .where(and(eq(programOutcomes.programId, programId), eq(programOutcomes.number, number)));
  return row !== undefined && row.id !== exceptId;
}

/** Inserts a PLO; undefined when its number is taken in the program (unique index). */
export const insertPlo = async (
  q: Queryable,
  tenantId: string,
  programId: string,
  values: PloValues,
) =>
  (
    await q
      .insert(programOutcomes)
      .values({ tenantId, programId, ...values })
      .onConflictDoNothing()
      .returning(ploListed)
  )[0];

export const updatePlo = (q: Queryable, id: string, values: Partial<PloValues>) =>
  q
    .update(programOutcomes)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(programOutcomes.id, id));

export const removePlo = (q: Queryable, id: string) =>
  q.delete(programOutcomes).where(eq(programOutcomes.id, id));

/** How many CLOs a mapping version maps to the PLO. */
export async function entriesOfPlo(q: Queryable, mappingId: string, ploId: string) {
  const [row] = await q
    .select({ n: sql<number>`count(*)::int` })
    .from(ploMappingEntries)
    .where(
      and(
        eq(ploMappingEntries.mappingId, mappingId),
        eq(ploMappingEntries.programOutcomeId, ploId),
      ),
    );
  return row?.n ?? 0;
}

// ── Mapping versions ─────────────────────────────────────────────────────────

const entryCount = sql<number>`(select count(*)::int from plo_mapping_entries e
  where e.mapping_id = "plo_mappings"."id")`;

const mappingListed = {
  id: ploMappings.id,
  programId: ploMappings.programId,
  status: ploMappings.status,
  version: ploMappings.version,
  publishedAt: ploMappings.publishedAt,
  createdAt: ploMappings.createdAt,
  updatedAt: ploMappings.updatedAt,
  entryCount,
};
export type MappingListed = Awaited<ReturnType<typeof listMappings>>[number];

/** The program's draft first (if any), then its published versions, newest first. */
export const listMappings = (q: Queryable, programId: string) =>
  q
    .select(mappingListed)
    .from(ploMappings)
    .where(eq(ploMappings.programId, programId))
    .orderBy(sql`${ploMappings.version} desc nulls first`);

export const findDraft = async (q: Queryable, programId: string) =>
  (
    await q
      .select(mappingListed)
      .from(ploMappings)
      .where(and(eq(ploMappings.programId, programId), eq(ploMappings.status, 'draft')))
  )[0];

/** The program's current mapping: its latest published version. */
export const findLatestPublished = async (q: Queryable, programId: string) =>
  (
    await q
      .select(mappingListed)
      .from(ploMappings)
      .where(and(eq(ploMappings.programId, programId), isNotNull(ploMappings.version)))
      .orderBy(desc(ploMappings.version))
      .limit(1)
  )[0];

export const findVersion = async (q: Queryable, programId: string, version: number) =>
  (
    await q
      .select(mappingListed)
      .from(ploMappings)
      .where(and(eq(ploMappings.programId, programId), eq(ploMappings.version, version)))
  )[0];

/**
 * The program's draft, created (as a copy of the latest published version's entries) when there
 * is none. Two concurrent first edits create one draft (unique index on the program's draft).
 */
export async function ensureDraft(q: Queryable, tenantId: string, programId: string) {
  const existing = await findDraft(q, programId);
  if (existing) return { draft: existing, created: false };
  const [inserted] = await q
    .insert(ploMappings)
    .values({ tenantId, programId, status: 'draft' })
    .onConflictDoNothing()
    .returning({ id: ploMappings.id });
  if (inserted) {
    const latest = await findLatestPublished(q, programId);
    if (latest) await copyEntries(q, latest.id, inserted.id);
  }
  const draft = await findDraft(q, programId);
  if (!draft) throw new Error('the mapping draft could not be created');
  return { draft, created: inserted !== undefined };
}

const copyEntries = (q: Queryable, fromId: string, toId: string) =>
  q.execute(sql`
    insert into plo_mapping_entries (tenant_id, mapping_id, course_outcome_id, program_outcome_id)
    select tenant_id, ${toId}::uuid, course_outcome_id, program_outcome_id
    from plo_mapping_entries where mapping_id = ${fromId}::uuid`);

export const touchMapping = (q: Queryable, id: string) =>
  q.update(ploMappings).set({ updatedAt: new Date() }).where(eq(ploMappings.id, id));

export const removeMapping = (q: Queryable, id: string) =>
  q.delete(ploMappings).where(eq(ploMappings.id, id));

/** Locks the program's mapping rows, so two publishes number their versions one after the other. */
export const lockMappings = (q: Queryable, programId: string) =>
  q.execute(sql`select id from plo_mappings where program_id = ${programId}::uuid for update`);

export async function nextVersion(q: Queryable, programId: string) {
  const [row] = await q
    .select({ highest: sql<number>`coalesce(max(${ploMappings.version}), 0)::int` })
    .from(ploMappings)
    .where(eq(ploMappings.programId, programId));
  return (row?.highest ?? 0) + 1;
}

export const publish = (q: Queryable, id: string, version: number) =>
  q
    .update(ploMappings)
    .set({ status: 'published', version, publishedAt: new Date(), updatedAt: new Date() })
    .where(and(eq(ploMappings.id, id), eq(ploMappings.status, 'draft')));

// ── Entries ──────────────────────────────────────────────────────────────────

export const entriesOf = (q: Queryable, mappingId: string) =>
  q
    .select({
      courseOutcomeId: ploMappingEntries.courseOutcomeId,
      programOutcomeId: ploMappingEntries.programOutcomeId,
    })
    .from(ploMappingEntries)
    .where(eq(ploMappingEntries.mappingId, mappingId));

export const findEntry = async (q: Queryable, mappingId: string, cloId: string) =>
  (
    await q
      .select({ programOutcomeId: ploMappingEntries.programOutcomeId })
      .from(ploMappingEntries)
      .where(
        and(
          eq(ploMappingEntries.mappingId, mappingId),
          eq(ploMappingEntries.courseOutcomeId, cloId),
        ),
      )
  )[0];

/** Maps the CLO to the PLO in the version (replacing its PLO there: one per CLO per version). */
export const setEntry = (
  q: Queryable,
  tenantId: string,
  mappingId: string,
  cloId: string,
  ploId: string,
) =>
  q
    .insert(ploMappingEntries)
    .values({ tenantId, mappingId, courseOutcomeId: cloId, programOutcomeId: ploId })
    .onConflictDoUpdate({
      target: [ploMappingEntries.mappingId, ploMappingEntries.courseOutcomeId],
      set: { programOutcomeId: ploId },
    });

export const clearEntry = (q: Queryable, mappingId: string, cloId: string) =>
  q
    .delete(ploMappingEntries)
    .where(
      and(eq(ploMappingEntries.mappingId, mappingId), eq(ploMappingEntries.courseOutcomeId, cloId)),
    );

// ── CLOs of a program ────────────────────────────────────────────────────────

export interface ProgramClo {
  id: string;
  courseId: string;
  course: string;
  courseTitle: string | null;
  number: number;
  description: string;
  isActive: boolean;
  /** Its course belongs to the program (a mapped CLO may have left it since). */
  inProgram: boolean;
}

/**
 * The CLOs of the program's courses, and (with a mapping) the CLOs that version maps even if their
 * course has left the program since; by course number, then CLO number.
 */
export async function programClos(q: Queryable, programId: string, mappingId?: string) {
  return rowsOf<ProgramClo>(
    await q.execute(sql`
      select co.id, co.course_id as "courseId", c.number as course, c.title as "courseTitle",
        co.number, co.description, co.is_active as "isActive",
        exists (select 1 from course_programs cp
                where cp.course_id = c.id and cp.program_id = ${programId}::uuid) as "inProgram"
      from course_outcomes co
      join courses c on c.id = co.course_id
      where exists (select 1 from course_programs cp
                    where cp.course_id = c.id and cp.program_id = ${programId}::uuid)
        ${
          mappingId
            ? sql`or exists (select 1 from plo_mapping_entries e
                    where e.mapping_id = ${mappingId}::uuid and e.course_outcome_id = co.id)`
            : sql``
        }
      order by c.number, co.number`),
  );
}

/** The CLO, when its course belongs to the program. */
export async function findProgramClo(q: Queryable, programId: string, cloId: string) {
  const [row] = rowsOf<{ id: string; label: string }>(
    await q.execute(sql`
      select co.id, c.number || '.' || co.number as label
      from course_outcomes co
      join courses c on c.id = co.course_id
      where co.id = ${cloId}::uuid
        and exists (select 1 from course_programs cp
                    where cp.course_id = c.id and cp.program_id = ${programId}::uuid)`),
  );
  return row;
}

/** A CLO's label (`COURSE.N`), wherever its course is. */
export async function cloLabel(q: Queryable, cloId: string) {
  const [row] = rowsOf<{ label: string }>(
    await q.execute(sql`
      select c.number || '.' || co.number as label
      from course_outcomes co join courses c on c.id = co.course_id
      where co.id = ${cloId}::uuid`),
  );
  return row?.label;
}

// ── Results (§3.3) ───────────────────────────────────────────────────────────

/** Every term of the institution, in order (start date, then code). */
export const allTerms = async (q: Queryable) =>
  rowsOf<TermRef>(
    await q.execute(sql`select id, code, name from terms order by start_date, code, id`),
  );

/** Every section outcome, in the term, of the CLOs the mapping version maps. */
export async function sectionLines(q: Queryable, mappingId: string, termId: string) {
  return rowsOf<SectionOutcomeLine>(
    await q.execute(sql`
      select so.course_outcome_id as "courseOutcomeId", so.id as "sectionOutcomeId",
        s.id as "sectionId", s.number as section, so.took, so.passed, so.status
      from plo_mapping_entries e
      join section_outcomes so on so.course_outcome_id = e.course_outcome_id
      join sections s on s.id = so.section_id
      join offerings o on o.id = s.offering_id
      where e.mapping_id = ${mappingId}::uuid and o.term_id = ${termId}::uuid
      order by s.number, s.id`),
  );
}

/**
 * Per term and mapped CLO: Σtook and Σpassed over the section outcomes with took > 0. A CLO with no
 * such outcome in a term has no row for it.
 */
export async function termCloSums(q: Queryable, mappingId: string) {
  return rowsOf<TermCloSums>(
    await q.execute(sql`
      select o.term_id as "termId", so.course_outcome_id as "courseOutcomeId",
        count(*)::int as counted, sum(so.took)::int as took,
        coalesce(sum(so.passed), 0)::int as passed
      from plo_mapping_entries e
      join section_outcomes so on so.course_outcome_id = e.course_outcome_id
      join sections s on s.id = so.section_id
      join offerings o on o.id = s.offering_id
      where e.mapping_id = ${mappingId}::uuid and so.took > 0
      group by o.term_id, so.course_outcome_id`),
  );
}
