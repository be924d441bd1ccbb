import type { Breakdown, Measures, ReportColumn, ReportPage, ReportRow } from '../reports/types';

export const COMPUTED_AT = '2025-03-05T14:15:00.000Z';

export const measures = (overrides: Partial<Measures> = {}): Measures => ({
  events: 12,
  inPersonEvents: 9,
  virtualEvents: 3,
  schools: 4,
  studentParticipations: 340,
  uniqueStudents: 210,
  virtualStudentsEstimate: 75,
  volunteerEngagements: 48,
  uniqueVolunteers: 30,
  volunteerHours: 96.5,
  organizations: 7,
  ...overrides,
});

export const months = (): Breakdown[] =>
  ['2024-08', '2024-09', '2024-10'].map((key, i) => ({
    key,
    label: key,
    ...measures({ events: i }),
  }));

/** A report page as `GET /api/reports/:name` answers it. */
export function reportPage<S>(
  summary: S,
  rows: ReportRow[] = [],
  columns: ReportColumn[] = [],
  overrides: Partial<ReportPage<S>> = {},
): ReportPage<S> {
  return {
    report: 'report',
    title: 'Report',
    filters: {},
    computedAt: COMPUTED_AT,
    summary,
    columns,
    rows,
    total: rows.length,
    page: 1,
    pageSize: 25,
    ...overrides,
  };
}
