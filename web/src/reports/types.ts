/** How a report column is typed (numbers right-aligned, days formatted, hours with 2 decimals). */
export type CellType = 'text' | 'integer' | 'number' | 'hours' | 'percent' | 'date';

export interface ReportColumn {
  key: string;
  header: string;
  type: CellType;
}

export type Cell = string | number | null;
export type ReportRow = Readonly<Record<string, Cell>>;

/** `GET /api/reports/:name`: the summary and one page of rows, with when it was computed. */
export interface ReportPage<S> {
  report: string;
  title: string;
  filters: Record<string, unknown>;
  computedAt: string;
  summary: S;
  columns: readonly ReportColumn[];
  rows: readonly ReportRow[];
  total: number;
  page: number;
  pageSize: number;
}

/** A report the caller may open (`GET /api/reports`). */
export interface ReportInfo {
  name: string;
  title: string;
  module: string;
  aggregate: boolean;
  hasSettings: boolean;
}

export interface Measures {
  events: number;
  inPersonEvents: number;
  virtualEvents: number;
  schools: number;
  studentParticipations: number;
  uniqueStudents: number;
  virtualStudentsEstimate: number;
  volunteerEngagements: number;
  uniqueVolunteers: number;
  volunteerHours: number;
  organizations: number;
}

/** A month or an event type, with its measures. */
export interface Breakdown extends Measures {
  key: string;
  label: string;
}

export interface DistrictYearSummary extends Measures {
  schoolYear: string;
  eventTypes: readonly Breakdown[];
  months: readonly Breakdown[];
}

export interface DistrictDetailSummary extends DistrictYearSummary {
  district: { id: string; name: string };
}

export interface VirtualGroup {
  sessions: number;
  teachers: number;
  experiences: number;
  estimatedStudents: number;
  schools: number;
}

export interface VirtualUsageSummary {
  schoolYear: string;
  sessions: number;
  teachers: number;
  experiences: number;
  estimatedStudents: number;
  professionals: number;
  organizations: number;
  schools: number;
  localSessions: number;
  localSessionsPct: number;
  byDistrict: readonly (VirtualGroup & { districtId: string; district: string })[];
  byMonth: readonly (VirtualGroup & { month: string; label: string })[];
  coreSpreadsheetUrl: string | null;
}

export interface VolunteerTotals {
  schoolYear: string;
  count: number;
  events: number;
  hours: number;
}

export interface OrganizationsSummary {
  schoolYear: string;
  organizations: number;
  sessions: number;
  hours: number;
  volunteers: number;
}

export interface OrganizationEvent extends ReportRow {
  eventId: string;
  date: string | null;
  event: string;
  type: string;
  school: string | null;
  status: string;
  volunteers: number;
  hours: number;
}

export interface OrganizationDetailSummary {
  schoolYear: string;
  organization: { id: string; name: string };
  sessions: number;
  hours: number;
  volunteers: number;
  inPersonEvents: number;
  virtualEvents: number;
  cancelledEvents: number;
  inPerson: readonly OrganizationEvent[];
  virtual: readonly OrganizationEvent[];
  cancelled: readonly OrganizationEvent[];
}

/** The virtual-usage report's tenant settings. */
export interface VirtualUsageSettings {
  coreSpreadsheets: Record<string, string>;
}
