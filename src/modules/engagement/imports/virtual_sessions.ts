import type { Tx } from '../../../core/db/client.js';
import type { ImportStep, SourceRow, StepContext } from '../../../core/imports/types.js';
import { idsByKeys, type UpsertedRow } from '../data/bulk.js';
import { externalIdLookup } from '../data/lookups.js';
import {
  upsertTeacherParticipations,
  upsertVolunteerParticipations,
} from '../data/participations.js';
import { upsertEvents } from '../data/records.js';
import {
  contactsByName,
  eventsByTitleAndDate,
  setCareerClusters,
  titleDateKey,
  type NamedContact,
} from '../data/session-report.js';
import type { EventStatus } from '../enums.js';
import { eventStatus } from '../rules/events.js';
import { FieldError, type RowFields } from '../rules/fields.js';
import { teacherParticipationStatus } from '../rules/participations.js';
import { events } from '../schema.js';
import { decideAndSave, rowHandler, type Decision, type Parsed } from './kit.js';
import { PendingRows, type Unmatched } from './pending.js';

/** The virtual-session platform's session report: `session_report.xlsx` or `.csv` in the source. */
export const SESSION_REPORT = 'session_report';

const FIELDS = [
  'Session ID',
  'Title',
  'Date',
  'Status',
  'SignUp Role',
  'Name',
  'User Auth Id',
  'School',
  'District or Company',
  'Duration',
  'Registered Student Count',
  'Attended Student Count',
  'Attended Educator Count',
  'Career Cluster',
] as const;

const ROLES: Record<string, 'educator' | 'professional'> = {
  educator: 'educator',
  professional: 'professional',
};

interface ReportRow {
  sessionId: string | null;
  title: string;
  date: string;
  rawStatus: string | null;
  status: EventStatus;
  role: 'educator' | 'professional';
  name: string;
  affiliation: string | null;
  duration: number | null;
  attendedEducators: number;
  careerCluster: string | null;
}

function parse(f: RowFields): ReportRow {
  const name = f.required('Name');
  const rawStatus = f.text('Status');
  const role = f.oneOf('SignUp Role', (raw) => ROLES[raw.trim().toLowerCase()], [
    'Educator',
    'Professional',
  ]);
  if (role === null)
    throw new FieldError('SignUp Role', '', 'missing_value', 'SignUp Role is required');
  return {
    sessionId: f.text('Session ID'),
    title: f.required('Title'),
    date: f.date('Date') ?? f.required('Date'),
    rawStatus,
    status: eventStatus(rawStatus),
    role,
    name,
    affiliation: f.text(role === 'educator' ? 'School' : 'District or Company'),
    duration: f.integer('Duration', { min: 0 }),
    attendedEducators: f.integer('Attended Educator Count', { min: 0 }) ?? 0,
    careerCluster: f.text('Career Cluster'),
  };
}

const sessionKey = (r: ReportRow) => r.sessionId ?? titleDateKey(r.title, r.date);

/** The report's rows → event id per session: by Session ID, then title + date, else a new event. */
async function sessionEvents(
  tx: Tx,
  tenantId: string,
  rows: readonly ReportRow[],
): Promise<Map<string, string>> {
  const bySession = new Map<string, ReportRow>();
  for (const r of rows) if (!bySession.has(sessionKey(r))) bySession.set(sessionKey(r), r);
  const sessions = [...bySession.values()];
  const { byId } = await idsByKeys(tx, tenantId, {
    byId: externalIdLookup(
      events,
      sessions.flatMap((r) => (r.sessionId ? [r.sessionId] : [])),
    ),
  });
  const byTitle = await eventsByTitleAndDate(
    tx,
    tenantId,
    sessions.filter((r) => !r.sessionId || !byId.has(r.sessionId)),
  );
  const found = new Map<string, string>();
  const missing: ReportRow[] = [];
  for (const r of sessions) {
    const event =
      (r.sessionId ? byId.get(r.sessionId) : undefined) ??
      byTitle.get(titleDateKey(r.title, r.date));
    if (event) found.set(sessionKey(r), event);
    else if (r.sessionId) missing.push(r);
  }
  const created = await upsertEvents(
    tx,
    missing.map((r) => ({
      tenantId,
      externalId: r.sessionId ?? '',
      title: r.title,
      type: 'virtual_session' as const,
      format: 'virtual' as const,
      startAt: new Date(`${r.date}T00:00:00Z`),
      durationMinutes: r.duration,
      status: r.status,
      rawStatus: r.rawStatus,
      careerCluster: r.careerCluster,
    })),
  );
  missing.forEach((r, i) => {
    const id = created[i]?.id;
    if (id) found.set(sessionKey(r), id);
  });
  await setCareerClusters(
    tx,
    tenantId,
    [...found].flatMap(([key, eventId]) => {
      const cluster = bySession.get(key)?.careerCluster;
      return cluster ? [{ eventId, cluster }] : [];
    }),
  );
  return found;
}

/** One person among namesakes: the only one, else the only one at the named school/company. */
function pick(candidates: readonly NamedContact[] | undefined, affiliation: string | null) {
  if (candidates?.length === 1) return candidates[0]?.id;
  const matching = (candidates ?? []).filter(
    (c) => affiliation && c.affiliation?.toLowerCase() === affiliation.toLowerCase(),
  );
  return matching.length === 1 ? matching[0]?.id : undefined;
}

