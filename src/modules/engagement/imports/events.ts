import type { ImportStep, StepContext } from '../../../core/imports/types.js';
import { idsByKeys, type UpsertedRow } from '../data/bulk.js';
import { contactLookup, externalIdLookup } from '../data/lookups.js';
import {
  upsertStudentParticipations,
  upsertVolunteerParticipations,
} from '../data/participations.js';
import { upsertEvents } from '../data/records.js';
import {
  EVENT_FORMAT_LABELS,
  defaultFormat,
  eventFormat,
  eventStatus,
  eventType,
} from '../rules/events.js';
import { studentParticipationStatus } from '../rules/participations.js';
import { STUDENT_PARTICIPATION_STATUSES, type StudentParticipationStatus } from '../enums.js';
import { events, schools } from '../schema.js';
import { decideAndSave, rowHandler, SKIP, type Decision } from './kit.js';
import { PendingRows, type Unmatched } from './pending.js';

const SESSION_FIELDS = [
  'Id',
  'Name',
  'Session_Type__c',
  'Format__c',
  'Start_Date_and_Time__c',
  'End_Date_and_Time__c',
  'Duration__c',
  'Session_Status__c',
  'Cancellation_Reason__c',
  'Location_Information__c',
  'Description__c',
  'School__c',
  'District__c',
  'Total_Requested_Volunteer_Jobs__c',
  'Available_Slots__c',
  'Session_Host__c',
  'Registration_Link__c',
] as const;

const PARTICIPANT_FIELDS = [
  'Id',
  'Contact__c',
  'Session__c',
  'Participant_Type__c',
  'Status__c',
  'Delivery_Hours__c',
  'Age_Group__c',
  'Email__c',
  'Title__c',
] as const;

export const PARTICIPANTS = 'Session_Participant__c';

/** Sessions (events) except drafts. */
async function importSessions(ctx: StepContext): Promise<void> {
  const rows = ctx.source.rows('Session__c', {
    fields: SESSION_FIELDS,
    required: ['Id', 'Name', 'Session_Type__c', 'Start_Date_and_Time__c', 'Session_Status__c'],
    orderBy: 'Id',
  });
  await ctx.processRows(
    rows,
    rowHandler(
      (f) => {
        const rawStatus = f.text('Session_Status__c');
        const status = eventStatus(rawStatus);
        if (status === 'Draft') return SKIP;
        const type = eventType(f.text('Session_Type__c'));
        return {
          schoolExternalId: f.text('School__c'),
          record: {
            tenantId: ctx.tenantId,
            externalId: f.required('Id'),
            title: f.required('Name'),
            description: f.text('Description__c'),
            type,
            format: f.oneOf('Format__c', eventFormat, EVENT_FORMAT_LABELS) ?? defaultFormat(type),
            startAt: f.datetime('Start_Date_and_Time__c'),
            endAt: f.datetime('End_Date_and_Time__c'),
            durationMinutes: f.integer('Duration__c', { min: 0 }),
            status,
            rawStatus,
            cancellationReason: f.text('Cancellation_Reason__c'),
            location: f.text('Location_Information__c'),
            districtName: f.text('District__c'),
            volunteersNeeded: f.integer('Total_Requested_Volunteer_Jobs__c', { min: 0 }),
            availableSlots: f.integer('Available_Slots__c', { min: 0 }),
            registrationLink: f.text('Registration_Link__c'),
            sessionHost: f.text('Session_Host__c'),
          },
        };
      },
      (value) => value.record.externalId,
      async (tx, items) => {
        const { schoolIds } = await idsByKeys(tx, ctx.tenantId, {
          schoolIds: externalIdLookup(
            schools,
            items.map((i) => i.value.schoolExternalId),
          ),
        });
        const results = await upsertEvents(
          tx,
          items.map(({ value }) => ({
            ...value.record,
            schoolId: value.schoolExternalId
              ? (schoolIds.get(value.schoolExternalId) ?? null)
              : null,
          })),
        );
        return results.map((r) => ({ outcome: r.outcome }));
      },
    ),
    { part: 'sessions', uses: ['districts', 'schools'] },
  );
}

type Participant = 'volunteer' | 'student';

const ENTITY = {
  volunteer: 'volunteer_participation',
  student: 'student_participation',
} as const;

interface Matched {
  key: string;
  value: ParsedParticipant;
  eventId: string;
  contactId: string;
}

interface ParsedParticipant {
  type: Participant;
  externalId: string;
  contact: string;
  session: string;
  rawStatus: string | null;
  studentStatus: StudentParticipationStatus;
  deliveryHours: number | null;
  ageGroup: string | null;
  email: string | null;
  title: string | null;
}

