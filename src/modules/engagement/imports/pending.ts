import type { Tx } from '../../../core/db/client.js';
import type { SourceRow, StepContext } from '../../../core/imports/types.js';
import { openFlags, resolveFlags } from '../data/flags.js';
import type { FlagEntityType, FlagIssue } from '../enums.js';

/** A row whose contact or event is not imported (yet). */
export interface Unmatched {
  entityType: FlagEntityType;
  row: SourceRow;
  key: string;
  reason: string;
}

/** The key of a source row in the pending queue. */
export type RowKey = (row: SourceRow) => string;

/**
 * Rows whose contact or event is not imported yet (DOMAIN.md §2.3): kept in the engine's pending
 * queue with an open data-quality flag, replayed on every later run, and resolved (flag too)
 * once imported.
 */
export class PendingRows {
  private constructor(
    private readonly ctx: StepContext,
    private readonly kind: string,
    private readonly issue: FlagIssue,
    private readonly keyOf: RowKey,
    private readonly waiting: Map<string, SourceRow>,
  ) {}

  /** Loads the open pending rows of `kind` (the source object), keyed by `keyOf` (default: `Id`). */
  static async load(
    ctx: StepContext,
    kind: string,
    issue: FlagIssue,
    keyOf: RowKey = (row) => row.values.Id ?? '',
  ): Promise<PendingRows> {
    const waiting = new Map<string, SourceRow>();
    for await (const row of ctx.pending.open(kind)) waiting.set(keyOf(row), row);
    if (waiting.size) ctx.log.info({ kind, rows: waiting.size }, 'replaying pending rows');
    return new PendingRows(ctx, kind, issue, keyOf, waiting);
  }

  /** The source's rows, then the pending rows the source did not bring again. */
  async *withReplay(rows: AsyncIterable<SourceRow>): AsyncGenerator<SourceRow> {
    const replay = new Map(this.waiting);
    for await (const row of rows) {
      replay.delete(this.keyOf(row));
      yield row;
    }
    yield* replay.values();
  }

  /** Queues rows whose reference is missing and opens their flags. */
  async add(tx: Tx, items: readonly Unmatched[]): Promise<void> {
    for (const { row, key, reason } of items) {
      await this.ctx.pending.add(tx, { kind: this.kind, key, row, reason });
    }
    for (const entityType of new Set(items.map((i) => i.entityType))) {
      await openFlags(
        tx,
        this.ctx.tenantId,
        entityType,
        this.issue,
        items
          .filter((i) => i.entityType === entityType)
          .map((i) => ({ externalId: i.key, details: i.reason })),
      );
    }
  }

  /** Resolves the queue entries and flags of rows that were pending and are now imported. */
  async resolve(
    tx: Tx,
    entityType: FlagEntityType,
    imported: readonly { key: string; id: string | null }[],
  ): Promise<void> {
    const resolved = imported.filter((i) => this.waiting.has(i.key));
    for (const { key } of resolved) await this.ctx.pending.resolve(tx, this.kind, key);
    await resolveFlags(
      tx,
      this.ctx.tenantId,
      entityType,
      this.issue,
      resolved.map((r) => ({ externalId: r.key, entityId: r.id })),
    );
  }
}
