import type { Tx } from '../../../core/db/client.js';
import type {
  BatchHandler,
  RowFailure,
  RowResult,
  RowsSpec,
  SourceRow,
  StepContext,
} from '../../../core/imports/types.js';
import { parseRow, type RowFields } from '../rules/fields.js';

/** What a row parser returns for a row the step does not use (e.g. a Draft session). */
export const SKIP = Symbol('skip');

export interface Parsed<T> {
  /** The record's key (its Salesforce id): a later row of the batch with the same key is skipped. */
  key: string;
  value: T;
  row: SourceRow;
}

/** One result per item, in order; a persist function may also fail or skip single items. */
export type Persist<T> = (tx: Tx, items: readonly Parsed<T>[]) => Promise<RowResult[]>;

const skipped: RowResult = { outcome: 'skipped' };

/**
 * A batch handler: parses every row (a bad value rejects only its row, with the column), drops
 * skipped rows and repeated keys, and persists the rest in one go.
 */
export function rowHandler<T>(
  parse: (fields: RowFields) => T | typeof SKIP,
  key: (value: T, row: SourceRow) => string,
  persist: Persist<T>,
): BatchHandler {
  return async (tx, batch) => {
    const results: RowResult[] = new Array<RowResult>(batch.length).fill(skipped);
    const items: Parsed<T>[] = [];
    const positions: number[] = [];
    const seen = new Set<string>();
    batch.forEach((row, i) => {
      const parsed = parseRow(row, parse);
      if (!parsed.ok) {
        results[i] = parsed.failure;
        return;
      }
      if (parsed.value === SKIP) return;
      const itemKey = key(parsed.value, row);
      if (seen.has(itemKey)) return;
      seen.add(itemKey);
      items.push({ key: itemKey, value: parsed.value, row });
      positions.push(i);
    });
    if (items.length) {
      const persisted = await persist(tx, items);
      persisted.forEach((result, j) => {
        results[positions[j] ?? 0] = result;
      });
    }
    return results;
  };
}

/** The rows of one object that pass `keep` (rows of other kinds in a shared file are not this step's). */
export async function* rowsWhere(
  ctx: StepContext,
  object: string,
  spec: RowsSpec,
  keep: (row: SourceRow) => boolean,
): AsyncGenerator<SourceRow> {
  for await (const row of ctx.source.rows(object, spec)) {
    if (keep(row)) yield row;
  }
}

/** A failure of a reference column (e.g. an affiliation's organization that is not imported). */
export const unknownReference = (column: string, value: string, what: string): RowFailure => ({
  outcome: 'failed',
  column,
  value,
  code: 'unknown_reference',
  message: `${column}: ${what} ${value} is not imported`,
});

/** The distinct non-null values (e.g. the referenced ids of a batch, for one lookup). */
export const distinct = <T>(values: Iterable<T | null | undefined>): T[] => [
  ...new Set([...values].filter((v): v is T => v !== null && v !== undefined)),
];

/** What to do with one item: a final result, or a record to save. */
export type Decision<R> = { result: RowResult } | { save: R };

/**
 * Decides every item (in order), saves the records to save in one call, and returns one result
 * per item: the decided result, or the saved record's outcome.
 */
export async function decideAndSave<I, R>(
  items: readonly I[],
  decide: (item: I) => Decision<R> | Promise<Decision<R>>,
  save: (records: R[]) => Promise<readonly { outcome: RowResult['outcome'] }[]>,
): Promise<RowResult[]> {
  const results: RowResult[] = [];
  const records: R[] = [];
  const positions: number[] = [];
  for (const item of items) {
    const decision = await decide(item);
    if ('result' in decision) {
      results.push(decision.result);
    } else {
      positions.push(results.length);
      records.push(decision.save);
      results.push(skipped);
    }
  }
  const saved = records.length ? await save(records) : [];
  positions.forEach((position, i) => {
    const outcome = saved[i]?.outcome;
    if (outcome && outcome !== 'failed') results[position] = { outcome };
  });
  return results;
}
