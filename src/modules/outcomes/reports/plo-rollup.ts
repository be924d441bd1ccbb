import type { OutcomeStatus } from '../enums.js';
import { passRate, resultOf } from './pass-rate.js';

/*
 * The PLO dashboard's arithmetic (§3.3), free of the database: a term's tree program → PLO → CLO →
 * sections, and the trend of each PLO over every term under one (the current) mapping.
 */

export type Result = 'S' | 'U';

/** Numbers of a group of section outcomes; the sums cover those with took > 0 (§3.3). */
export interface Aggregate {
  /** Σtook over the counted section outcomes; null when none counts. */
  took: number | null;
  /** Σpassed over the counted section outcomes; null when none counts. */
  passed: number | null;
  /** Σpassed ÷ Σtook in percent; null (a gap, never 0) when no section outcome has took > 0. */
  rate: number | null;
  result: Result | null;
  /** Section outcomes with took > 0. */
  counted: number;
}

interface Counts {
  took: number | null;
  passed: number | null;
}

const counts = (lines: readonly Counts[]) => lines.filter((line) => (line.took ?? 0) > 0);

/** The aggregate of section outcomes at the institution's threshold. */
export function aggregate(lines: readonly Counts[], threshold: number): Aggregate {
  const counted = counts(lines);
  const rate = passRate(counted);
  return {
    took: counted.length ? counted.reduce((sum, l) => sum + (l.took ?? 0), 0) : null,
    passed: counted.length ? counted.reduce((sum, l) => sum + (l.passed ?? 0), 0) : null,
    rate,
    result: resultOf(rate, threshold),
    counted: counted.length,
  };
}

export interface PloRef {
  id: string;
  number: number;
  description: string;
}

export interface CloRef {
  id: string;
  courseId: string;
  course: string;
  number: number;
  description: string;
}

export interface SectionOutcomeLine {
  courseOutcomeId: string;
  sectionOutcomeId: string;
  sectionId: string;
  section: string;
  took: number | null;
  passed: number | null;
  status: OutcomeStatus;
}

export const cloLabelOf = (clo: Pick<CloRef, 'course' | 'number'>) =>
  `${clo.course}.${String(clo.number)}`;

export interface TreeInput {
  plos: readonly PloRef[];
  /** The CLOs the mapping maps (others are ignored). */
  clos: readonly CloRef[];
  /** CLO id → PLO id, from the mapping version. */
  mapping: ReadonlyMap<string, string>;
  /** The term's section outcomes of the mapped CLOs. */
  lines: readonly SectionOutcomeLine[];
  threshold: number;
}

/**
 * A term's tree: every PLO (in number order) with the CLOs mapped to it (by course, then number),
 * each with its sections. Every level aggregates the section outcomes below it; the program
 * aggregates every mapped CLO's.
 */
export function buildTree({ plos, clos, mapping, lines, threshold }: TreeInput) {
  const linesOf = new Map<string, SectionOutcomeLine[]>();
  for (const line of lines) {
    if (!mapping.has(line.courseOutcomeId)) continue;
    linesOf.set(line.courseOutcomeId, [...(linesOf.get(line.courseOutcomeId) ?? []), line]);
  }
  const sorted = [...clos].sort((a, b) => a.course.localeCompare(b.course) || a.number - b.number);
  const ploNodes = [...plos]
    .sort((a, b) => a.number - b.number)
    .map((plo) => {
      const cloNodes = sorted
        .filter((clo) => mapping.get(clo.id) === plo.id)
        .map((clo) => {
          const own = linesOf.get(clo.id) ?? [];
          return {
            ...clo,
            label: cloLabelOf(clo),
            ...aggregate(own, threshold),
            sections: own.map((line) => ({
              id: line.sectionId,
              sectionOutcomeId: line.sectionOutcomeId,
              number: line.section,
              label: `${clo.course}-${line.section}`,
              status: line.status,
              took: line.took,
              passed: line.passed,
              ...resultOfLine(line, threshold),
            })),
          };
        });
      const below = cloNodes.flatMap((clo) => linesOf.get(clo.id) ?? []);
      return { ...plo, ...aggregate(below, threshold), clos: cloNodes };
    });
  const all = ploNodes.flatMap((plo) => plo.clos.flatMap((clo) => linesOf.get(clo.id) ?? []));
  return { ...aggregate(all, threshold), plos: ploNodes };
}

