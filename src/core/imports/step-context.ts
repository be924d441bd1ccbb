import type { Logger } from 'pino';
import type { Tx } from '../db/client.js';
import type { RowErrorRecord } from './data.js';
import { pendingQueue } from './pending.js';
import { knownRows, rowTracker, type RowGroup, type RowTracker } from './row-tracker.js';
import type { StepProgress } from './progress.js';
import {
  ImportStepError,
  type BatchHandler,
  type ImportMode,
  type ImportSource,
  type RowFailure,
  type RowResult,
  type SourceRow,
  type StepContext,
  type StepOptions,
} from './types.js';

/** A tenant-scoped unit of work: its own transaction in a commit run, a savepoint in a validate run. */
export type Scope = <T>(work: (tx: Tx) => Promise<T>) => Promise<T>;

/** Thrown between batches to stop a run: cancelled, or --fail-fast after a rejected row. */
export class StopRun extends Error {
  constructor(readonly reason: 'cancelled' | 'fail_fast') {
    super(reason === 'cancelled' ? 'The run was cancelled' : 'Stopped at the first rejected row');
    this.name = 'StopRun';
  }
}

/** What the engine gives a step and gets back from it. */
export interface StepRun {
  tenantId: string;
  runId: string;
  pipeline: string;
  step: string;
  mode: ImportMode;
  options: StepOptions;
  source: ImportSource;
  log: Logger;
  scope: Scope;
  /** The step's live counts (shared with the progress registry). */
  progress: StepProgress;
  /** Stores row errors (at once, or after the validate run's rollback). */
  recordErrors(errors: RowErrorRecord[]): Promise<void>;
  /** Called after every batch: persists progress now and then, and tells whether to cancel. */
  afterBatch(): Promise<void>;
  cancelled(): boolean;
}

/** The driver's message, not drizzle's "Failed query: …" wrapper with the parameters. */
export function errorMessage(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  return cause instanceof Error ? cause.message : String(error);
}

const unchanged: RowResult = { outcome: 'unchanged' };

const dbFailure = (error: unknown): RowFailure => ({
  outcome: 'failed',
  code: 'db_error',
  message: errorMessage(error),
});

export function rowErrorRecord(
  step: string,
  row: SourceRow,
  failure: Omit<RowFailure, 'outcome'>,
): RowErrorRecord {
  return {
    step,
    file: row.file,
    row: row.row,
    column: failure.column ?? null,
    value: failure.value ?? null,
    code: failure.code,
    message: failure.message,
    raw: Object.entries(row.values),
  };
}

/** A step's context, and the flush of errors it recorded outside processRows. */
export function createStepContext(run: StepRun): {
  context: StepContext;
  flush(): Promise<void>;
} {
  const { progress, options } = run;
  let loose: RowErrorRecord[] = [];
  const flush = async () => {
    const errors = loose;
    loose = [];
    await run.recordErrors(errors);
  };

  const checkStop = () => {
    if (run.cancelled()) throw new StopRun('cancelled');
    if (options.failFast && progress.failed > 0) throw new StopRun('fail_fast');
  };

  /** A batch's unit of work, with the tracker's bookkeeping (if any) in the same transaction. */
  const unitOfWork = (
    tracker: RowTracker | undefined,
    work: (tx: Tx) => Promise<{ results: RowResult[]; groups?: readonly RowGroup[] }>,
  ) =>
    tracker ? tracker.record(run.scope, work) : run.scope(async (tx) => (await work(tx)).results);

  /**
   * Replays a failed batch one row per savepoint, so only the rows that fail are lost. Its row
   * groups are not saved: the next run handles them again.
   */
  const replay = (
    batch: readonly SourceRow[],
    handle: BatchHandler,
    tracker: RowTracker | undefined,
  ) =>
    unitOfWork(tracker, async (tx) => {
      const results: RowResult[] = [];
      for (const row of batch) {
        try {
          const [result] = await tx.transaction((savepoint) => handle(savepoint, [row]));
          results.push(result ?? dbFailure(new Error('The step returned no result for the row')));
        } catch (error) {
          if (error instanceof ImportStepError) throw error;
          results.push(dbFailure(error));
        }
      }
      return { results };
    });

  /** Handles the rows of a batch that changed (all without a tracker), in one unit of work. */
  const handleBatch = (
    batch: readonly SourceRow[],
    handle: BatchHandler,
    tracker: RowTracker | undefined,
  ) =>
    unitOfWork(tracker, async (tx) => {
      const groups = await tracker?.check(tx, batch);
      const known = groups ? knownRows(groups, batch.length) : undefined;
      const todo = known ? batch.filter((_, i) => !known[i]) : batch;
      const handled = todo.length ? await handle(tx, todo) : [];
      if (handled.length !== todo.length) {
        throw new Error(`The step returned ${handled.length} results for ${todo.length} rows`);
      }
      let next = 0;
      const results = known
        ? known.map((skip): RowResult => (skip ? unchanged : (handled[next++] ?? unchanged)))
        : handled;
      return { results, groups };
    });

  const record = async (batch: readonly SourceRow[], results: readonly RowResult[]) => {
    const errors: RowErrorRecord[] = [];
    batch.forEach((row, i) => {
      const result = results[i] ?? dbFailure(new Error('The step returned no result for the row'));
      progress.read += 1;
      progress.done += 1;
      progress[result.outcome] += 1;
      if (result.outcome === 'failed') errors.push(rowErrorRecord(run.step, row, result));
    });
    await run.recordErrors(errors);
    await flush();
  };

  const runBatch = async (
    batch: readonly SourceRow[],
    handle: BatchHandler,
    tracker: RowTracker | undefined,
  ) => {
    checkStop();
    let results: RowResult[];
    try {
      results = await handleBatch(batch, handle, tracker);
    } catch (error) {
      if (error instanceof ImportStepError || error instanceof StopRun) throw error;
      run.log.warn({ err: error, rows: batch.length }, 'batch failed; replaying it row by row');
      results = await replay(batch, handle, tracker);
    }
    await record(batch, results);
    await run.afterBatch();
    checkStop();
  };

  const context: StepContext = {
    tenantId: run.tenantId,
    runId: run.runId,
    step: run.step,
    mode: run.mode,
    options,
    source: run.source,
    log: run.log,
    setTotal(total) {
      progress.total = total ?? null;
    },
    async processRows(rows, handle, track) {
      const tracker = track
        ? rowTracker({ tenantId: run.tenantId, pipeline: run.pipeline }, track)
        : undefined;
      let batch: SourceRow[] = [];
      for await (const row of rows) {
        batch.push(row);
        if (batch.length >= options.batchSize) {
          await runBatch(batch, handle, tracker);
          batch = [];
        }
      }
      if (batch.length > 0) await runBatch(batch, handle, tracker);
    },
    transaction: (work) => run.scope(work),
    count(outcome, n = 1) {
      progress[outcome] += n;
    },
    rowError(row, failure) {
      progress.failed += 1;
      loose.push(rowErrorRecord(run.step, row, failure));
    },
    pending: pendingQueue(run.tenantId, run.runId, run.scope),
    cancelled: run.cancelled,
  };
  return { context, flush };
}
