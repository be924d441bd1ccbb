import type { Tx } from '../../../../core/db/client.js';
import {
  ImportStepError,
  type RowResult,
  type SourceRow,
  type StepContext,
} from '../../../../core/imports/types.js';

async function* iterate<T>(items: readonly T[]): AsyncGenerator<T> {
  for (const item of items) yield item;
}

/**
 * Runs a step over entities (a course, a section…) instead of raw rows: each entity goes through
 * the engine's batches as a row standing for the first row it came from, so a failure names the
 * row to fix.
 */
export async function processEntities<T>(
  ctx: StepContext,
  entities: readonly T[],
  firstRow: (entity: T) => SourceRow,
  handle: (q: Tx, batch: readonly T[]) => Promise<RowResult[]>,
) {
  const byRow = new Map<SourceRow, T>();
  const rows = entities.map((entity) => {
    const row = { ...firstRow(entity) };
    byRow.set(row, entity);
    return row;
  });
  ctx.setTotal(rows.length);
  await ctx.processRows(iterate(rows), (q, batch) =>
    handle(
      q,
      batch.map((row) => {
        const entity = byRow.get(row);
        if (entity === undefined) throw new Error('an entity row lost its entity');
        return entity;
      }),
    ),
  );
}

/** Feeds precomputed results through the engine (the read step: counts and row errors). */
export async function recordResults(
  ctx: StepContext,
  rows: readonly { source: SourceRow; result: RowResult }[],
) {
  const results = new Map(rows.map((r) => [r.source, r.result]));
  ctx.setTotal(rows.length);
  await ctx.processRows(iterate(rows.map((r) => r.source)), async (_q, batch) =>
    batch.map((row) => results.get(row) ?? { outcome: 'skipped' }),
  );
}

/** A step that needs the read step's model fails clearly when the workbook could not be read. */
export function required<T>(value: T | undefined): T {
  if (value === undefined) {
    throw new ImportStepError('Not run: the workbook could not be read', 'read_failed');
  }
  return value;
}

/** The failure of an entity whose parent (course, term, section…) is not in the database. */
export const missing = (what: string, value: string): RowResult => ({
  outcome: 'failed',
  code: 'missing_reference',
  value,
  message: `${what} ${value} was not imported, so this could not be either`,
});

export const lower = (value: string) => value.toLowerCase();