/** A professional's participation status from the session's. */
const professionalStatus = (status: EventStatus) =>
  status === 'Completed' || status === 'Simulcast'
    ? 'Attended'
    : status === 'Cancelled'
      ? 'Cancelled'
      : status === 'No Show'
        ? 'No-Show'
        : 'Registered';

interface Matched {
  key: string;
  row: ReportRow;
  eventId: string;
  contactId: string;
}

function persist(ctx: StepContext, pending: PendingRows) {
  return async (tx: Tx, items: readonly Parsed<ReportRow>[]) => {
    const rows = items.map((i) => i.value);
    const eventIds = await sessionEvents(tx, ctx.tenantId, rows);
    const names = (role: ReportRow['role']) =>
      rows.filter((r) => r.role === role).map((r) => r.name);
    const teachers = await contactsByName(tx, ctx.tenantId, 'teacher', names('educator'));
    const volunteers = await contactsByName(tx, ctx.tenantId, 'volunteer', names('professional'));
    const entity = (r: ReportRow) =>
      r.role === 'educator'
        ? ('teacher_participation' as const)
        : ('volunteer_participation' as const);
    const unmatched: Unmatched[] = [];
    const results = await decideAndSave(
      items,
      async ({ key, row, value }: Parsed<ReportRow>): Promise<Decision<Matched>> => {
        const eventId = eventIds.get(sessionKey(value));
        const contactId = pick(
          (value.role === 'educator' ? teachers : volunteers).get(value.name.toLowerCase()),
          value.affiliation,
        );
        if (!eventId || !contactId) {
          const reason = !eventId
            ? `Session "${value.title}" on ${value.date} is not imported and the report has no Session ID`
            : `No single ${value.role === 'educator' ? 'teacher' : 'volunteer'} named ${value.name}`;
          unmatched.push({ entityType: entity(value), row, key, reason });
          return { result: { outcome: 'skipped' } };
        }
        return { save: { key, row: value, eventId, contactId } };
      },
      async (matched) => {
        const outcomes = new Map<string, UpsertedRow>();
        const educators = matched.filter((m) => m.row.role === 'educator');
        const professionals = matched.filter((m) => m.row.role === 'professional');
        const teacherRows = await upsertTeacherParticipations(
          tx,
          educators.map((m) => ({
            tenantId: ctx.tenantId,
            externalId: m.key,
            eventId: m.eventId,
            contactId: m.contactId,
            status: teacherParticipationStatus(m.row.status, m.row.attendedEducators),
          })),
        );
        const volunteerRows = await upsertVolunteerParticipations(
          tx,
          professionals.map((m) => ({
            tenantId: ctx.tenantId,
            externalId: m.key,
            eventId: m.eventId,
            contactId: m.contactId,
            status: professionalStatus(m.row.status),
            deliveryHours:
              m.row.duration === null ? null : Math.round((m.row.duration / 60) * 100) / 100,
          })),
        );
        educators.forEach((m, i) => outcomes.set(m.key, teacherRows[i] as UpsertedRow));
        professionals.forEach((m, i) => outcomes.set(m.key, volunteerRows[i] as UpsertedRow));
        await pending.resolve(
          tx,
          'teacher_participation',
          educators.map((m, i) => ({ key: m.key, id: teacherRows[i]?.id ?? null })),
        );
        await pending.resolve(
          tx,
          'volunteer_participation',
          professionals.map((m, i) => ({ key: m.key, id: volunteerRows[i]?.id ?? null })),
        );
        return matched.map((m) => outcomes.get(m.key) ?? { outcome: 'unchanged' as const });
      },
    );
    await pending.add(tx, unmatched);
    return results;
  };
}

/** A participation's key (its external id and pending-queue key): session, role and person. */
function rawKey(row: SourceRow): string {
  const v = row.values;
  const person = v['User Auth Id']?.trim() || (v.Name ?? '').trim().toLowerCase();
  const role = (v['SignUp Role'] ?? '').trim().toLowerCase();
  const session =
    v['Session ID']?.trim() ||
    titleDateKey((v.Title ?? '').trim(), (v.Date ?? '').trim().slice(0, 10));
  return `report:${session}:${role}:${person}`;
}

/**
 * The virtual-session report, when the source has one: educators become teacher participations,
 * professionals volunteer participations (DOMAIN.md §2.2).
 */
export const virtualSessionsStep: ImportStep = {
  name: 'virtual_sessions',
  dependsOn: ['teachers', 'volunteers'],
  reads: [SESSION_REPORT],
  async run(ctx) {
    const pending = await PendingRows.load(ctx, SESSION_REPORT, 'unmatched_participation', rawKey);
    const present = await ctx.source.has(SESSION_REPORT);
    if (!present) ctx.log.info('no session report in the source');
    const rows = present
      ? ctx.source.rows(SESSION_REPORT, {
          fields: FIELDS,
          required: ['Session ID', 'Title', 'Date', 'Status', 'SignUp Role', 'Name'],
        })
      : (async function* () {})();
    await ctx.processRows(
      pending.withReplay(rows),
      rowHandler(parse, (_, row) => rawKey(row), persist(ctx, pending)),
    );
  },
};
