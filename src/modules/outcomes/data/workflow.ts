import { and, asc, desc, eq, inArray, or, sql } from 'drizzle-orm';
import { users } from '../../../core/auth/schema.js';
import type { Queryable } from '../../../core/db/client.js';
import { memberships } from '../../../core/db/schema.js';
import type { OutcomeStatus, SectionStatus } from '../enums.js';
import {
  coursePrograms,
  courseOutcomes,
  courses,
  instructors,
  offerings,
  sectionOutcomeHistory,
  sectionOutcomes,
  sections,
  terms,
} from '../schema.js';
import type { WorkflowAction } from '../workflow/transitions.js';
import type { Actor } from './section-outcomes.js';
import { sectionStatus } from './sections.js';

/*
 * SQL of the instructor side of the assessment workflow (§3.2): the caller's own sections, an
 * outcome's status moves with their history rows, and who to alert on a submit.
 */

/** Who the caller is, to match the instructor record they are: by account, or by email. */
export interface Identity {
  userId: string;
  email: string;
}

const isInstructor = (identity: Identity) =>
  or(eq(instructors.userId, identity.userId), eq(instructors.email, identity.email));

/** When a section's data is due: its own date, else its term's. */
export const dueDateOf = sql<string | null>`coalesce(${sections.dueDate}, ${terms.dueDate})`;

// Qualified by hand: drizzle leaves columns inside sql`` unqualified.
const completeCount = sql<number>`(select count(*)::int from section_outcomes so
  where so.section_id = "sections"."id" and (so.status = 'never_coming_in'
    or (so.took is not null and so.passed is not null and nullif(trim(so.tool), '') is not null)))`;
const totalCount = sql<number>`(select count(*)::int from section_outcomes so
  where so.section_id = "sections"."id")`;

export interface MySectionFilter {
  termId?: string;
  status?: SectionStatus;
}

/** The sections the caller teaches, by due date (none last), course number, section number. */
export const mySections = (q: Queryable, identity: Identity, filter: MySectionFilter) =>
  q
    .select({
      id: sections.id,
      number: sections.number,
      course: { id: courses.id, number: courses.number, title: courses.title },
      term: { id: terms.id, code: terms.code, name: terms.name },
      dueDate: dueDateOf,
      status: sectionStatus,
      complete: completeCount,
      total: totalCount,
    })
    .from(sections)
    .innerJoin(instructors, eq(instructors.id, sections.instructorId))
    .innerJoin(offerings, eq(offerings.id, sections.offeringId))
    .innerJoin(courses, eq(courses.id, offerings.courseId))
    .innerJoin(terms, eq(terms.id, offerings.termId))
    .where(
      and(
        isInstructor(identity),
        filter.termId ? eq(offerings.termId, filter.termId) : undefined,
        filter.status ? sql`${sectionStatus} = ${filter.status}` : undefined,
      ),
    )
    .orderBy(sql`${dueDateOf} asc nulls last`, asc(courses.number), asc(sections.number));

/** Whether the caller is the section's instructor. */
export async function teaches(q: Queryable, sectionId: string, identity: Identity) {
  const [row] = await q
    .select({ id: sections.id })
    .from(sections)
    .innerJoin(instructors, eq(instructors.id, sections.instructorId))
    .where(and(eq(sections.id, sectionId), isInstructor(identity)));
  return row !== undefined;
}

/** A section's outcomes by CLO number, with what the workflow needs. */
export const outcomesOf = (q: Queryable, sectionId: string, lock = false) => {
  const query = q
    .select({
      id: sectionOutcomes.id,
      courseOutcome: {
        id: courseOutcomes.id,
        number: courseOutcomes.number,
        description: courseOutcomes.description,
      },
      took: sectionOutcomes.took,
      passed: sectionOutcomes.passed,
      tool: sectionOutcomes.tool,
      status: sectionOutcomes.status,
      nciReason: sectionOutcomes.nciReason,
      updatedAt: sectionOutcomes.updatedAt,
    })
    .from(sectionOutcomes)
    .innerJoin(courseOutcomes, eq(courseOutcomes.id, sectionOutcomes.courseOutcomeId))
    .where(eq(sectionOutcomes.sectionId, sectionId))
    .orderBy(asc(courseOutcomes.number));
  return lock ? query.for('update', { of: sectionOutcomes }) : query;
};