function resultOfLine(
  line: Counts,
  threshold: number,
): { rate: number | null; result: Result | null } {
  const rate = passRate([line]);
  return { rate, result: resultOf(rate, threshold) };
}

export interface TermRef {
  id: string;
  code: string;
  name: string;
}

/** Σtook and Σpassed of one CLO's section outcomes with took > 0 in one term. */
export interface TermCloSums {
  termId: string;
  courseOutcomeId: string;
  counted: number;
  took: number;
  passed: number;
}

/** One term of a trend series. */
export interface TrendPoint extends Aggregate {
  termId: string;
  /** Labels of the CLOs whose section outcomes count in this term, sorted. */
  clos: string[];
  /**
   * The contributing CLOs differ from those of the last earlier term with data (the first term with
   * data, and terms without data, are never marked).
   */
  changed: boolean;
  added: string[];
  removed: string[];
}

export interface TrendInput {
  terms: readonly TermRef[];
  plos: readonly PloRef[];
  clos: readonly CloRef[];
  mapping: ReadonlyMap<string, string>;
  sums: readonly TermCloSums[];
  threshold: number;
}

/** A series over every term, for the CLOs `belongs` selects. */
function series(
  terms: readonly TermRef[],
  sumsOf: ReadonlyMap<string, TermCloSums[]>,
  labels: ReadonlyMap<string, string>,
  belongs: (cloId: string) => boolean,
  threshold: number,
): TrendPoint[] {
  let previous: string[] | null = null;
  return terms.map((term) => {
    const mine = (sumsOf.get(term.id) ?? []).filter((s) => belongs(s.courseOutcomeId));
    const numbers = aggregate(mine, threshold);
    const clos = mine
      .filter((s) => s.took > 0)
      .map((s) => labels.get(s.courseOutcomeId) ?? s.courseOutcomeId)
      .sort();
    const point: TrendPoint = {
      termId: term.id,
      ...numbers,
      // The sums are over section outcomes; the point counts them, not its CLO rows.
      counted: mine.reduce((sum, s) => sum + s.counted, 0),
      clos,
      changed: false,
      added: [],
      removed: [],
    };
    if (clos.length === 0) return point;
    if (previous) {
      const before = new Set(previous);
      const now = new Set(clos);
      point.added = clos.filter((label) => !before.has(label));
      point.removed = previous.filter((label) => !now.has(label));
      point.changed = point.added.length > 0 || point.removed.length > 0;
    }
    previous = clos;
    return point;
  });
}

/**
 * The trend over every term (in the given order) under one mapping, applied to past terms too: the
 * program's overall series (every mapped CLO) and one per PLO. Terms without data are null (gaps).
 */
export function buildTrend({ terms, plos, clos, mapping, sums, threshold }: TrendInput) {
  const sumsOf = new Map<string, TermCloSums[]>();
  for (const sum of sums) {
    if (!mapping.has(sum.courseOutcomeId)) continue;
    sumsOf.set(sum.termId, [...(sumsOf.get(sum.termId) ?? []), sum]);
  }
  const labels = new Map(clos.map((clo) => [clo.id, cloLabelOf(clo)]));
  return {
    terms: [...terms],
    overall: series(terms, sumsOf, labels, (id) => mapping.has(id), threshold),
    plos: [...plos]
      .sort((a, b) => a.number - b.number)
      .map((plo) => ({
        ...plo,
        points: series(terms, sumsOf, labels, (id) => mapping.get(id) === plo.id, threshold),
      })),
  };
}
