import { sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../../core/db/client.js';
import { ROLES } from '../../../core/db/schema.js';
import type { RowResult } from '../../../core/imports/types.js';
import { LIST_SEPARATOR, type TransferFile } from '../transfer/format.js';
import { rowsOf } from './shared.js';

/*
 * Upserts of the generic import (§3.5), one row at a time, matched by natural keys. Each answers
 * created / updated / unchanged: `insert … on conflict do update … where <something differs>`
 * returns no row when nothing changed, and `xmax = 0` tells an insert from an update.
 */

type Values = Record<string, string>;
/** Ids already looked up in this batch (many rows name the same course, section…). */
export type LookupCache = Map<string, Promise<string | undefined>>;
type Upsert = (q: Queryable, tenantId: string, v: Values, cache: LookupCache) => Promise<RowResult>;

const str = (value: string | undefined) => (value === undefined || value === '' ? null : value);
const int = (value: string | undefined) => (str(value) === null ? null : Number(value));
const bool = (value: string | undefined) => value === 'true';

async function outcomeOf(q: Queryable, statement: SQL): Promise<RowResult> {
  const [row] = rowsOf<{ inserted: boolean }>(await q.execute(statement));
  if (!row) return { outcome: 'unchanged' };
  return { outcome: row.inserted ? 'created' : 'updated' };
}

async function idOf(q: Queryable, statement: SQL): Promise<string | undefined> {
  return rowsOf<{ id: string }>(await q.execute(statement))[0]?.id;
}

/** `idOf`, once per key and batch. */
function cached(cache: LookupCache, key: string, find: () => Promise<string | undefined>) {
  const known = cache.get(key);
  if (known) return known;
  const found = find();
  cache.set(key, found);
  return found;
}

const missing = (what: string, value: string): RowResult => ({
  outcome: 'failed',
  code: 'missing_reference',
  value,
  message: `${what} ${value} is not in the import (nor in the institution)`,
});

const courseId = (q: Queryable, c: LookupCache, number = '') =>
  cached(c, `course|${number}`, () =>
    idOf(q, sql`select id from courses where number = ${number}`),
  );
const programId = (q: Queryable, c: LookupCache, name = '') =>
  cached(c, `program|${name.toLowerCase()}`, () =>
    idOf(q, sql`select id from programs where lower(name) = lower(${name})`),
  );
const termId = (q: Queryable, c: LookupCache, code = '') =>
  cached(c, `term|${code}`, () => idOf(q, sql`select id from terms where code = ${code}`));
const offeringId = (q: Queryable, c: LookupCache, v: Values) =>
  cached(c, `offering|${v.course_number ?? ''}|${v.term_code ?? ''}`, () =>
    idOf(
      q,
      sql`select o.id from offerings o join courses c on c.id = o.course_id
        join terms t on t.id = o.term_id where c.number = ${v.course_number ?? ''}
        and t.code = ${v.term_code ?? ''}`,
    ),
  );
const sectionId = (q: Queryable, c: LookupCache, v: Values) =>
  cached(c, `section|${v.course_number ?? ''}|${v.term_code ?? ''}|${v.section_number ?? ''}`, () =>
    idOf(
      q,
      sql`select s.id from sections s join offerings o on o.id = s.offering_id
        join courses c on c.id = o.course_id join terms t on t.id = o.term_id
        where c.number = ${v.course_number ?? ''} and t.code = ${v.term_code ?? ''}
          and s.number = ${v.section_number ?? ''}`,
    ),
  );
const outcomeId = (q: Queryable, c: LookupCache, course = '', number = '') =>
  cached(c, `clo|${course}|${number}`, () =>
    idOf(
      q,
      sql`select co.id from course_outcomes co join courses c on c.id = co.course_id
        where c.number = ${course} and co.number = ${int(number)}`,
    ),
  );
const sectionOutcomeId = async (q: Queryable, c: LookupCache, v: Values) => {
  const section = await sectionId(q, c, v);
  const clo = await outcomeId(q, c, v.course_number, v.outcome_number);
  if (!section || !clo) return undefined;
  return cached(c, `so|${section}|${clo}`, () =>
    idOf(
      q,
      sql`select id from section_outcomes where section_id = ${section}::uuid
        and course_outcome_id = ${clo}::uuid`,
    ),
  );
};
const mappingId = (q: Queryable, program: string, version: string | undefined) =>
  idOf(
    q,
    str(version) === null
      ? sql`select id from plo_mappings where program_id = ${program}::uuid and status = 'draft'`
      : sql`select id from plo_mappings where program_id = ${program}::uuid
          and version = ${int(version)}`,
  );

const programs: Upsert = async (q, tenantId, v) => {
  const values = [str(v.short_name), str(v.description)];
  if (bool(v.is_default)) {
    const current = await idOf(q, sql`select id from programs where is_default`);
    if (current) {
      return outcomeOf(
        q,
        sql`update programs set name = ${v.name ?? ''}, short_name = ${values[0]},
          description = ${values[1]}, updated_at = now()
        where id = ${current}::uuid
          and (name, short_name, description) is distinct from (${v.name ?? ''}, ${values[0]}, ${values[1]})
        returning false as inserted`,
      );
    }
  }
  return outcomeOf(
    q,
    sql`insert into programs (tenant_id, name, short_name, description, is_default)
      values (${tenantId}::uuid, ${v.name ?? ''}, ${values[0]}, ${values[1]}, ${bool(v.is_default)})
      on conflict (tenant_id, lower(name)) do update
        set short_name = excluded.short_name, description = excluded.description,
          updated_at = now()
        where (programs.short_name, programs.description)
          is distinct from (excluded.short_name, excluded.description)
      returning (xmax = 0) as inserted`,
  );
};

const courses: Upsert = (q, tenantId, v) =>
  outcomeOf(
    q,
    sql`insert into courses (tenant_id, number, title, credit_hours)
      values (${tenantId}::uuid, ${v.number ?? ''}, ${str(v.title)}, ${Number(v.credit_hours || 3)})
      on conflict (tenant_id, number) do update
        set title = excluded.title, credit_hours = excluded.credit_hours, updated_at = now()
        where (courses.title, courses.credit_hours)
          is distinct from (excluded.title, excluded.credit_hours)
      returning (xmax = 0) as inserted`,
  );

const coursePrograms: Upsert = async (q, tenantId, v, c) => {
  const course = await courseId(q, c, v.course_number);
  const program = await programId(q, c, v.program_name);
  if (!course) return missing('Course', v.course_number ?? '');
  if (!program) return missing('Program', v.program_name ?? '');
  return outcomeOf(
    q,
    sql`insert into course_programs (tenant_id, course_id, program_id)
      values (${tenantId}::uuid, ${course}::uuid, ${program}::uuid)
      on conflict do nothing returning true as inserted`,
  );
};

const terms: Upsert = (q, tenantId, v) =>
  outcomeOf(
    q,
    sql`insert into terms (tenant_id, code, name, start_date, end_date, due_date)
      values (${tenantId}::uuid, ${v.code ?? ''}, ${v.name ?? ''}, ${v.start_date ?? ''}::date,
        ${v.end_date ?? ''}::date, ${str(v.due_date)}::date)
      on conflict (tenant_id, code) do update
        set name = excluded.name, start_date = excluded.start_date,
          end_date = excluded.end_date, due_date = excluded.due_date, updated_at = now()
        where (terms.name, terms.start_date, terms.end_date, terms.due_date)
          is distinct from (excluded.name, excluded.start_date, excluded.end_date, excluded.due_date)
      returning (xmax = 0) as inserted`,
  );

const instructors: Upsert = (q, tenantId, v) => {
  const email = str(v.email);
  const user = sql`(select u.id from users u where u.email = ${email})`;
  return outcomeOf(
    q,
    email === null
      ? sql`insert into instructors (tenant_id, name) values (${tenantId}::uuid, ${v.name ?? ''})
          on conflict (tenant_id, lower(name)) where email is null do nothing
          returning true as inserted`
      : sql`insert into instructors (tenant_id, name, email, user_id)
          values (${tenantId}::uuid, ${v.name ?? ''}, ${email}, ${user})
          on conflict (tenant_id, email) where email is not null do update
            set name = excluded.name, updated_at = now()
            where instructors.name is distinct from excluded.name
          returning (xmax = 0) as inserted`,
  );
};

/** Members come as accounts without credentials (pending); an existing membership is kept. */
const users: Upsert = async (q, tenantId, v, c) => {
  const email = (v.email ?? '').toLowerCase();
  if (!ROLES.some((role) => role === v.role)) {
    return {
      outcome: 'failed',
      column: 'role',
      value: v.role ?? '',
      code: 'invalid_value',
      message: `role must be one of ${ROLES.join(', ')}`,
    };
  }
  const names = (v.programs ?? '').split(LIST_SEPARATOR).filter(Boolean);
  const ids: string[] = [];
  for (const name of names) {
    const id = await programId(q, c, name);
    if (!id) return missing('Program', name);
    ids.push(id);
  }
  await q.execute(sql`insert into users (email, name, status)
    values (${email}, ${v.name ?? ''}, 'pending') on conflict (email) do nothing`);
  const scope = JSON.stringify(ids.length > 0 ? { programs: ids } : {});
  return outcomeOf(
    q,
    sql`insert into memberships (tenant_id, user_id, role, scope)
      select ${tenantId}::uuid, u.id, ${v.role ?? ''}, ${scope}::jsonb from users u
      where u.email = ${email}
      on conflict (tenant_id, user_id) do nothing returning true as inserted`,
  );
};

const outcomes: Upsert = async (q, tenantId, v, c) => {
  const course = await courseId(q, c, v.course_number);
  if (!course) return missing('Course', v.course_number ?? '');
  return outcomeOf(
    q,
    sql`insert into course_outcomes (tenant_id, course_id, number, description, is_active)
      values (${tenantId}::uuid, ${course}::uuid, ${int(v.number)}, ${v.description ?? ''},
        ${bool(v.is_active)})
      on conflict (course_id, number) do update
        set description = excluded.description, is_active = excluded.is_active,
          updated_at = now()
        where (course_outcomes.description, course_outcomes.is_active)
          is distinct from (excluded.description, excluded.is_active)
      returning (xmax = 0) as inserted`,
  );
};

const offerings: Upsert = async (q, tenantId, v, c) => {
  const course = await courseId(q, c, v.course_number);
  const term = await termId(q, c, v.term_code);
  if (!course) return missing('Course', v.course_number ?? '');
  if (!term) return missing('Term', v.term_code ?? '');
  return outcomeOf(
    q,
    sql`insert into offerings (tenant_id, course_id, term_id)
      values (${tenantId}::uuid, ${course}::uuid, ${term}::uuid)
      on conflict do nothing returning true as inserted`,
  );
};

const sections: Upsert = async (q, tenantId, v, c) => {
  const offering = await offeringId(q, c, v);
  if (!offering) return missing('Offering', `${v.course_number ?? ''} ${v.term_code ?? ''}`);
  const email = str(v.instructor_email);
  const instructor = email
    ? await idOf(q, sql`select id from instructors where email = ${email}`)
    : str(v.instructor_name)
      ? await idOf(
          q,
          sql`select id from instructors where email is null
            and lower(name) = lower(${v.instructor_name ?? ''})`,
        )
      : null;
  if (instructor === undefined) {
    return missing('Instructor', email ?? v.instructor_name ?? '');
  }
  const fields = sql`${instructor}::uuid, ${int(v.enrollment)}::int, ${int(v.withdrawals)}::int,
    ${int(v.passed_count)}::int, ${int(v.dfic_count)}::int, ${bool(v.cannot_reconcile)},
    ${str(v.reconcile_note)}, ${str(v.celebrations)}, ${str(v.challenges)}, ${str(v.changes)},
    ${str(v.due_date)}::date`;
  return outcomeOf(
    q,
    sql`insert into sections (tenant_id, offering_id, number, combo, instructor_id, enrollment,
        withdrawals, passed_count, dfic_count, cannot_reconcile, reconcile_note, celebrations,
        challenges, changes, due_date)
      values (${tenantId}::uuid, ${offering}::uuid, ${v.number ?? ''}, ${str(v.combo)}, ${fields})
      on conflict (offering_id, number) do update
        set combo = excluded.combo, instructor_id = excluded.instructor_id,
          enrollment = excluded.enrollment, withdrawals = excluded.withdrawals,
          passed_count = excluded.passed_count, dfic_count = excluded.dfic_count,
          cannot_reconcile = excluded.cannot_reconcile, reconcile_note = excluded.reconcile_note,
          celebrations = excluded.celebrations, challenges = excluded.challenges,
          changes = excluded.changes, due_date = excluded.due_date, updated_at = now()
        where (sections.combo, sections.instructor_id, sections.enrollment, sections.withdrawals,
            sections.passed_count, sections.dfic_count, sections.cannot_reconcile,
            sections.reconcile_note, sections.celebrations, sections.challenges, sections.changes,
            sections.due_date)
          is distinct from (excluded.combo, excluded.instructor_id, excluded.enrollment,
            excluded.withdrawals, excluded.passed_count, excluded.dfic_count,
            excluded.cannot_reconcile, excluded.reconcile_note, excluded.celebrations,
            excluded.challenges, excluded.changes, excluded.due_date)
      returning (xmax = 0) as inserted`,
  );
};

const sectionOutcomes: Upsert = async (q, tenantId, v, c) => {
  const section = await sectionId(q, c, v);
  const clo = await outcomeId(q, c, v.course_number, v.outcome_number);
  if (!section) return missing('Section', `${v.course_number ?? ''}-${v.section_number ?? ''}`);
  if (!clo) return missing('CLO', `${v.course_number ?? ''}.${v.outcome_number ?? ''}`);
  return outcomeOf(
    q,
    sql`insert into section_outcomes (tenant_id, section_id, course_outcome_id, took, passed,
        tool, status, nci_reason)
      values (${tenantId}::uuid, ${section}::uuid, ${clo}::uuid, ${int(v.took)}::int,
        ${int(v.passed)}::int, ${str(v.tool)}, ${v.status ?? 'unassigned'}, ${str(v.nci_reason)})
      on conflict (section_id, course_outcome_id) do update
        set took = excluded.took, passed = excluded.passed, tool = excluded.tool,
          status = excluded.status, nci_reason = excluded.nci_reason, updated_at = now()
        where (section_outcomes.took, section_outcomes.passed, section_outcomes.tool,
            section_outcomes.status, section_outcomes.nci_reason)
          is distinct from (excluded.took, excluded.passed, excluded.tool, excluded.status,
            excluded.nci_reason)
      returning (xmax = 0) as inserted`,
  );
};

const history: Upsert = async (q, tenantId, v, c) => {
  const outcome = await sectionOutcomeId(q, c, v);
  if (!outcome) {
    return missing('Section outcome', `${v.course_number ?? ''}-${v.section_number ?? ''}`);
  }
  return outcomeOf(
    q,
    sql`insert into section_outcome_history (tenant_id, section_outcome_id, action, from_status,
        to_status, comment, actor_label, occurred_at)
      select ${tenantId}::uuid, ${outcome}::uuid, ${v.action ?? ''}, ${str(v.from_status)},
        ${v.to_status ?? ''}, ${str(v.comment)}, ${str(v.actor)}, ${v.occurred_at ?? ''}::timestamptz
      where not exists (select 1 from section_outcome_history h
        where h.section_outcome_id = ${outcome}::uuid and h.action = ${v.action ?? ''}
          and h.to_status = ${v.to_status ?? ''}
          and h.occurred_at = ${v.occurred_at ?? ''}::timestamptz)
      returning true as inserted`,
  );
};

const plos: Upsert = async (q, tenantId, v, c) => {
  const program = await programId(q, c, v.program_name);
  if (!program) return missing('Program', v.program_name ?? '');
  return outcomeOf(
    q,
    sql`insert into program_outcomes (tenant_id, program_id, number, description)
      values (${tenantId}::uuid, ${program}::uuid, ${int(v.number)}, ${v.description ?? ''})
      on conflict (program_id, number) do update
        set description = excluded.description, updated_at = now()
        where program_outcomes.description is distinct from excluded.description
      returning (xmax = 0) as inserted`,
  );
};

const ploMappings: Upsert = async (q, tenantId, v, c) => {
  const program = await programId(q, c, v.program_name);
  if (!program) return missing('Program', v.program_name ?? '');
  if (await mappingId(q, program, v.version)) return { outcome: 'unchanged' };
  return outcomeOf(
    q,
    sql`insert into plo_mappings (tenant_id, program_id, status, version, published_at)
      values (${tenantId}::uuid, ${program}::uuid, ${v.status ?? 'draft'}, ${int(v.version)}::int,
        ${str(v.published_at)}::timestamptz)
      returning true as inserted`,
  );
};

const ploMappingEntries: Upsert = async (q, tenantId, v, c) => {
  const program = await programId(q, c, v.program_name);
  if (!program) return missing('Program', v.program_name ?? '');
  const mapping = await mappingId(q, program, v.mapping_version);
  const clo = await outcomeId(q, c, v.course_number, v.outcome_number);
  const plo = await idOf(
    q,
    sql`select id from program_outcomes where program_id = ${program}::uuid
      and number = ${int(v.plo_number)}`,
  );
  if (!mapping)
    return missing('PLO mapping', `${v.program_name ?? ''} v${v.mapping_version ?? ''}`);
  if (!clo) return missing('CLO', `${v.course_number ?? ''}.${v.outcome_number ?? ''}`);
  if (!plo) return missing('PLO', `${v.program_name ?? ''} ${v.plo_number ?? ''}`);
  return outcomeOf(
    q,
    sql`insert into plo_mapping_entries (tenant_id, mapping_id, course_outcome_id,
        program_outcome_id)
      values (${tenantId}::uuid, ${mapping}::uuid, ${clo}::uuid, ${plo}::uuid)
      on conflict (mapping_id, course_outcome_id) do update
        set program_outcome_id = excluded.program_outcome_id
        where plo_mapping_entries.program_outcome_id is distinct from excluded.program_outcome_id
      returning (xmax = 0) as inserted`,
  );
};

/** The upsert of each file's rows. */
export const UPSERTS: Record<TransferFile, Upsert> = {
  programs,
  courses,
  course_programs: coursePrograms,
  terms,
  instructors,
  users,
  outcomes,
  offerings,
  sections,
  section_outcomes: sectionOutcomes,
  section_outcome_history: history,
  plos,
  plo_mappings: ploMappings,
  plo_mapping_entries: ploMappingEntries,
};
