import type { ReportColumn } from '../../../core/reports/types.js';
import { eventTypeLabel, monthLabel, schoolYearMonths } from './labels.js';
import {
  EMPTY_MEASURES,
  withoutGroup,
  type MeasureRow,
  type Measures,
} from './metrics/data/measures.js';

/** One line of a breakdown (a month, an event type) with every measure. */
export type Breakdown = Measures & { key: string; label: string };

/** The columns of the Event Types and Monthly Breakdown sheets (DOMAIN.md §2.5). */
export const breakdownColumns = (first: string): readonly ReportColumn[] => [
  { key: 'label', header: first, type: 'text', width: 22 },
  { key: 'events', header: 'Events', type: 'integer' },
  { key: 'studentParticipations', header: 'Students', type: 'integer' },
  { key: 'uniqueStudents', header: 'Unique Students', type: 'integer' },
  { key: 'volunteerEngagements', header: 'Volunteers', type: 'integer' },
  { key: 'uniqueVolunteers', header: 'Unique Volunteers', type: 'integer' },
  { key: 'volunteerHours', header: 'Volunteer Hours', type: 'hours' },
];

/** Every month of the school year, August first, empty months included. */
export function monthBreakdown(rows: readonly MeasureRow[], schoolYear: string): Breakdown[] {
  const byMonth = new Map(rows.filter((r) => r.dimension === 'month').map((r) => [r.key, r]));
  return schoolYearMonths(schoolYear).map((month) => {
    const row = byMonth.get(month);
    return { key: month, label: monthLabel(month), ...(row ? withoutGroup(row) : EMPTY_MEASURES) };
  });
}

/** The event types present, most events first. */
export const typeBreakdown = (rows: readonly MeasureRow[]): Breakdown[] =>
  rows
    .filter((r) => r.dimension === 'type' && r.key !== null)
    .map((r) => ({ key: r.key ?? '', label: eventTypeLabel(r.key ?? ''), ...withoutGroup(r) }))
    .sort((a, b) => b.events - a.events || a.label.localeCompare(b.label));
