import { createHash } from 'node:crypto';
import type { Tx } from '../db/client.js';
import {
  bumpPartGeneration,
  knownRowGroups,
  LOCAL_CHANGES,
  partGenerations,
  pruneRowGroups,
  saveRowGroups,
  type PartRef,
} from './row-groups.js';
import type { RowResult, SourceRow, TrackRows } from './types.js';

/**
 * Bump when a change to how rows are imported must make every tenant's next run handle every
 * row again.
 */
const RULES_VERSION = 1;
/** A group ends after a row whose own hash is 0 modulo this (about this many rows a group)… */
const GROUP_ROWS = 32;
/** …or at this many rows. */
const MAX_GROUP_ROWS = 256;

/** Consecutive rows of a batch whose content hash is `hash`; `known`: imported before. */
export interface RowGroup {
  hash: string;
  start: number;
  end: number;
  known: boolean;
}

/** 32-bit FNV-1a of a string's UTF-16 code units: a cheap, stable cut decision per row. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * Cuts a batch into groups of consecutive rows, after each row whose own hash says so (or at
 * MAX_GROUP_ROWS, or at the end of the batch); each group's hash covers `fingerprint` and its rows.
 */
export function groupRows(batch: readonly SourceRow[], fingerprint: string): RowGroup[] {
  const groups: RowGroup[] = [];
  let start = 0;
  let group = createHash('sha1').update(fingerprint);
  batch.forEach((row, i) => {
    const values = JSON.stringify(Object.values(row.values));
    group.update(values);
    const last = i === batch.length - 1;
    if (last || fnv1a(values) % GROUP_ROWS === 0 || i + 1 - start >= MAX_GROUP_ROWS) {
      groups.push({ hash: group.digest('base64'), start, end: i + 1, known: false });
      start = i + 1;
      group = createHash('sha1').update(fingerprint);
    }
  });
  return groups;
}

const CHANGED: ReadonlySet<RowResult['outcome']> = new Set(['created', 'updated']);
/**
 * A group is remembered only when every row of it was imported: a skipped row (a household, a
 * participation waiting for its contact) or a failed one is handled, and counted, on every run.
 */
const IMPORTED: ReadonlySet<RowResult['outcome']> = new Set(['created', 'updated', 'unchanged']);

/**
 * The skip-unchanged bookkeeping of one `processRows` call (see `TrackRows`). Rows are hashed
 * with the generations of the parts they use and cut into groups where a row's own hash says
 * (content-defined, so an inserted or deleted row changes only its own group, not every group
 * after it); a group whose every row was imported before is skipped. Groups
 * rather than rows keep the bookkeeping to a few writes a batch.
 */
export function rowTracker(ref: Omit<PartRef, 'part'>, track: TrackRows) {
  const part: PartRef = { ...ref, part: track.part };
  let fingerprint: string | undefined;
  let anyKnown = false;
  let bumped = false;

  return {
    /** The batch's groups, each marked known when it was imported before. */
    async check(tx: Tx, batch: readonly SourceRow[]): Promise<RowGroup[]> {
      if (fingerprint === undefined) {
        const generations = await partGenerations(tx, ref, [...track.uses, LOCAL_CHANGES]);
        fingerprint = createHash('sha1')
          .update(JSON.stringify([RULES_VERSION, track.part, [...generations]]))
          .digest('base64');
        anyKnown = await pruneRowGroups(tx, part, fingerprint);
      }
      const groups = groupRows(batch, fingerprint);
      if (!anyKnown) return groups;
      const known = await knownRowGroups(
        tx,
        part,
        groups.map((g) => g.hash),
      );
      for (const group of groups) group.known = known.has(group.hash);
      return groups;
    },

    /**
     * Runs one batch's unit of work in `scope`, and in the same transaction saves the groups it
     * imported in full (`groups`: none after a replay) and marks the part changed
     * the first time a row was created or updated (again if that transaction rolled back).
     */
    async record(
      scope: <T>(work: (tx: Tx) => Promise<T>) => Promise<T>,
      work: (tx: Tx) => Promise<{ results: RowResult[]; groups?: readonly RowGroup[] }>,
    ): Promise<RowResult[]> {
      let marked = false;
      const results = await scope(async (tx) => {
        const { results: out, groups } = await work(tx);
        if (groups && fingerprint) {
          const imported = groups.filter(
            (g) => !g.known && out.slice(g.start, g.end).every((r) => IMPORTED.has(r.outcome)),
          );
          await saveRowGroups(tx, part, fingerprint, [...new Set(imported.map((g) => g.hash))]);
        }
        if (!bumped && out.some((r) => CHANGED.has(r.outcome))) {
          await bumpPartGeneration(tx, part);
          marked = true;
        }
        return out;
      });
      if (marked) bumped = true;
      return results;
    },
  };
}

export type RowTracker = ReturnType<typeof rowTracker>;

/** For each row of a checked batch of `length` rows: whether its group was imported before. */
export function knownRows(groups: readonly RowGroup[], length: number): boolean[] {
  const known = new Array<boolean>(length).fill(false);
  for (const group of groups) if (group.known) known.fill(true, group.start, group.end);
  return known;
}
