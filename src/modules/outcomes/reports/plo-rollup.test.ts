import { describe, expect, it } from 'vitest';
import {
  aggregate,
  buildTree,
  buildTrend,
  type CloRef,
  type PloRef,
  type SectionOutcomeLine,
  type TermCloSums,
} from './plo-rollup.js';

const plo = (n: number): PloRef => ({
  id: `plo-${String(n)}`,
  number: n,
  description: `PLO ${String(n)}`,
});
const clo = (course: string, n: number): CloRef => ({
  id: `${course}.${String(n)}`,
  courseId: course,
  course,
  number: n,
  description: `${course} outcome ${String(n)}`,
});
const terms = ['2023FA', '2024SP', '2024FA', '2025SP'].map((code) => ({
  id: `t-${code}`,
  code,
  name: code,
}));
const sums = (term: string, cloId: string, took: number, passed: number, counted = 1) =>
  ({ termId: `t-${term}`, courseOutcomeId: cloId, took, passed, counted }) satisfies TermCloSums;

let sequence = 0;
const line = (cloId: string, took: number | null, passed: number | null): SectionOutcomeLine => {
  sequence += 1;
  return {
    courseOutcomeId: cloId,
    sectionOutcomeId: `so-${String(sequence)}`,
    sectionId: `s-${String(sequence)}`,
    section: String(sequence).padStart(3, '0'),
    took,
    passed,
    status: 'submitted',
  };
};

describe('aggregate (§3.3)', () => {
  it('sums the section outcomes with took > 0 and rates them', () => {
    expect(
      aggregate(
        [
          { took: 10, passed: 9 },
          { took: 10, passed: 6 },
          { took: 0, passed: 0 },
          { took: null, passed: null },
        ],
        75,
      ),
    ).toEqual({ took: 20, passed: 15, rate: 75, result: 'S', counted: 2 });
  });

  it('is null without any section outcome with students, never 0', () => {
    const none = aggregate(
      [
        { took: 0, passed: 0 },
        { took: null, passed: null },
      ],
      75,
    );
    expect(none).toEqual({ took: null, passed: null, rate: null, result: null, counted: 0 });
    // A real 0 % stays 0 and is unsatisfactory.
    expect(aggregate([{ took: 4, passed: 0 }], 75)).toMatchObject({ rate: 0, result: 'U' });
  });

  it('reads S exactly at the threshold and U just below it', () => {
    expect(aggregate([{ took: 20, passed: 15 }], 75).result).toBe('S');
    expect(aggregate([{ took: 1000, passed: 749 }], 75).result).toBe('U');
    expect(aggregate([{ took: 20, passed: 15 }], 80).result).toBe('U');
    expect(aggregate([{ took: 20, passed: 16 }], 80).result).toBe('S');
  });
});

describe('the term tree', () => {
  const plos = [plo(2), plo(1)];
  const clos = [clo('NUR-102', 1), clo('NUR-101', 2), clo('NUR-101', 1), clo('NUR-200', 1)];
  const mapping = new Map([
    ['NUR-101.1', 'plo-1'],
    ['NUR-101.2', 'plo-1'],
    ['NUR-102.1', 'plo-2'],
  ]);

  it('rolls sections up into CLOs, PLOs and the program', () => {
    const tree = buildTree({
      plos,
      clos,
      mapping,
      threshold: 75,
      lines: [
        line('NUR-101.1', 10, 8),
        line('NUR-101.1', 10, 9),
        line('NUR-101.2', 5, 2),
        line('NUR-102.1', null, null),
        // Not mapped: never counted.
        line('NUR-200.1', 100, 0),
      ],
    });
    expect(tree.plos.map((p) => p.number)).toEqual([1, 2]);
    const [first, second] = tree.plos;
    expect(first?.clos.map((c) => c.label)).toEqual(['NUR-101.1', 'NUR-101.2']);
    expect(first?.clos[0]).toMatchObject({ took: 20, passed: 17, rate: 85, result: 'S' });
    expect(first?.clos[0]?.sections.map((s) => s.rate)).toEqual([80, 90]);
    expect(first?.clos[1]).toMatchObject({ took: 5, passed: 2, rate: 40, result: 'U' });
    expect(first).toMatchObject({ took: 25, passed: 19, rate: 76, result: 'S', counted: 3 });
    // A mapped CLO whose only section has no numbers: a gap, not 0.
    expect(second).toMatchObject({ took: null, rate: null, result: null });
    expect(second?.clos[0]?.sections).toHaveLength(1);
    expect(tree).toMatchObject({ took: 25, passed: 19, rate: 76, counted: 3 });
  });

  it('keeps PLOs without CLOs and CLOs without sections, empty', () => {
    const tree = buildTree({
      plos: [plo(1), plo(3)],
      clos,
      mapping,
      threshold: 75,
      lines: [],
    });
    expect(tree.plos[0]?.clos).toHaveLength(2);
    expect(tree.plos[0]?.clos[0]?.sections).toEqual([]);
    expect(tree.plos[1]).toMatchObject({ number: 3, clos: [], rate: null });
    expect(tree.rate).toBeNull();
  });
});

