import { z } from 'zod';
import { defineReport, type ReportColumn } from '../../../core/reports/types.js';
import { schoolYearFilter, withSchoolYear, yearOf, yearWindow } from './filters.js';
import { loadFacts } from './metrics/data/facts.js';
import { volunteerLines, type VolunteerLine } from './metrics/data/volunteers.js';

export interface VolunteerTotals {
  schoolYear: string;
  /** Volunteers listed. */
  count: number;
  /** Distinct events they attended. */
  events: number;
  hours: number;
}

function totals(schoolYear: string, lines: readonly VolunteerLine[]): VolunteerTotals {
  return {
    schoolYear,
    count: lines.length,
    events: new Set(lines.flatMap((line) => line.eventIds)).size,
    hours: lines.reduce((sum, line) => sum + line.hours, 0),
  };
}

const filters = z.object(schoolYearFilter);

const FIRST_TIME_COLUMNS: readonly ReportColumn[] = [
  { key: 'name', header: 'Name', type: 'text', personal: true },
  { key: 'firstVolunteerDate', header: 'First Volunteer Date', type: 'date' },
  { key: 'events', header: 'Events', type: 'integer' },
  { key: 'hours', header: 'Hours', type: 'hours' },
  { key: 'organization', header: 'Organization', type: 'text', width: 30 },
  { key: 'title', header: 'Title', type: 'text' },
  { key: 'eventList', header: 'Event list', type: 'text', width: 60 },
];

/** Volunteers whose first attended participation in a completed event falls in the school year. */
export const firstTimeVolunteers = defineReport({
  name: 'first-time-volunteers',
  title: 'First-time volunteers',
  aggregate: false,
  filters,
  resolveFilters: withSchoolYear,
  columns: () => FIRST_TIME_COLUMNS,
  sheets: () => [{ name: 'First Time Volunteers', source: 'rows' }],
  fileName: (f) => `first-time-volunteers-${f.schoolYear ?? ''}`,
  async compute(q, f, ctx) {
    const facts = await loadFacts(q, yearWindow(f, ctx), ['cr']);
    const lines = await volunteerLines(q, facts, { firstTimeOnly: true });
    const rows = lines
      .map((line) => ({
        contactId: line.contactId,
        name: line.name,
        firstVolunteerDate: line.firstDay,
        events: line.events,
        hours: line.hours,
        organization: line.organization,
        title: line.title,
        eventList: line.eventList,
      }))
      .sort(
        (a, b) =>
          (a.firstVolunteerDate ?? '').localeCompare(b.firstVolunteerDate ?? '') ||
          a.name.localeCompare(b.name),
      );
    return { summary: totals(yearOf(f), lines), rows };
  },
});

const HOURS_COLUMNS: readonly ReportColumn[] = [
  { key: 'rank', header: 'Rank', type: 'integer', width: 6 },
  { key: 'name', header: 'Name', type: 'text', personal: true },
  { key: 'organization', header: 'Organization', type: 'text', width: 30 },
  { key: 'title', header: 'Title', type: 'text' },
  { key: 'events', header: 'Events', type: 'integer' },
  { key: 'hours', header: 'Hours', type: 'hours' },
];

/** The thank-you list: volunteers of the school year ranked by hours, then events, then name. */
export const volunteerHours = defineReport({
  name: 'volunteer-hours',
  title: 'Volunteer hours',
  aggregate: false,
  filters,
  resolveFilters: withSchoolYear,
  columns: () => HOURS_COLUMNS,
  sheets: () => [{ name: 'Volunteer Hours', source: 'rows' }],
  fileName: (f) => `volunteer-hours-${f.schoolYear ?? ''}`,
  async compute(q, f, ctx) {
    const facts = await loadFacts(q, yearWindow(f, ctx), ['cr']);
    const lines = await volunteerLines(q, facts, { firstTimeOnly: false });
    const rows = lines.map((line, index) => ({
      rank: index + 1,
      contactId: line.contactId,
      name: line.name,
      organization: line.organization,
      title: line.title,
      events: line.events,
      hours: line.hours,
    }));
    return { summary: totals(yearOf(f), lines), rows };
  },
});
