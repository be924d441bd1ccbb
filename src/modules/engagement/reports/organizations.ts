import { z } from 'zod';
import { NotFoundError } from '../../../core/errors.js';
import type { Tx } from '../../../core/db/client.js';
import {
  defineReport,
  type ReportColumn,
  type ReportContext,
  type ReportRow,
  type ReportSheet,
} from '../../../core/reports/types.js';
import { optionalText } from './filters.js';
import { eventTypeLabel } from './labels.js';
import { loadFacts } from './metrics/data/facts.js';
import { findOrganization } from './metrics/data/lookups.js';
import {
  creditedEvents,
  creditedVolunteers,
  organizationLines,
  organizationTotals,
  type CreditedEvent,
} from './metrics/data/organizations.js';
import { currentSchoolYear, schoolYearDays, schoolYearSchema } from './metrics/school-year.js';
import { CANCELLED_STATUSES, type EventWindow } from './metrics/window.js';

const LIFETIME = 'lifetime';

const filters = z.object({
  /** A school year, or `lifetime` for every year. */
  schoolYear: z.union([z.literal(LIFETIME), schoolYearSchema]).optional(),
  /** An organization (id or name): its detail instead of the list. */
  organization: optionalText,
});

const windowOf = (f: z.output<typeof filters>, ctx: ReportContext): EventWindow => ({
  tenantId: ctx.tenantId,
  timezone: ctx.timezone,
  ...(f.schoolYear && f.schoolYear !== LIFETIME ? schoolYearDays(f.schoolYear) : {}),
});

const LIST_COLUMNS: readonly ReportColumn[] = [
  { key: 'organization', header: 'Organization', type: 'text', width: 36 },
  { key: 'uniqueSessions', header: 'Unique Sessions', type: 'integer' },
  { key: 'hours', header: 'Hours', type: 'hours' },
  { key: 'uniqueVolunteers', header: 'Unique Volunteers', type: 'integer' },
];

const VOLUNTEER_COLUMNS: readonly ReportColumn[] = [
  { key: 'name', header: 'Name', type: 'text', personal: true },
  { key: 'email', header: 'Email', type: 'text', width: 30, personal: true },
  { key: 'events', header: 'Events', type: 'integer' },
  { key: 'hours', header: 'Hours', type: 'hours' },
];

const EVENT_COLUMNS: readonly ReportColumn[] = [
  { key: 'date', header: 'Date', type: 'date' },
  { key: 'event', header: 'Event', type: 'text', width: 40 },
  { key: 'type', header: 'Type', type: 'text', width: 20 },
  { key: 'school', header: 'School', type: 'text', width: 28 },
  { key: 'volunteers', header: 'Volunteers', type: 'integer' },
  { key: 'hours', header: 'Hours', type: 'hours' },
];

const CANCELLED_COLUMNS: readonly ReportColumn[] = [
  { key: 'date', header: 'Date', type: 'date' },
  { key: 'event', header: 'Event', type: 'text', width: 40 },
  { key: 'type', header: 'Type', type: 'text', width: 20 },
  { key: 'status', header: 'Status', type: 'text' },
  { key: 'volunteers', header: 'Volunteers', type: 'integer' },
];

const SUMMARY_COLUMNS: readonly ReportColumn[] = [
  { key: 'organization', header: 'Organization', type: 'text', width: 36 },
  { key: 'sessions', header: 'Sessions', type: 'integer' },
  { key: 'hours', header: 'Hours', type: 'hours' },
  { key: 'volunteers', header: 'Volunteers', type: 'integer' },
  { key: 'inPersonEvents', header: 'In-Person Events', type: 'integer' },
  { key: 'virtualEvents', header: 'Virtual Events', type: 'integer' },
  { key: 'cancelledEvents', header: 'Cancelled/No-Show Events', type: 'integer' },
];

type EventRow = ReportRow & { eventId: string; format: string };

const eventRow = (e: CreditedEvent): EventRow => ({
  eventId: e.id,
  format: e.format,
  date: e.date,
  event: e.title,
  type: eventTypeLabel(e.type),
  school: e.school,
  status: e.status,
  volunteers: e.volunteers,
  hours: e.hours,
});

interface ListSummary {
  schoolYear: string;
  organizations: number;
  sessions: number;
  hours: number;
  volunteers: number;
}