describe('the trend over terms', () => {
  const plos = [plo(1), plo(2)];
  const clos = [clo('NUR-101', 1), clo('NUR-101', 2), clo('NUR-102', 1)];
  const mapping = new Map([
    ['NUR-101.1', 'plo-1'],
    ['NUR-101.2', 'plo-1'],
    ['NUR-102.1', 'plo-2'],
  ]);

  const trend = buildTrend({
    terms,
    plos,
    clos,
    mapping,
    threshold: 75,
    sums: [
      sums('2023FA', 'NUR-101.1', 20, 16, 2),
      sums('2023FA', 'NUR-102.1', 10, 5),
      // 2024SP: no data at all.
      sums('2024FA', 'NUR-101.1', 10, 9),
      sums('2024FA', 'NUR-101.2', 10, 6),
      sums('2025SP', 'NUR-101.1', 10, 7),
      sums('2025SP', 'NUR-101.2', 10, 8),
      // A CLO no longer mapped does not count.
      sums('2025SP', 'OLD-100.1', 10, 0),
    ],
  });

  it('has a point for every term, in order, with null gaps where there is no data', () => {
    expect(trend.terms.map((t) => t.code)).toEqual(['2023FA', '2024SP', '2024FA', '2025SP']);
    const [first, second] = trend.plos;
    expect(first?.points.map((p) => p.rate)).toEqual([80, null, 75, 75]);
    expect(second?.points.map((p) => p.rate)).toEqual([50, null, null, null]);
    expect(first?.points[1]).toMatchObject({ took: null, passed: null, result: null, clos: [] });
    expect(trend.overall.map((p) => p.rate)).toEqual([70, null, 75, 75]);
    expect(first?.points[0]?.counted).toBe(2);
  });

  it('marks the terms where the contributing CLOs changed, across gaps', () => {
    const [first, second] = trend.plos;
    expect(first?.points.map((p) => p.changed)).toEqual([false, false, true, false]);
    expect(first?.points[2]).toMatchObject({ added: ['NUR-101.2'], removed: [] });
    expect(first?.points[3]?.clos).toEqual(['NUR-101.1', 'NUR-101.2']);
    expect(second?.points.map((p) => p.changed)).toEqual([false, false, false, false]);
    expect(trend.overall[2]).toMatchObject({
      changed: true,
      added: ['NUR-101.2'],
      removed: ['NUR-102.1'],
    });
  });

  it('reads S and U at the threshold on every point', () => {
    expect(trend.plos[0]?.points.map((p) => p.result)).toEqual(['S', null, 'S', 'S']);
    const stricter = buildTrend({
      terms,
      plos,
      clos,
      mapping,
      threshold: 75.01,
      sums: [sums('2024FA', 'NUR-101.1', 20, 15)],
    });
    expect(stricter.plos[0]?.points.map((p) => p.result)).toEqual([null, null, 'U', null]);
  });
});
