import { sql } from 'drizzle-orm';
import type { Queryable } from '../../../core/db/client.js';
import { rowsOf } from './shared.js';

export interface CloResultLine {
  course: string;
  title: string | null;
  clo: number;
  description: string;
  term: string;
  section: string;
  instructor: string | null;
  took: number | null;
  passed: number | null;
  status: string;
}

export interface CloResultsFilter {
  term?: string;
  course?: string;
  programId?: string;
  /** A program admin's programs; undefined: every program. */
  programs?: readonly string[];
}

/** Every section outcome, by course, CLO and section (the institution's transaction). */
export async function cloResultLines(q: Queryable, filter: CloResultsFilter) {
  const inPrograms = (ids: readonly string[]) =>
    ids.length === 0
      ? sql`false`
      : sql`exists (select 1 from course_programs cp where cp.course_id = c.id
          and cp.program_id::text in ${ids})`;
  return rowsOf<CloResultLine>(
    await q.execute(sql`
      select c.number as course, c.title, co.number as clo, co.description, t.code as term,
        s.number as section, i.name as instructor, so.took, so.passed, so.status
      from section_outcomes so
      join sections s on s.id = so.section_id
      join offerings o on o.id = s.offering_id
      join courses c on c.id = o.course_id
      join terms t on t.id = o.term_id
      join course_outcomes co on co.id = so.course_outcome_id
      left join instructors i on i.id = s.instructor_id
      where ${filter.term ? sql`t.code = ${filter.term}` : sql`true`}
        and ${filter.course ? sql`c.number = ${filter.course}` : sql`true`}
        and ${filter.programId ? inPrograms([filter.programId]) : sql`true`}
        and ${filter.programs ? inPrograms(filter.programs) : sql`true`}
      order by c.number, co.number, t.start_date, t.code, s.number`),
  );
}
