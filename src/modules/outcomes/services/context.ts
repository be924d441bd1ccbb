import type { RequestContext } from '../../../core/access/request-context.js';
import type { Db, Tx } from '../../../core/db/client.js';
import { tx } from '../../../core/db/tx.js';
import { invalidateReports } from '../../../core/reports/invalidate.js';
import { CLO_RESULTS_REPORT } from '../reports/names.js';
import type { Actor } from '../data/section-outcomes.js';
import { callerOf, type Caller } from '../scope.js';

/** One unit of work of the caller, in their tenant (RLS), knowing their scope. */
export function inTenant<T>(
  db: Db,
  ctx: RequestContext,
  work: (q: Tx, caller: Caller) => Promise<T>,
): Promise<T> {
  const caller = callerOf(ctx);
  return tx(db, { tenantId: caller.tenantId, userId: ctx.user?.id }, (q) => work(q, caller));
}

/** A change to data the CLO results report reads: its cached results are recomputed. */
export const resultsChanged = (q: Tx, ctx: RequestContext) =>
  invalidateReports(q, callerOf(ctx).tenantId, [CLO_RESULTS_REPORT]);

/** Who the history of a section outcome names. */
export const actorOf = (ctx: RequestContext): Actor => ({
  id: ctx.user?.id ?? null,
  label: ctx.user ? ctx.user.name || ctx.user.email : 'system',
});

/** field → [before, after] for the fields that changed. */
export function changesOf<T extends Record<string, unknown>>(
  before: T,
  after: T,
  fields: readonly (keyof T & string)[],
): Record<string, [unknown, unknown]> {
  return Object.fromEntries(
    fields
      .filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]))
      .map((field) => [field, [before[field], after[field]]]),
  );
}

/** field → [null, value] of a created record. */
export const createdFields = <T extends Record<string, unknown>>(
  record: T,
  fields: readonly (keyof T & string)[],
): Record<string, [unknown, unknown]> =>
  Object.fromEntries(fields.map((field) => [field, [null, record[field]]]));

/** field → [value, null] of a deleted record. */
export const deletedFields = <T extends Record<string, unknown>>(
  record: T,
  fields: readonly (keyof T & string)[],
): Record<string, [unknown, unknown]> =>
  Object.fromEntries(fields.map((field) => [field, [record[field], null]]));
