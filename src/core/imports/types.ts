import type { Logger } from 'pino';
import type { Tx } from '../db/client.js';

/** One data row from a source, with where it came from (for row-level errors). */
export interface SourceRow {
  /** The file (or Salesforce object) the row came from, e.g. `Contact.csv`. */
  file: string;
  /** 1-based line number in the file: the header is line 1, the first data row line 2. */
  row: number;
  values: Record<string, string>;
}

/** Which fields of an object a step reads. */
export interface RowsSpec {
  fields: readonly string[];
  /** Columns that must be present; the step fails listing the missing ones before any row. */
  required: readonly string[];
  /** A field to order by (the API source sorts by it; file sources keep file order). */
  orderBy?: string;
}

export type SourceKind = 'csv-folder' | 'xlsx' | 'salesforce';

/** Reads Salesforce objects: a folder of `<Object>.csv` files, XLSX workbooks, or the Salesforce API. */
export interface ImportSource {
  kind: SourceKind;
  describe(): string;
  /** Whether the object exists in this source (e.g. the optional session report). */
  has(object: string): Promise<boolean>;
  /**
   * Streams rows. Fails with ImportStepError naming the file when it is missing, listing missing
   * required columns before yielding any row, or with the line number on malformed CSV.
   * Never loads a whole file.
   */
  rows(object: string, spec: RowsSpec): AsyncIterable<SourceRow>;
  /** Row count if cheaply known (for progress totals). */
  count?(object: string): Promise<number | undefined>;
  /** Sources with state per step (Salesforce watermarks) give each step its own view. */
  forStep?(step: string): ImportSource;
  /** Called after a step of a committed run succeeded (fully or partly): persist its state. */
  stepSucceeded?(step: string): Promise<void>;
}

/** Where a run read from, kept on the run so a rerun (or a queued run) can read it again. */
export type SourceRef =
  { kind: 'folder'; path: string } | { kind: 'file'; path: string } | { kind: 'salesforce' };

export const ROW_OUTCOMES = ['created', 'updated', 'unchanged', 'skipped', 'failed'] as const;
export type RowOutcome = (typeof ROW_OUTCOMES)[number];

export interface RowFailure {
  outcome: 'failed';
  column?: string;
  value?: string;
  code: string;
  message: string;
}

export type RowResult = { outcome: Exclude<RowOutcome, 'failed'> } | RowFailure;

export type ImportMode = 'commit' | 'validate';

export interface StepOptions {
  batchSize: number;
  chunkSize: number;
  studentsMaxChunks?: number;
  failFast: boolean;
}

export interface PendingItem {
  kind: string;
  key: string;
  row: SourceRow;
  reason: string;
}

export interface PendingQueue {
  /** Keeps a row whose references are missing; keyed per (tenant, kind, key), re-adding refreshes it. */
  add(tx: Tx, item: PendingItem): Promise<void>;
  /** Marks a pending row resolved (its references arrived and it was imported). */
  resolve(tx: Tx, kind: string, key: string): Promise<void>;
  /** Open pending rows of a kind, as SourceRows (original file/row kept), to replay at the start of a step. */
  open(kind: string): AsyncIterable<SourceRow>;
}

export type BatchHandler = (tx: Tx, batch: readonly SourceRow[]) => Promise<RowResult[]>;

/**
 * Lets a rerun skip the rows that have not changed since they were last imported: a row is
 * `unchanged` without being handled when it comes in a group of rows imported before (same
 * values), and the parts it `uses` and the application's own changes (`forgetImportedRows`) are
 * as they were then. See `rowTracker`.
 */
export interface TrackRows {
  /** The rows' part of the pipeline, e.g. `participants` (a step may have several). */
  part: string;
  /** The parts whose records these rows reference: when those change, the rows are handled again. */
  uses: readonly string[];
}

