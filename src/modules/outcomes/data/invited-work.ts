import { asc, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../../core/db/client.js';
import { courses, offerings, programs, sections, terms } from '../schema.js';

/** The names of the programs, in name order (unknown ids are left out). */
export const programNames = async (q: Queryable, ids: readonly string[]) =>
  ids.length === 0
    ? []
    : (
        await q
          .select({ name: programs.name })
          .from(programs)
          .where(inArray(programs.id, [...ids]))
          .orderBy(asc(programs.name))
      ).map((row) => row.name);

/** A section as people say it: "NUR-101 001 (Fall 2025)"; undefined when it does not exist. */
export async function sectionLabel(q: Queryable, id: string) {
  const [row] = await q
    .select({ course: courses.number, number: sections.number, term: terms.name })
    .from(sections)
    .innerJoin(offerings, eq(offerings.id, sections.offeringId))
    .innerJoin(courses, eq(courses.id, offerings.courseId))
    .innerJoin(terms, eq(terms.id, offerings.termId))
    .where(eq(sections.id, id));
  return row && `${row.course} ${row.number} (${row.term})`;
}