interface DetailSummary {
  schoolYear: string;
  organization: { id: string; name: string };
  sessions: number;
  hours: number;
  volunteers: number;
  inPersonEvents: number;
  virtualEvents: number;
  cancelledEvents: number;
  inPerson: EventRow[];
  virtual: EventRow[];
  cancelled: EventRow[];
}

/** The list's summary, or one organization's (with its event lists for the detail sheets). */
export type OrganizationsSummary = ListSummary | DetailSummary;

const detailSheet = (
  name: string,
  columns: readonly ReportColumn[],
  pick: (summary: DetailSummary) => readonly ReportRow[],
): ReportSheet<OrganizationsSummary> => ({
  name,
  source: 'summary',
  columns,
  rows: (summary) => ('organization' in summary ? pick(summary) : []),
});

const DETAIL_SHEETS: readonly ReportSheet<OrganizationsSummary>[] = [
  detailSheet('Summary', SUMMARY_COLUMNS, (s) => [
    {
      organization: s.organization.name,
      sessions: s.sessions,
      hours: s.hours,
      volunteers: s.volunteers,
      inPersonEvents: s.inPersonEvents,
      virtualEvents: s.virtualEvents,
      cancelledEvents: s.cancelledEvents,
    },
  ]),
  { name: 'Volunteers', source: 'rows' },
  detailSheet('In-Person Events', EVENT_COLUMNS, (s) => s.inPerson),
  detailSheet('Virtual Events', EVENT_COLUMNS, (s) => s.virtual),
  detailSheet('Cancelled Events', CANCELLED_COLUMNS, (s) => s.cancelled),
];

async function organizationDetail(
  q: Tx,
  w: EventWindow,
  schoolYear: string,
  value: string,
): Promise<{ summary: DetailSummary; rows: ReportRow[] }> {
  const organization = await findOrganization(q, value);
  if (!organization) throw new NotFoundError('Organization');
  const facts = await loadFacts(q, w, ['cr']);
  const volunteers = await creditedVolunteers(q, facts, organization.id);
  const events = (await creditedEvents(q, facts, organization.id)).map(eventRow);
  const registered = await loadFacts(
    q,
    { ...w, statuses: CANCELLED_STATUSES, volunteers: 'registered' },
    ['cr'],
    'cancelled',
  );
  const cancelled = (await creditedEvents(q, registered, organization.id)).map(eventRow);
  const inPerson = events.filter((e) => e.format === 'in_person');
  const virtual = events.filter((e) => e.format === 'virtual');
  return {
    summary: {
      schoolYear,
      organization,
      sessions: events.length,
      hours: volunteers.reduce((sum, v) => sum + v.hours, 0),
      volunteers: volunteers.length,
      inPersonEvents: inPerson.length,
      virtualEvents: virtual.length,
      cancelledEvents: cancelled.length,
      inPerson,
      virtual,
      cancelled,
    },
    rows: volunteers.map((v) => ({
      contactId: v.contactId,
      name: v.name,
      email: v.email,
      events: v.events,
      hours: v.hours,
    })),
  };
}

/**
 * Organizations credited with volunteer participations (DOMAIN.md §2.4) in a school year or over
 * their lifetime; with `organization`, that organization's detail (volunteers and events).
 */
export const organizationsReport = defineReport({
  name: 'organizations',
  title: 'Organizations',
  aggregate: false,
  filters,
  resolveFilters: (f, { timezone, now }) => ({
    ...f,
    schoolYear: f.schoolYear ?? currentSchoolYear(timezone, now),
  }),
  columns: (f) => (f.organization ? VOLUNTEER_COLUMNS : LIST_COLUMNS),
  sheets: (f) => (f.organization ? DETAIL_SHEETS : [{ name: 'Organizations', source: 'rows' }]),
  fileName: (f) => `organizations-${f.schoolYear ?? ''}`,
  async compute(q, f, ctx) {
    const schoolYear = f.schoolYear ?? LIFETIME;
    const w = windowOf(f, ctx);
    if (f.organization) return organizationDetail(q, w, schoolYear, f.organization);
    const facts = await loadFacts(q, w, ['cr']);
    const lines = await organizationLines(q, facts);
    const totals = await organizationTotals(q, facts);
    return {
      summary: { schoolYear, ...totals },
      rows: lines.map((line) => ({
        organizationId: line.organizationId,
        organization: line.name,
        uniqueSessions: line.uniqueSessions,
        hours: line.hours,
        uniqueVolunteers: line.uniqueVolunteers,
      })),
    };
  },
});