export interface StepContext {
  tenantId: string;
  runId: string;
  step: string;
  mode: ImportMode;
  options: StepOptions;
  source: ImportSource;
  /** Child logger with runId and step on every line. */
  log: Logger;
  /** Total rows expected, for progress (undefined when unknown). */
  setTotal(total: number | undefined): void;
  /**
   * Batches rows (options.batchSize), runs `handle` per batch in one tenant-scoped transaction and
   * records the per-row results (one per row, same order): counts and row-level errors. If `handle`
   * throws, the batch is replayed row by row in savepoints so only the bad row fails (code
   * `db_error`). In validate mode nothing is committed. With `track`, unchanged rows are skipped.
   */
  processRows(
    rows: AsyncIterable<SourceRow>,
    handle: BatchHandler,
    track?: TrackRows,
  ): Promise<void>;
  /** A tenant-scoped transaction for step-level work (rolled back in validate mode). */
  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
  /** Counts outcomes produced outside processRows. */
  count(outcome: RowOutcome, n?: number): void;
  /** Records a row-level error produced outside processRows (also counts it as failed). */
  rowError(row: SourceRow, failure: Omit<RowFailure, 'outcome'>): void;
  pending: PendingQueue;
  /** True once the run was cancelled; long steps may check it between their own units of work. */
  cancelled(): boolean;
}

export interface ImportStep {
  /** CLI contract name, e.g. `organizations`. */
  name: string;
  dependsOn: readonly string[];
  /** Source objects read (for the plan display). */
  reads: readonly string[];
  run(ctx: StepContext): Promise<void>;
}

export interface ImportPipeline {
  /** `engagement` | `outcomes` — the CLI name (`eduledger import <name>`). */
  name: string;
  /** In dependency order. */
  steps: readonly ImportStep[];
  /** Reports to invalidate on success (passed to the cache-invalidation listeners). */
  affects?: readonly string[];
}

/** A step fails as a whole (missing file, missing columns, malformed file): the message is shown as is. */
export class ImportStepError extends Error {
  constructor(
    message: string,
    readonly code = 'step_failed',
  ) {
    super(message);
    this.name = 'ImportStepError';
  }
}

export type RunStatus = 'running' | 'succeeded' | 'partial' | 'failed' | 'cancelled';
export type StepStatus =
  'pending' | 'running' | 'succeeded' | 'partial' | 'failed' | 'cancelled' | 'skipped';
export type Trigger = { type: 'user'; userId: string } | { type: 'schedule' } | { type: 'system' };

export interface PlanRequest {
  only?: readonly string[];
  exclude?: readonly string[];
}

export interface ResolvedPlan {
  plan: string[];
  warnings: string[];
}

export interface RunImportRequest extends PlanRequest {
  tenantId: string;
  pipeline: ImportPipeline;
  source: ImportSource;
  validateOnly?: boolean;
  failFast?: boolean;
  batchSize?: number;
  chunkSize?: number;
  studentsMaxChunks?: number;
  triggeredBy: Trigger;
  /** A pre-created run id (the HTTP API creates the run record before queueing the job). */
  runId?: string;
  /** Recorded on the run so "rerun failed steps" can read the same source again. */
  sourceRef?: SourceRef;
  /** Called once the run is recorded, e.g. to follow its live progress. */
  onStarted?(runId: string): void;
}

export type StepCounts = Record<'read' | RowOutcome, number>;

/** One step of the summary, in the CLI JSON shape (DOMAIN.md §4). */
export interface StepSummary extends StepCounts {
  name: string;
  status: StepStatus;
  message?: string;
  durationMs?: number;
}

export interface RowErrorSummary {
  step: string;
  file: string | null;
  row: number | null;
  column: string | null;
  code: string;
  message: string;
}

/** The run summary, in the CLI JSON shape of DOMAIN.md §4. */
export interface RunSummary {
  runId: string;
  status: Exclude<RunStatus, 'running'>;
  plan: string[];
  warnings: string[];
  steps: StepSummary[];
  /** The first errors (the full list is stored with the run and downloadable). */
  errors: RowErrorSummary[];
  /** How many errors were left out of `errors`; absent when none were. */
  errorsOmitted?: number;
}
