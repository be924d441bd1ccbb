import { z } from 'zod';
import { NotFoundError } from '../../../core/errors.js';
import { defineReport, type ReportColumn } from '../../../core/reports/types.js';
import { EVENT_STATUSES } from '../enums.js';
import {
  districtsFor,
  optionalText,
  schoolYearFilter,
  withSchoolYear,
  yearOf,
  yearWindow,
} from './filters.js';
import { eventTypeLabel, monthLabel, schoolYearMonths } from './labels.js';
import { findSchool, namesOf } from './metrics/data/lookups.js';
import { loadFacts } from './metrics/data/facts.js';
import {
  virtualLines,
  virtualSummary,
  type VirtualGroup,
  type VirtualTotals,
} from './metrics/data/virtual.js';
import { schoolYearSchema } from './metrics/school-year.js';

const day = z.iso.date();

/** Tenant setting: the link to the core spreadsheet of each school year. */
const settings = z.object({
  coreSpreadsheets: z.record(schoolYearSchema, z.url()).default({}),
});

type Group = Omit<VirtualGroup, 'key'>;

export type VirtualUsageSummary = VirtualTotals & {
  schoolYear: string;
  localSessionsPct: number;
  byDistrict: (Group & { districtId: string; district: string })[];
  byMonth: (Group & { month: string; label: string })[];
  coreSpreadsheetUrl: string | null;
};

const COLUMNS: readonly ReportColumn[] = [
  { key: 'status', header: 'Status', type: 'text', width: 12 },
  { key: 'date', header: 'Date', type: 'date' },
  { key: 'time', header: 'Time', type: 'text', width: 8 },
  { key: 'sessionType', header: 'Session Type', type: 'text', width: 18 },
  { key: 'teacher', header: 'Teacher', type: 'text', personal: true },
  { key: 'school', header: 'School', type: 'text', width: 28 },
  { key: 'district', header: 'District', type: 'text', width: 28 },
  { key: 'title', header: 'Title', type: 'text', width: 40 },
  { key: 'presenter', header: 'Presenter', type: 'text', width: 28, personal: true },
  { key: 'participantCount', header: 'Participant Count', type: 'integer' },
  { key: 'duration', header: 'Duration', type: 'integer' },
];

const without = ({ key: _key, ...group }: VirtualGroup): Group => group;

/** Day after `day`, for an inclusive end. */
const nextDay = (value: string) => {
  const date = new Date(`${value}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
};

/**
 * Virtual sessions of a school year (optionally a date range, district, school, career cluster):
 * usage totals, per district and per month, and one line per session and teacher.
 */
export const virtualUsage = defineReport({
  name: 'virtual-usage',
  title: 'Virtual usage',
  aggregate: true,
  filters: z.object({
    ...schoolYearFilter,
    dateFrom: day.optional(),
    dateTo: day.optional(),
    district: optionalText,
    school: optionalText,
    careerCluster: optionalText,
  }),
  resolveFilters: withSchoolYear,
  settings,
  columns: () => COLUMNS,
  sheets: () => [{ name: 'Virtual Session Usage', source: 'rows' }],
  fileName: (f) => `virtual-usage-${f.schoolYear ?? ''}`,
  async compute(q, f, ctx) {
    const schoolYear = yearOf(f);
    const year = yearWindow(f, ctx);
    const from = f.dateFrom && year.from && f.dateFrom > year.from ? f.dateFrom : year.from;
    const end = f.dateTo ? nextDay(f.dateTo) : undefined;
    const to = end && year.to && end < year.to ? end : year.to;
    const w = { ...year, from, to, format: 'virtual' as const, careerCluster: f.careerCluster };
    const { districtIds } = await districtsFor(q, f.district, ctx);
    const school = f.school ? await findSchool(q, f.school) : undefined;
    if (f.school && !school) throw new NotFoundError('School');
    const place = { districtIds, schoolId: school?.id };

    const facts = await loadFacts(q, w, ['tp', 'cr']);
    const { totals, ...groups } = await virtualSummary(q, facts, place);
    const known = groups.byDistrict.filter((g) => g.key !== null);
    const names = await namesOf(
      q,
      'districts',
      known.map((g) => g.key ?? ''),
    );
    const months = new Map(groups.byMonth.map((g) => [g.key, without(g)]));
    const empty: Group = {
      sessions: 0,
      teachers: 0,
      experiences: 0,
      estimatedStudents: 0,
      schools: 0,
    };
    const summary: VirtualUsageSummary = {
      schoolYear,
      ...totals,
      localSessionsPct: totals.sessions
        ? Math.round((1000 * totals.localSessions) / totals.sessions) / 10
        : 0,
      byDistrict: known
        .map((g) => ({
          districtId: g.key ?? '',
          district: names.get(g.key ?? '') ?? '',
          ...without(g),
        }))
        .sort((a, b) => a.district.localeCompare(b.district)),
      byMonth: schoolYearMonths(schoolYear).map((month) => ({
        month,
        label: monthLabel(month),
        ...(months.get(month) ?? empty),
      })),
      coreSpreadsheetUrl: ctx.settings?.coreSpreadsheets[schoolYear] ?? null,
    };
    const sessions = await loadFacts(q, { ...w, statuses: EVENT_STATUSES }, [], 'lines');
    const lines = await virtualLines(q, sessions, place);
    const rows = lines.map((line) => ({
      status: line.status,
      date: line.date,
      time: line.time,
      sessionType: eventTypeLabel(line.type),
      teacher: line.teacher,
      school: line.school,
      district: line.district,
      title: line.title,
      presenter: line.presenter,
      participantCount: line.participantCount,
      duration: line.duration,
    }));
    return { summary, rows };
  },
});
