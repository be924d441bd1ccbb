import { sql } from 'drizzle-orm';
import type { Queryable } from '../../../core/db/client.js';
import type { TransferFile, TransferRow } from '../transfer/format.js';
import { rowsOf } from './shared.js';

/*
 * One query per file of the generic export, in a stable order; references are natural keys.
 * Runs in the institution's transaction (RLS keeps other tenants out).
 */

const section = sql`join offerings o on o.id = s.offering_id
  join courses c on c.id = o.course_id
  join terms t on t.id = o.term_id`;

const QUERIES: Record<TransferFile, (tenantId: string) => ReturnType<typeof sql>> = {
  programs: () => sql`select name, short_name, description, is_default from programs
    order by is_default desc, lower(name)`,
  courses: () => sql`select number, title, credit_hours from courses order by number`,
  course_programs: () => sql`select c.number as course_number, p.name as program_name
    from course_programs cp join courses c on c.id = cp.course_id
    join programs p on p.id = cp.program_id order by c.number, lower(p.name)`,
  terms: () => sql`select code, name, start_date::text, end_date::text, due_date::text
    from terms order by start_date, code`,
  instructors: () => sql`select name, email from instructors order by lower(name), email`,
  users: (tenantId) => sql`select u.email, u.name, m.role,
      (select string_agg(p.name, ';' order by lower(p.name)) from programs p
        where p.id::text in (select jsonb_array_elements_text(coalesce(m.scope->'programs', '[]')))
      ) as programs
    from memberships m join users u on u.id = m.user_id
    where m.tenant_id = ${tenantId}::uuid order by u.email`,
  outcomes: () => sql`select c.number as course_number, co.number, co.description, co.is_active
    from course_outcomes co join courses c on c.id = co.course_id order by c.number, co.number`,
  offerings: () => sql`select c.number as course_number, t.code as term_code
    from offerings o join courses c on c.id = o.course_id join terms t on t.id = o.term_id
    order by c.number, t.start_date, t.code`,
  sections: () => sql`select c.number as course_number, t.code as term_code, s.number, s.combo,
      i.email as instructor_email, i.name as instructor_name, s.enrollment, s.withdrawals,
      s.passed_count, s.dfic_count, s.cannot_reconcile, s.reconcile_note, s.celebrations,
      s.challenges, s.changes, s.due_date::text
    from sections s ${section} left join instructors i on i.id = s.instructor_id
    order by c.number, t.start_date, t.code, s.number`,
  section_outcomes: () => sql`select c.number as course_number, t.code as term_code,
      s.number as section_number, co.number as outcome_number, so.took, so.passed, so.tool,
      so.status, so.nci_reason
    from section_outcomes so join sections s on s.id = so.section_id ${section}
    join course_outcomes co on co.id = so.course_outcome_id
    order by c.number, t.start_date, t.code, s.number, co.number`,
  section_outcome_history: () => sql`select c.number as course_number, t.code as term_code,
      s.number as section_number, co.number as outcome_number, h.action, h.from_status,
      h.to_status, h.comment, h.actor_label as actor,
      to_char(h.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as occurred_at
    from section_outcome_history h join section_outcomes so on so.id = h.section_outcome_id
    join sections s on s.id = so.section_id ${section}
    join course_outcomes co on co.id = so.course_outcome_id
    order by c.number, t.start_date, t.code, s.number, co.number, h.occurred_at, h.action`,
  plos: () => sql`select p.name as program_name, po.number, po.description
    from program_outcomes po join programs p on p.id = po.program_id
    order by lower(p.name), po.number`,
  plo_mappings: () => sql`select p.name as program_name, m.status, m.version,
      to_char(m.published_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as published_at
    from plo_mappings m join programs p on p.id = m.program_id
    order by lower(p.name), m.version nulls last`,
  plo_mapping_entries: () => sql`select p.name as program_name, m.version as mapping_version,
      c.number as course_number, co.number as outcome_number, po.number as plo_number
    from plo_mapping_entries e join plo_mappings m on m.id = e.mapping_id
    join programs p on p.id = m.program_id
    join course_outcomes co on co.id = e.course_outcome_id join courses c on c.id = co.course_id
    join program_outcomes po on po.id = e.program_outcome_id
    order by lower(p.name), m.version nulls last, c.number, co.number`,
};

export const exportRows = async (q: Queryable, tenantId: string, file: TransferFile) =>
  rowsOf<TransferRow>(await q.execute(QUERIES[file](tenantId)));
