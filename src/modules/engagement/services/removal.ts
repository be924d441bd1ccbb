import type { RequestContext } from '../../../core/access/request-context.js';
import { recordAudit } from '../../../core/audit/service.js';
import type { Db } from '../../../core/db/client.js';
import { tx } from '../../../core/db/tx.js';
import { NotFoundError, ValidationError } from '../../../core/errors.js';
import { labelOf, removeRecords, type RemovableResource } from '../data/screens/removal.js';
import { callerOf } from './caller.js';
import { dataChanged } from './reports.js';

/** The audit and message name of one record of each resource. */
export const RECORD_NAMES: Record<RemovableResource, { type: string; label: string }> = {
  volunteers: { type: 'volunteer', label: 'Volunteer' },
  teachers: { type: 'teacher', label: 'Teacher' },
  students: { type: 'student', label: 'Student' },
  organizations: { type: 'organization', label: 'Organization' },
  events: { type: 'event', label: 'Event' },
  schools: { type: 'school', label: 'School' },
  districts: { type: 'district', label: 'District' },
};

/** Deletes one record and what depends on it; audited with the counts. */
export async function deleteRecord(
  db: Db,
  ctx: RequestContext,
  resource: RemovableResource,
  id: string,
) {
  const { tenantId } = callerOf(ctx);
  const names = RECORD_NAMES[resource];
  return tx(db, { tenantId }, async (q) => {
    const label = await labelOf(q, tenantId, resource, id);
    if (label === undefined) throw new NotFoundError(names.label);
    const counts = await removeRecords(q, tenantId, resource, [id]);
    await recordAudit(q, ctx, {
      action: `engagement.${names.type}.delete`,
      target: { type: names.type, id, label },
      meta: counts,
    });
    await dataChanged(q, tenantId);
    return counts;
  });
}

/**
 * Removes every record of a resource type in the tenant. The caller confirms by typing the
 * tenant's slug; audited with the counts.
 */
export async function purgeResource(
  db: Db,
  ctx: RequestContext,
  resource: RemovableResource,
  confirmation: string,
) {
  const { tenantId } = callerOf(ctx);
  const slug = ctx.tenant?.slug ?? '';
  if (confirmation.trim() !== slug) {
    throw new ValidationError('Type the tenant slug to confirm', [
      { path: 'confirm', message: `Type ${slug} to confirm` },
    ]);
  }
  const names = RECORD_NAMES[resource];
  return tx(db, { tenantId }, async (q) => {
    const counts = await removeRecords(q, tenantId, resource, 'all');
    await recordAudit(q, ctx, {
      action: `engagement.${names.type}.purge`,
      target: { type: names.type, label: resource },
      meta: counts,
    });
    await dataChanged(q, tenantId);
    return counts;
  });
}
