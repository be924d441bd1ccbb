import { sql } from 'drizzle-orm';
import type { Tx } from '../../../core/db/client.js';
import { studentParticipations, teacherParticipations, volunteerParticipations } from '../schema.js';
import { bulkUpsert, queryRows } from './bulk.js';

export const upsertVolunteerParticipations = (
  tx: Tx,
  rows: (typeof volunteerParticipations.$inferInsert)[],
) =>
  bulkUpsert(tx, volunteerParticipations, rows, {
    conflict: [volunteerParticipations.tenantId, volunteerParticipations.externalId],
    id: volunteerParticipations.id,
    touch: volunteerParticipations.updatedAt,
  });

export const upsertStudentParticipations = (
  tx: Tx,
  rows: (typeof studentParticipations.$inferInsert)[],
) =>
  bulkUpsert(tx, studentParticipations, rows, {
    conflict: [studentParticipations.tenantId, studentParticipations.externalId],
    id: studentParticipations.id,
    touch: studentParticipations.updatedAt,
  });

/** A row with an admin note is never overwritten by a re-import. */
export const upsertTeacherParticipations = (
  tx: Tx,
  rows: (typeof teacherParticipations.$inferInsert)[],
) =>
  bulkUpsert(tx, teacherParticipations, rows, {
    conflict: [teacherParticipations.tenantId, teacherParticipations.externalId],
    id: teacherParticipations.id,
    touch: teacherParticipations.updatedAt,
    keepWhen: sql`teacher_participations.admin_note is not null`,
  });

export interface Pair {
  eventId: string;
  contactId: string;
}

const pairKey = (p: Pair) => `${p.eventId}|${p.contactId}`;

/** The external id holding each (event, contact) pair that already has a participation. */
export async function pairOwners(
  tx: Tx,
  table: 'student_participations' | 'teacher_participations',
  pairs: readonly Pair[],
): Promise<Map<string, string>> {
  if (!pairs.length) return new Map();
  const found = await queryRows<{ event_id: string; contact_id: string; external_id: string }>(
    tx,
    sql`
    select p.event_id, p.contact_id, p.external_id
    from ${sql.identifier(table)} p
    join unnest(${sql.param(pairs.map((p) => p.eventId))}::uuid[],
                ${sql.param(pairs.map((p) => p.contactId))}::uuid[]) as w(event_id, contact_id)
      on w.event_id = p.event_id and w.contact_id = p.contact_id`,
  );
  return new Map(
    found.map((r) => [pairKey({ eventId: String(r.event_id), contactId: String(r.contact_id) }), r.external_id]),
  );
}

export { pairKey };
