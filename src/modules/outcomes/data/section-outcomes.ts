import { sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../../core/db/client.js';
import type { OutcomeStatus } from '../enums.js';
import { rowsOf } from './shared.js';

export interface Actor {
  id: string | null;
  label: string | null;
}

/*
 * Section outcomes are created automatically (§3.1): for a new section, one per active CLO of its
 * course; for a new CLO, one per section of its course. A new outcome is `assigned` when its
 * section has an instructor, else `unassigned`. Creating one is not a transition: its history
 * starts with its first move.
 */

/** Inserts the missing (section, active CLO) outcomes that `which` selects. */
async function createMissing(q: Queryable, tenantId: string, which: SQL) {
  const created = rowsOf<{ id: string }>(
    await q.execute(sql`
      insert into section_outcomes (tenant_id, section_id, course_outcome_id, status)
      select ${tenantId}::uuid, s.id, co.id,
        case when s.instructor_id is null then 'unassigned' else 'assigned' end
      from sections s
      join offerings o on o.id = s.offering_id
      join course_outcomes co on co.course_id = o.course_id and co.is_active
      where ${which}
      on conflict do nothing
      returning id`),
  );
  return created.length;
}

/** Creates the missing outcomes of some sections (each for every active CLO of its course). */
export const createForSections = async (
  q: Queryable,
  tenantId: string,
  sectionIds: readonly string[],
) => (sectionIds.length === 0 ? 0 : createMissing(q, tenantId, sql`s.id in ${sectionIds}`));

/** Creates the outcomes of an active CLO in every section of its course. */
export const createForCourseOutcome = (q: Queryable, tenantId: string, courseOutcomeId: string) =>
  createMissing(q, tenantId, sql`co.id = ${courseOutcomeId}::uuid`);

/**
 * Follows an instructor change: a section that gains one moves its `unassigned` outcomes to
 * `assigned`; one that loses its instructor moves `assigned` back. Each move is in the history.
 */
export async function followInstructor(
  q: Queryable,
  tenantId: string,
  sectionId: string,
  hasInstructor: boolean,
  actor: Actor,
) {
  const [from, to]: [OutcomeStatus, OutcomeStatus] = hasInstructor
    ? ['unassigned', 'assigned']
    : ['assigned', 'unassigned'];
  await q.execute(sql`
    with moved as (
      update section_outcomes set status = ${to}, updated_at = now()
      where section_id = ${sectionId}::uuid and status = ${from}
      returning id)
    insert into section_outcome_history
      (tenant_id, section_outcome_id, action, from_status, to_status, actor_id, actor_label)
    select ${tenantId}::uuid, moved.id, ${hasInstructor ? 'assign' : 'unassign'}, ${from}, ${to},
      ${actor.id}::uuid, ${actor.label}
    from moved`);
}

/** How many outcomes of these sections already hold results (took, passed or tool). */
export async function countWithResults(q: Queryable, sectionIds: readonly string[]) {
  if (sectionIds.length === 0) return 0;
  const [row] = rowsOf<{ n: number }>(
    await q.execute(sql`select count(*)::int as n from section_outcomes so
      where so.section_id in ${sectionIds}
        and (so.took is not null or so.passed is not null or so.tool is not null)`),
  );
  return row?.n ?? 0;
}
