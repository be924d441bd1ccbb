import { z } from 'zod';
import { defineReport, type ReportColumn } from '../../../core/reports/types.js';
import { EVENT_TYPES } from '../enums.js';
import { breakdownColumns, monthBreakdown, typeBreakdown, type Breakdown } from './breakdowns.js';
import {
  districtsFor,
  optionalText,
  schoolYearFilter,
  withSchoolYear,
  yearOf,
  yearWindow,
} from './filters.js';
import { districtYearMeasures } from './metrics/data/district-year.js';
import { loadFacts } from './metrics/data/facts.js';
import { namesOf } from './metrics/data/lookups.js';
import { splitMeasures, withoutGroup, type Measures } from './metrics/data/measures.js';

export type DistrictYearSummary = Measures & {
  schoolYear: string;
  eventTypes: Breakdown[];
  months: Breakdown[];
};

/** The per-district measures of DOMAIN.md §2.5, in the order of the Summary sheet. */
export const DISTRICT_MEASURE_COLUMNS: readonly ReportColumn[] = [
  { key: 'events', header: 'Events', type: 'integer' },
  { key: 'inPersonEvents', header: 'In-Person Events', type: 'integer' },
  { key: 'virtualEvents', header: 'Virtual Events', type: 'integer' },
  { key: 'studentParticipations', header: 'Student Participations', type: 'integer' },
  { key: 'uniqueStudents', header: 'Unique Students', type: 'integer' },
  { key: 'virtualStudentsEstimate', header: 'Virtual Students (Estimate)', type: 'integer' },
  { key: 'volunteerEngagements', header: 'Volunteer Engagements', type: 'integer' },
  { key: 'uniqueVolunteers', header: 'Unique Volunteers', type: 'integer' },
  { key: 'volunteerHours', header: 'Volunteer Hours', type: 'hours' },
  { key: 'organizations', header: 'Organizations', type: 'integer' },
  { key: 'schools', header: 'Schools', type: 'integer' },
];

/**
 * District year-end: one row per district with activity in the school year; the summary has the
 * totals (events without a district included), event types and months.
 */
export const districtYearEnd = defineReport({
  name: 'district-year-end',
  title: 'District year-end',
  aggregate: true,
  filters: z.object({
    ...schoolYearFilter,
    district: optionalText,
    eventType: z.enum(EVENT_TYPES).optional(),
    host: optionalText,
  }),
  resolveFilters: withSchoolYear,
  columns: () => [
    { key: 'district', header: 'District', type: 'text', width: 30 },
    ...DISTRICT_MEASURE_COLUMNS,
  ],
  sheets: () => [
    { name: 'Summary', source: 'rows' },
    {
      name: 'Event Types',
      source: 'summary',
      columns: breakdownColumns('Event Type'),
      rows: (summary: DistrictYearSummary) => summary.eventTypes,
    },
    {
      name: 'Monthly Breakdown',
      source: 'summary',
      columns: breakdownColumns('Month'),
      rows: (summary: DistrictYearSummary) => summary.months,
    },
  ],
  fileName: (filters) => `district-year-end-${filters.schoolYear ?? ''}`,
  async compute(q, filters, ctx) {
    const schoolYear = yearOf(filters);
    const { districtIds } = await districtsFor(q, filters.district, ctx);
    const facts = await loadFacts(
      q,
      {
        ...yearWindow(filters, ctx),
        eventType: filters.eventType,
        host: filters.host,
        districtIds,
      },
      ['sp', 'tp', 'cr'],
    );
    const measures = await districtYearMeasures(q, facts);
    const { total, groups } = splitMeasures(measures, 'district');
    const districts = groups.filter((g) => g.key !== null);
    const names = await namesOf(
      q,
      'districts',
      districts.map((g) => g.key ?? ''),
    );
    const rows = districts
      .map((g) => ({
        districtId: g.key,
        district: names.get(g.key ?? '') ?? '',
        ...withoutGroup(g),
      }))
      .sort((a, b) => a.district.localeCompare(b.district));
    const summary: DistrictYearSummary = {
      schoolYear,
      ...total,
      eventTypes: typeBreakdown(measures),
      months: monthBreakdown(measures, schoolYear),
    };
    return { summary, rows };
  },
});