/** Volunteer and student participations; unknown contacts or sessions wait in the pending queue. */
async function importParticipants(ctx: StepContext): Promise<void> {
  const pending = await PendingRows.load(ctx, PARTICIPANTS, 'unmatched_participation');
  const rows = ctx.source.rows(PARTICIPANTS, {
    fields: PARTICIPANT_FIELDS,
    required: ['Id', 'Contact__c', 'Session__c', 'Participant_Type__c'],
    orderBy: 'Id',
  });
  await ctx.processRows(
    pending.withReplay(rows),
    rowHandler(
      (f): ParsedParticipant | typeof SKIP => {
        const type = f.text('Participant_Type__c')?.toLowerCase();
        if (type !== 'volunteer' && type !== 'student') return SKIP;
        return {
          type,
          externalId: f.required('Id'),
          contact: f.required('Contact__c'),
          session: f.required('Session__c'),
          rawStatus: f.text('Status__c'),
          studentStatus:
            type === 'student'
              ? (f.oneOf('Status__c', studentParticipationStatus, STUDENT_PARTICIPATION_STATUSES) ??
                'Registered')
              : 'Registered',
          deliveryHours: f.number('Delivery_Hours__c', { min: 0 }),
          ageGroup: f.text('Age_Group__c'),
          email: f.text('Email__c')?.toLowerCase() ?? null,
          title: f.text('Title__c'),
        };
      },
      (value) => value.externalId,
      async (tx, items) => {
        const ofType = (type: Participant) => items.filter((i) => i.value.type === type);
        const { eventIds, volunteerIds, studentIds } = await idsByKeys(tx, ctx.tenantId, {
          eventIds: externalIdLookup(
            events,
            items.map((i) => i.value.session),
          ),
          volunteerIds: contactLookup(
            'volunteer',
            ofType('volunteer').map((i) => i.value.contact),
          ),
          studentIds: contactLookup(
            'student',
            ofType('student').map((i) => i.value.contact),
          ),
        });
        const resolved = items.map((item) => ({
          item,
          eventId: eventIds.get(item.value.session),
          contactId: (item.value.type === 'volunteer' ? volunteerIds : studentIds).get(
            item.value.contact,
          ),
        }));
        const pairs = new Set<string>();
        const unmatched: Unmatched[] = [];
        const results = await decideAndSave(
          resolved,
          async ({ item, eventId, contactId }): Promise<Decision<Matched>> => {
            const { value, key, row } = item;
            if (!eventId || !contactId) {
              const reason = !contactId
                ? `${value.type === 'volunteer' ? 'Volunteer' : 'Student'} ${value.contact} is not imported`
                : `Session ${value.session} is not imported`;
              unmatched.push({ entityType: ENTITY[value.type], row, key, reason });
              return { result: { outcome: 'skipped' } };
            }
            if (value.type === 'student') {
              const pair = `${eventId}|${contactId}`;
              if (pairs.has(pair)) return { result: { outcome: 'skipped' } };
              pairs.add(pair);
            }
            return { save: { key, value, eventId, contactId } };
          },
          async (matched) => {
            const outcomes = new Map<string, UpsertedRow>();
            const save = async (
              type: Participant,
              upsert: (rows: Matched[]) => Promise<UpsertedRow[]>,
            ) => {
              const rows = matched.filter((m) => m.value.type === type);
              const saved = await upsert(rows);
              rows.forEach((m, i) => outcomes.set(m.key, saved[i] as UpsertedRow));
              await pending.resolve(
                tx,
                ENTITY[type],
                rows.map((m, i) => ({ key: m.key, id: saved[i]?.id ?? null })),
              );
            };
            await save('volunteer', (rows) =>
              upsertVolunteerParticipations(
                tx,
                rows.map(({ value, eventId, contactId }) => ({
                  tenantId: ctx.tenantId,
                  externalId: value.externalId,
                  eventId,
                  contactId,
                  status: value.rawStatus,
                  deliveryHours: value.deliveryHours,
                  ageGroup: value.ageGroup,
                  title: value.title,
                  email: value.email,
                })),
              ),
            );
            await save('student', (rows) =>
              upsertStudentParticipations(
                tx,
                rows.map(({ value, eventId, contactId }) => ({
                  tenantId: ctx.tenantId,
                  externalId: value.externalId,
                  eventId,
                  contactId,
                  status: value.studentStatus,
                  deliveryHours: value.deliveryHours,
                  ageGroup: value.ageGroup,
                })),
              ),
            );
            return matched.map((m) => outcomes.get(m.key) ?? { outcome: 'unchanged' as const });
          },
        );
        await pending.add(tx, unmatched);
        return results;
      },
    ),
    { part: 'participants', uses: ['sessions', 'students', 'volunteers'] },
  );
}

/** Sessions, then their volunteer and student participations (DOMAIN.md §2.3). */
export const eventsStep: ImportStep = {
  name: 'events',
  dependsOn: ['organizations', 'schools', 'teachers', 'students', 'volunteers'],
  reads: ['Session__c', PARTICIPANTS],
  async run(ctx) {
    await importSessions(ctx);
    if (ctx.cancelled()) return;
    await importParticipants(ctx);
  },
};
