import { z } from 'zod';
import { recordAudit, type AuditContext } from '../../core/audit/service.js';
import type { Db } from '../../core/db/client.js';
import { tx } from '../../core/db/tx.js';
import { ValidationError } from '../../core/errors.js';
import { parseInput } from '../../core/validation.js';
import {
  saveZipPrefixes,
  setLocalStatuses,
  volunteerLocationFacts,
  zipPrefixes,
} from './data/local-status.js';
import { LOCAL_STATUSES, type LocalStatus } from './enums.js';
import { DEFAULT_ZIP_PREFIXES, localStatus, type ZipPrefixes } from './rules/local-status.js';

function tenantOf(ctx: AuditContext): string {
  if (!ctx.tenantId) throw new ValidationError('Choose a tenant first');
  return ctx.tenantId;
}

export interface LocalStatusSummary {
  volunteers: number;
  changed: number;
  /** Volunteers per local status after the update. */
  byStatus: Record<LocalStatus, number>;
}

/**
 * Update local statuses (DOMAIN.md §2.6): recomputes every volunteer's local status from their
 * attended in-person participations and ZIP, with the tenant's prefixes. Audited with counts.
 */
export async function updateLocalStatuses(db: Db, ctx: AuditContext): Promise<LocalStatusSummary> {
  const tenantId = tenantOf(ctx);
  return tx(db, { tenantId, userId: ctx.actor.id }, async (q) => {
    const prefixes = await zipPrefixes(q, tenantId, DEFAULT_ZIP_PREFIXES);
    const facts = await volunteerLocationFacts(q, tenantId);
    const byStatus = Object.fromEntries(LOCAL_STATUSES.map((s) => [s, 0])) as Record<
      LocalStatus,
      number
    >;
    const changes: { contactId: string; localStatus: LocalStatus }[] = [];
    for (const fact of facts) {
      const next = localStatus(
        { attendedInPerson: fact.attendedInPerson, zip: fact.zip, previous: fact.localStatus },
        prefixes,
      );
      byStatus[next]++;
      if (next !== fact.localStatus) changes.push({ contactId: fact.contactId, localStatus: next });
    }
    await setLocalStatuses(q, tenantId, changes);
    const summary = { volunteers: facts.length, changed: changes.length, byStatus };
    await recordAudit(q, ctx, {
      action: 'engagement.volunteer.local_statuses_updated',
      target: { type: 'volunteer' },
      meta: { ...summary },
    });
    return summary;
  });
}

const prefixList = z
  .array(z.string().regex(/^\d{3}$/, 'a ZIP prefix is 3 digits'))
  .max(1000)
  .nullable();

export const zipPrefixesInput = z
  .object({ local: prefixList, partial: prefixList })
  .refine(({ local, partial }) => !local || !partial || !local.some((p) => partial.includes(p)), {
    message: 'A prefix cannot be both local and partial',
    path: ['partial'],
  });

export async function getZipPrefixes(db: Db, ctx: AuditContext): Promise<ZipPrefixes> {
  const tenantId = tenantOf(ctx);
  return tx(db, { tenantId }, (q) => zipPrefixes(q, tenantId, DEFAULT_ZIP_PREFIXES));
}

/** Sets the tenant's ZIP prefixes (a null list restores the default); audited. */
export async function updateZipPrefixes(
  db: Db,
  ctx: AuditContext,
  input: z.input<typeof zipPrefixesInput>,
): Promise<ZipPrefixes> {
  const values = parseInput(zipPrefixesInput, input);
  const tenantId = tenantOf(ctx);
  return tx(db, { tenantId, userId: ctx.actor.id }, async (q) => {
    const before = await zipPrefixes(q, tenantId, DEFAULT_ZIP_PREFIXES);
    await saveZipPrefixes(q, tenantId, {
      local: values.local ? [...new Set(values.local)].sort() : null,
      partial: values.partial ? [...new Set(values.partial)].sort() : null,
    });
    const after = await zipPrefixes(q, tenantId, DEFAULT_ZIP_PREFIXES);
    await recordAudit(q, ctx, {
      action: 'engagement.settings.zip_prefixes_changed',
      target: { type: 'engagement_settings' },
      changes: { local: [before.local, after.local], partial: [before.partial, after.partial] },
    });
    return after;
  });
}