export type WorkflowOutcome = Awaited<ReturnType<typeof outcomesOf>>[number];

/** The history of a section's outcomes, newest first. */
export const historyOf = (q: Queryable, sectionId: string) =>
  q
    .select({
      id: sectionOutcomeHistory.id,
      sectionOutcomeId: sectionOutcomeHistory.sectionOutcomeId,
      cloNumber: courseOutcomes.number,
      action: sectionOutcomeHistory.action,
      fromStatus: sectionOutcomeHistory.fromStatus,
      toStatus: sectionOutcomeHistory.toStatus,
      comment: sectionOutcomeHistory.comment,
      actorLabel: sectionOutcomeHistory.actorLabel,
      occurredAt: sectionOutcomeHistory.occurredAt,
    })
    .from(sectionOutcomeHistory)
    .innerJoin(sectionOutcomes, eq(sectionOutcomes.id, sectionOutcomeHistory.sectionOutcomeId))
    .innerJoin(courseOutcomes, eq(courseOutcomes.id, sectionOutcomes.courseOutcomeId))
    .where(eq(sectionOutcomes.sectionId, sectionId))
    .orderBy(
      desc(sectionOutcomeHistory.occurredAt),
      desc(courseOutcomes.number),
      desc(sectionOutcomeHistory.id),
    );

export interface OutcomeValues {
  took?: number | null;
  passed?: number | null;
  tool?: string | null;
}

export const updateOutcome = (q: Queryable, id: string, values: OutcomeValues) =>
  q
    .update(sectionOutcomes)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(sectionOutcomes.id, id));

/** One outcome's move from its status to another. */
export interface Move {
  id: string;
  from: OutcomeStatus;
  to: OutcomeStatus;
}

/**
 * Moves outcomes to `to` and writes one history row each (action, comment, actor). The NCI reason
 * is the comment of a move to `never_coming_in`, and cleared by any other move.
 */
export async function move(
  q: Queryable,
  tenantId: string,
  moves: readonly Move[],
  change: { action: WorkflowAction; to: OutcomeStatus; comment: string | null; actor: Actor },
) {
  if (moves.length === 0) return;
  await q
    .update(sectionOutcomes)
    .set({
      status: change.to,
      nciReason: change.to === 'never_coming_in' ? change.comment : null,
      updatedAt: new Date(),
    })
    .where(
      inArray(
        sectionOutcomes.id,
        moves.map((m) => m.id),
      ),
    );
  await q.insert(sectionOutcomeHistory).values(
    moves.map((m) => ({
      tenantId,
      sectionOutcomeId: m.id,
      action: change.action,
      fromStatus: m.from,
      toStatus: m.to,
      comment: change.comment,
      actorId: change.actor.id,
      actorLabel: change.actor.label,
    })),
  );
}

/**
 * Who is alerted when a section is submitted: the active program admins of the course's programs,
 * or the tenant admins when there are none.
 */
export async function submissionAlertEmails(q: Queryable, courseId: string) {
  const programIds = new Set(
    (
      await q
        .select({ id: coursePrograms.programId })
        .from(coursePrograms)
        .where(eq(coursePrograms.courseId, courseId))
    ).map((r) => r.id),
  );
  const members = await q
    .select({ email: users.email, role: memberships.role, scope: memberships.scope })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        inArray(memberships.role, ['tenant_admin', 'program_admin']),
        eq(memberships.status, 'active'),
      ),
    )
    .orderBy(asc(users.email));
  const programAdmins = members.filter(
    (m) => m.role === 'program_admin' && (m.scope.programs ?? []).some((id) => programIds.has(id)),
  );
  const chosen =
    programAdmins.length > 0 ? programAdmins : members.filter((m) => m.role === 'tenant_admin');
  return [...new Set(chosen.map((m) => m.email))];
}
