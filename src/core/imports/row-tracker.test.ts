import { describe, expect, it } from 'vitest';
import { groupRows, knownRows } from './row-tracker.js';
import type { SourceRow } from './types.js';

const row = (n: number): SourceRow => ({
  file: 'Session_Participant__c.csv',
  row: n + 2,
  values: { Id: `a0E${String(n).padStart(15, '0')}`, Status__c: 'Attended' },
});
const batch = (ids: readonly number[]) => ids.map(row);
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);
const hashes = (ids: readonly number[], fingerprint = 'f') =>
  groupRows(batch(ids), fingerprint).map((g) => g.hash);

describe('row groups of the skip-unchanged bookkeeping', () => {
  it('cuts a batch into consecutive groups of about 32 rows, none over 256', () => {
    const groups = groupRows(batch(range(0, 1000)), 'f');
    expect(groups[0]?.start).toBe(0);
    expect(groups.at(-1)?.end).toBe(1000);
    groups.slice(1).forEach((g, i) => expect(g.start).toBe(groups[i]?.end));
    expect(groups.every((g) => g.end - g.start <= 256)).toBe(true);
    expect(groups.length).toBeGreaterThan(1000 / 96);
    expect(groups.length).toBeLessThan(1000 / 12);
  });

  it('gives the same rows the same hashes, and other hashes under another fingerprint', () => {
    expect(hashes(range(0, 500))).toEqual(hashes(range(0, 500)));
    const other = new Set(hashes(range(0, 500), 'g'));
    expect(hashes(range(0, 500)).some((h) => other.has(h))).toBe(false);
  });

  it('changes only the group of an inserted, removed or edited row, not the groups after it', () => {
    const before = new Set(hashes(range(0, 1000)));
    const changed = (ids: number[]) => hashes(ids).filter((h) => !before.has(h)).length;
    expect(changed([...range(0, 400), 5000, ...range(400, 1000)])).toBeLessThanOrEqual(2);
    expect(changed([...range(0, 400), ...range(401, 1000)])).toBeLessThanOrEqual(1);
    const edited = batch(range(0, 1000));
    edited[700] = { ...row(700), values: { ...row(700).values, Status__c: 'No Show' } };
    const after = groupRows(edited, 'f').filter((g) => !before.has(g.hash));
    expect(after).toHaveLength(1);
    expect(after[0]?.start).toBeLessThanOrEqual(700);
    expect(after[0]?.end).toBeGreaterThan(700);
  });

  it('marks the rows of known groups', () => {
    const groups = groupRows(batch(range(0, 300)), 'f');
    const [first] = groups;
    if (!first) throw new Error('no group');
    first.known = true;
    const known = knownRows(groups, 300);
    expect(known.filter(Boolean)).toHaveLength(first.end);
    expect(known[first.end]).toBe(false);
  });
});
