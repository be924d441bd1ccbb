import { z } from 'zod';
import { defineReport, type ReportColumn } from '../../../core/reports/types.js';
import { EVENT_TYPES } from '../enums.js';
import { monthBreakdown, typeBreakdown, type Breakdown } from './breakdowns.js';
import {
  districtsFor,
  requiredText,
  schoolYearFilter,
  withSchoolYear,
  yearOf,
  yearWindow,
} from './filters.js';
import { eventTypeLabel } from './labels.js';
import { detailMeasures, eventLines } from './metrics/data/district-year.js';
import { loadFacts } from './metrics/data/facts.js';
import { namesOf } from './metrics/data/lookups.js';
import {
  EMPTY_MEASURES,
  splitMeasures,
  withoutGroup,
  type Measures,
} from './metrics/data/measures.js';

export type DistrictDetailSummary = Measures & {
  schoolYear: string;
  district: { id: string; name: string };
  eventTypes: Breakdown[];
  months: Breakdown[];
};

const EVENT_COLUMNS: readonly ReportColumn[] = [
  { key: 'date', header: 'Date', type: 'date' },
  { key: 'time', header: 'Time', type: 'text', width: 8 },
  { key: 'event', header: 'Event', type: 'text', width: 40 },
  { key: 'type', header: 'Type', type: 'text', width: 20 },
  { key: 'school', header: 'School', type: 'text', width: 28 },
  { key: 'location', header: 'Location', type: 'text', width: 30 },
  { key: 'students', header: 'Students', type: 'integer' },
  { key: 'volunteers', header: 'Volunteers', type: 'integer' },
  { key: 'volunteerHours', header: 'Volunteer Hours', type: 'hours' },
];

const SCHOOL_COLUMNS: readonly ReportColumn[] = [
  { key: 'school', header: 'School', type: 'text', width: 30 },
  { key: 'events', header: 'Events', type: 'integer' },
  { key: 'students', header: 'Students', type: 'integer' },
  { key: 'uniqueStudents', header: 'Unique Students', type: 'integer' },
  { key: 'volunteers', header: 'Volunteers', type: 'integer' },
  { key: 'uniqueVolunteers', header: 'Unique Volunteers', type: 'integer' },
  { key: 'volunteerHours', header: 'Volunteer Hours', type: 'hours' },
];

/** One district's school year, event by event or school by school, with months and event types. */
export const districtYearEndDetail = defineReport({
  name: 'district-year-end-detail',
  title: 'District year-end detail',
  aggregate: true,
  filters: z.object({
    ...schoolYearFilter,
    district: requiredText,
    eventType: z.enum(EVENT_TYPES).optional(),
    groupBy: z.enum(['event', 'school']).default('event'),
  }),
  resolveFilters: withSchoolYear,
  columns: (filters) => (filters.groupBy === 'school' ? SCHOOL_COLUMNS : EVENT_COLUMNS),
  sheets: () => [{ name: 'Events Detail', source: 'rows' }],
  fileName: (filters) => `district-year-end-detail-${filters.schoolYear ?? ''}`,
  async compute(q, filters, ctx) {
    const schoolYear = yearOf(filters);
    const { district, districtIds } = await districtsFor(q, filters.district, ctx);
    if (!district) throw new Error('a district filter is required');
    const w = { ...yearWindow(filters, ctx), eventType: filters.eventType, districtIds };
    const facts = await loadFacts(q, w, ['sp', 'tp', 'cr']);
    const measures = await detailMeasures(q, facts, filters.groupBy);
    const { total, groups } = splitMeasures(measures, filters.groupBy);
    const byKey = new Map(groups.map((g) => [g.key, withoutGroup(g)]));
    const summary: DistrictDetailSummary = {
      schoolYear,
      district,
      ...total,
      eventTypes: typeBreakdown(measures),
      months: monthBreakdown(measures, schoolYear),
    };
    if (filters.groupBy === 'event') {
      const rows = (await eventLines(q, facts)).map((line) => {
        const m = byKey.get(line.id) ?? EMPTY_MEASURES;
        return {
          eventId: line.id,
          date: line.date,
          time: line.time,
          event: line.title,
          type: eventTypeLabel(line.type),
          school: line.school,
          location: line.location,
          students: m.studentParticipations,
          volunteers: m.volunteerEngagements,
          volunteerHours: m.volunteerHours,
        };
      });
      return { summary, rows };
    }
    const names = await namesOf(
      q,
      'schools',
      groups.flatMap((g) => (g.key ? [g.key] : [])),
    );
    const rows = groups
      .map((g) => ({
        schoolId: g.key,
        school: g.key ? (names.get(g.key) ?? '') : 'No school',
        events: g.events,
        students: g.studentParticipations,
        uniqueStudents: g.uniqueStudents,
        volunteers: g.volunteerEngagements,
        uniqueVolunteers: g.uniqueVolunteers,
        volunteerHours: g.volunteerHours,
      }))
      .sort(
        (a, b) =>
          Number(a.schoolId === null) - Number(b.schoolId === null) ||
          a.school.localeCompare(b.school),
      );
    return { summary, rows };
  },
});
