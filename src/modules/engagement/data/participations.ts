import { sql } from 'drizzle-orm';
import type { Tx } from '../../../core/db/client.js';
import {
  studentParticipations,
  teacherParticipations,
  volunteerParticipations,
} from '../schema.js';
import { bulkUpsert } from './bulk.js';

export const upsertVolunteerParticipations = (
  tx: Tx,
  rows: (typeof volunteerParticipations.$inferInsert)[],
) =>
  bulkUpsert(tx, volunteerParticipations, rows, {
    conflict: [volunteerParticipations.tenantId, volunteerParticipations.externalId],
    id: volunteerParticipations.id,
    touch: volunteerParticipations.updatedAt,
  });

/**
 * Student participations are unique per (event, student): a second record of the same pair is
 * `skipped` and the first one kept.
 */
export const upsertStudentParticipations = (
  tx: Tx,
  rows: (typeof studentParticipations.$inferInsert)[],
) =>
  bulkUpsert(tx, studentParticipations, rows, {
    conflict: [studentParticipations.eventId, studentParticipations.contactId],
    owner: studentParticipations.externalId,
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
