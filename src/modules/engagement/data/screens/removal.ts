import { sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../../../core/db/client.js';
import type { ContactKind, FlagEntityType } from '../../enums.js';

/** Rows that point at a removed record: removed with it (cascade) or left without it (set null). */
interface Dependent {
  /** The count's name in the result, e.g. `participations`. */
  key: string;
  table: string;
  column: string;
  /** Cascaded rows that may carry data-quality flags of their own. */
  flagEntity?: FlagEntityType;
}

interface RemovalSpec {
  table: string;
  flagEntity: FlagEntityType;
  /** Narrows the table's rows, e.g. contacts of one kind (`t` is the table). */
  where?: SQL;
  dependents: readonly Dependent[];
}

const participations = (kind: ContactKind): Dependent => ({
  key: 'participations',
  table: `${kind}_participations`,
  column: 'contact_id',
  flagEntity: `${kind}_participation`,
});

const contactsOf = (kind: ContactKind): RemovalSpec => ({
  table: 'contacts',
  flagEntity: 'contact',
  where: sql`t.kind = ${kind}`,
  dependents: [
    participations(kind),
    ...(kind === 'volunteer'
      ? [
          {
            key: 'affiliations',
            table: 'affiliations',
            column: 'contact_id',
            flagEntity: 'affiliation',
          } as const,
        ]
      : []),
    { key: 'activities', table: 'activities', column: 'contact_id', flagEntity: 'activity' },
  ],
});

/** What each resource takes with it when removed (DOMAIN.md §2.6 destructive actions). */
export const REMOVALS = {
  volunteers: contactsOf('volunteer'),
  teachers: contactsOf('teacher'),
  students: contactsOf('student'),
  organizations: {
    table: 'organizations',
    flagEntity: 'organization',
    dependents: [
      {
        key: 'affiliations',
        table: 'affiliations',
        column: 'organization_id',
        flagEntity: 'affiliation',
      },
      { key: 'volunteersDetached', table: 'volunteers', column: 'primary_organization_id' },
    ],
  },
  events: {
    table: 'events',
    flagEntity: 'event',
    dependents: [
      { ...participations('volunteer'), key: 'volunteerParticipations', column: 'event_id' },
      { ...participations('student'), key: 'studentParticipations', column: 'event_id' },
      { ...participations('teacher'), key: 'teacherParticipations', column: 'event_id' },
      { key: 'activitiesDetached', table: 'activities', column: 'event_id' },
    ],
  },
  schools: {
    table: 'schools',
    flagEntity: 'school',
    dependents: [
      { key: 'studentsDetached', table: 'students', column: 'school_id' },
      { key: 'teachersDetached', table: 'teachers', column: 'school_id' },
      { key: 'eventsDetached', table: 'events', column: 'school_id' },
      { key: 'classesDetached', table: 'classes', column: 'school_id' },
    ],
  },
  districts: {
    table: 'districts',
    flagEntity: 'district',
    dependents: [
      { key: 'schoolsDetached', table: 'schools', column: 'district_id' },
      { key: 'eventsDetached', table: 'events', column: 'inferred_district_id' },
    ],
  },
} as const satisfies Record<string, RemovalSpec>;

export type RemovableResource = keyof typeof REMOVALS;

const raw = sql.raw;

/**
 * Removes the resource's rows of the tenant (those with `ids`, or all of them), their cascaded
 * rows and the data-quality flags of both; returns how many of each went (`removed` and the
 * dependents' keys), for the audit record.
 */
export async function removeRecords(
  q: Queryable,
  tenantId: string,
  resource: RemovableResource,
  ids: readonly string[] | 'all',
): Promise<Record<string, number>> {
  const spec: RemovalSpec = REMOVALS[resource];
  const narrowed = [
    sql`t.tenant_id = ${tenantId}`,
    ...(spec.where ? [spec.where] : []),
    ...(ids === 'all' ? [] : [sql`t.id = any(${sql.param(ids)}::uuid[])`]),
  ];
  const target = sql`select t.id from ${raw(spec.table)} t where ${sql.join(narrowed, sql` and `)}`;
  const dependentRows = (d: Dependent) =>
    sql`select x.id from ${raw(d.table)} x where x.${raw(d.column)} in (${target})`;
  const counts = sql.join(
    [
      sql`(select count(*) from (${target}) r)::int as removed`,
      ...spec.dependents.map(
        (d) =>
          sql`(select count(*) from ${raw(d.table)} x where x.${raw(d.column)} in (${target}))::int as ${raw(`"${d.key}"`)}`,
      ),
    ],
    sql`, `,
  );
  const result = (await q.execute(sql`select ${counts}`)) as unknown as {
    rows: Record<string, number>[];
  };
  const flagged = [
    sql`(f.entity_type = ${spec.flagEntity} and f.entity_id in (${target}))`,
    ...spec.dependents.flatMap((d) =>
      d.flagEntity
        ? [sql`(f.entity_type = ${d.flagEntity} and f.entity_id in (${dependentRows(d)}))`]
        : [],
    ),
  ];
  await q.execute(sql`delete from data_quality_flags f
    where f.tenant_id = ${tenantId} and (${sql.join(flagged, sql` or `)})`);
  await q.execute(sql`delete from ${raw(spec.table)} where id in (${target})`);
  return Object.fromEntries(
    Object.entries(result.rows[0] ?? {}).map(([key, value]) => [key, Number(value)]),
  );
}

const LABELS: Record<RemovableResource, string> = {
  volunteers: `btrim(t.first_name || ' ' || t.last_name)`,
  teachers: `btrim(t.first_name || ' ' || t.last_name)`,
  students: `btrim(t.first_name || ' ' || t.last_name)`,
  organizations: 't.name',
  events: 't.title',
  schools: 't.name',
  districts: 't.name',
};

/** The name of one record of the resource, or undefined when the tenant has no such record. */
export async function labelOf(
  q: Queryable,
  tenantId: string,
  resource: RemovableResource,
  id: string,
): Promise<string | undefined> {
  const spec: RemovalSpec = REMOVALS[resource];
  const result = (await q.execute(sql`select ${raw(LABELS[resource])} as label
    from ${raw(spec.table)} t
    where t.tenant_id = ${tenantId} and t.id = ${id} ${spec.where ? sql`and ${spec.where}` : sql``}`)) as unknown as {
    rows: { label: string }[];
  };
  return result.rows[0]?.label;
}
