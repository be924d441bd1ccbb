import { z } from 'zod';
import { defineReport, type ReportColumn, type ReportRow } from '../../../core/reports/types.js';
import { cloResultLines, type CloResultLine } from '../data/clo-results.js';
import { CLO_RESULTS_REPORT } from './names.js';
import { DEFAULT_THRESHOLD, passRate, resultOf } from './pass-rate.js';

const text = z.string().trim().min(1).max(200);

const filters = z.object({
  /** A term code, e.g. 2024FA; every term when absent. */
  term: text.optional(),
  course: text.optional(),
  programId: z.uuid().optional(),
});

const COLUMNS: readonly ReportColumn[] = [
  { key: 'course', header: 'Course', type: 'text', width: 12 },
  { key: 'clo', header: 'CLO', type: 'text', width: 12 },
  { key: 'description', header: 'Outcome', type: 'text', width: 48 },
  { key: 'term', header: 'Term', type: 'text', width: 9 },
  { key: 'section', header: 'Section', type: 'text', width: 14 },
  { key: 'instructor', header: 'Instructor', type: 'text', width: 22, personal: true },
  { key: 'took', header: 'Took', type: 'integer' },
  { key: 'passed', header: 'Passed', type: 'integer' },
  { key: 'rate', header: 'Pass rate', type: 'percent' },
  { key: 'result', header: 'Result', type: 'text', width: 8 },
];

export interface CloResultsSummary {
  threshold: number;
  courses: number;
  outcomes: number;
  sectionOutcomes: number;
  satisfactory: number;
  unsatisfactory: number;
}

const cloLabel = (line: CloResultLine) => `${line.course}.${String(line.clo)}`;

/** A section outcome's row, then (per CLO) a subtotal row across its sections. */
export function resultRows(lines: readonly CloResultLine[], threshold: number) {
  const rows: ReportRow[] = [];
  const subtotals: (string | null)[] = [];
  let group: CloResultLine[] = [];
  const close = () => {
    const first = group[0];
    if (!first) return;
    const rate = passRate(group);
    const result = resultOf(rate, threshold);
    subtotals.push(result);
    rows.push({
      course: first.course,
      clo: cloLabel(first),
      description: first.description,
      term: null,
      section: `All ${String(group.length)} section(s)`,
      instructor: null,
      took: group.reduce((sum, l) => sum + (l.took ?? 0), 0),
      passed: group.reduce((sum, l) => sum + (l.passed ?? 0), 0),
      rate,
      result,
    });
    group = [];
  };
  for (const line of lines) {
    if (group[0] && cloLabel(group[0]) !== cloLabel(line)) close();
    group.push(line);
    const rate = passRate([line]);
    rows.push({
      course: line.course,
      clo: cloLabel(line),
      description: line.description,
      term: line.term,
      section: `${line.course}-${line.section}`,
      instructor: line.instructor,
      took: line.took,
      passed: line.passed,
      rate,
      result: resultOf(rate, threshold),
    });
  }
  close();
  return { rows, subtotals };
}

/**
 * "CLO results by course" (§3.5): one sheet sorted by course then CLO, a row per section outcome
 * and a subtotal row per CLO across its sections (Σtook, Σpassed, rate, S/U).
 */
export const cloResultsReport = defineReport({
  name: CLO_RESULTS_REPORT,
  title: 'CLO results by course',
  aggregate: false,
  filters,
  settings: z.object({ threshold: z.number().min(0).max(100).default(DEFAULT_THRESHOLD) }),
  columns: () => COLUMNS,
  sheets: () => [{ name: 'CLO results', source: 'rows' }],
  fileName: (f) => `clo-results${f.term ? `-${f.term}` : ''}`,
  async compute(q, f, ctx) {
    const threshold = ctx.settings?.threshold ?? DEFAULT_THRESHOLD;
    const lines = await cloResultLines(q, { ...f, programs: ctx.scope.programs });
    const { rows, subtotals } = resultRows(lines, threshold);
    const summary: CloResultsSummary = {
      threshold,
      courses: new Set(lines.map((l) => l.course)).size,
      outcomes: subtotals.length,
      sectionOutcomes: lines.length,
      satisfactory: subtotals.filter((r) => r === 'S').length,
      unsatisfactory: subtotals.filter((r) => r === 'U').length,
    };
    return { summary, rows };
  },
});
