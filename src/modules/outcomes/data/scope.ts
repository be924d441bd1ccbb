import { and, eq, exists, inArray, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '../../../core/db/client.js';
import type { OutcomesScope } from '../scope.js';
import { coursePrograms, instructors, offerings, sections } from '../schema.js';

// Aliased so that the outer query's own tables (e.g. offerings) never shadow or get shadowed.
const cp = alias(coursePrograms, 'scope_cp');
const s = alias(sections, 'scope_s');
const o = alias(offerings, 'scope_o');
const i = alias(instructors, 'scope_i');

/** The instructor record is the caller's: linked to their account, or carrying their email. */
const isCaller = (scope: Extract<OutcomesScope, { kind: 'instructor' }>) =>
  or(eq(i.userId, scope.userId), eq(i.email, scope.email));

/** The course (by its id column) belongs to a program of the scope, or is taught by the caller. */
export function courseVisible(
  q: Queryable,
  scope: OutcomesScope,
  courseId: AnyColumn,
): SQL | undefined {
  switch (scope.kind) {
    case 'all':
      return undefined;
    case 'programs':
      return exists(
        q
          .select({ one: sql`1` })
          .from(cp)
          .where(and(eq(cp.courseId, courseId), inArray(cp.programId, [...scope.programIds]))),
      );
    case 'instructor':
      return exists(
        q
          .select({ one: sql`1` })
          .from(s)
          .innerJoin(o, eq(o.id, s.offeringId))
          .innerJoin(i, eq(i.id, s.instructorId))
          .where(and(eq(o.courseId, courseId), isCaller(scope))),
      );
  }
}

/** The program is one of the scope (instructors see none). */
export function programVisible(scope: OutcomesScope, programId: AnyColumn): SQL | undefined {
  switch (scope.kind) {
    case 'all':
      return undefined;
    case 'programs':
      return inArray(programId, [...scope.programIds]);
    case 'instructor':
      return sql`false`;
  }
}

/**
 * The section is in the scope: its course (through its offering, joined by the caller) is in the
 * scope's programs, or the caller teaches it.
 */
export function sectionVisible(q: Queryable, scope: OutcomesScope): SQL | undefined {
  if (scope.kind !== 'instructor') return courseVisible(q, scope, offerings.courseId);
  return exists(
    q
      .select({ one: sql`1` })
      .from(i)
      .where(and(eq(i.id, sections.instructorId), isCaller(scope))),
  );
}
