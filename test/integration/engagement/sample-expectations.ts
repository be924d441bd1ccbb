import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { StepCounts } from '../../../src/core/imports/types.js';

/*
 * The counts an import of a Salesforce export folder must report, derived independently from the
 * CSV files with csv-parse and the documented rules (DOMAIN.md §2.2–2.3): which rows each step
 * uses, which are skipped (households, drafts, other participant types, tasks without WhoId,
 * repeated student-event pairs, references not in the export → pending), which are rejected
 * (invalid dates).
 */

type Row = Record<string, string>;

export function readCsv(dir: string, object: string): Row[] {
  return parse(readFileSync(path.join(dir, `${object}.csv`)), {
    columns: true,
    bom: true,
    skip_empty_lines: true,
  });
}

const lower = (value: string | undefined) => (value ?? '').trim().toLowerCase();

/** Independent checks of the typed columns (empty is always valid). */
const blank = (value: string | undefined) => !value?.trim();
const isDate = (value: string | undefined) => {
  if (blank(value)) return true;
  const date = new Date(`${value}T00:00:00Z`);
  return (
    /^\d{4}-\d{2}-\d{2}$/.test(value ?? '') &&
    !Number.isNaN(date.getTime()) &&
    date.toISOString().slice(0, 10) === value
  );
};
const isDateTime = (value: string | undefined) =>
  blank(value) || (isDate(value?.slice(0, 10)) && !Number.isNaN(Date.parse(value ?? '')));
const isCount = (value: string | undefined) => blank(value) || /^\d+$/.test(value ?? '');
const isHours = (value: string | undefined) => blank(value) || /^\d+(\.\d+)?$/.test(value ?? '');
const isCheckbox = (value: string | undefined) =>
  blank(value) || ['true', 'false'].includes(lower(value));
const isGrade = (value: string | undefined) =>
  blank(value) || lower(value) === 'k' || (/^\d+$/.test(value ?? '') && Number(value) <= 12);
const oneOf =
  (...allowed: string[]) =>
  (value: string | undefined) =>
    blank(value) || allowed.includes(lower(value));

type Check = (value: string | undefined) => boolean;
const valid = (row: Row, checks: Record<string, Check>) =>
  Object.entries(checks).every(([column, check]) => check(row[column]));

const CONTACT_CHECKS: Record<string, Check> = {
  Birthdate: isDate,
  DoNotCall: isCheckbox,
  npsp__Do_Not_Contact__c: isCheckbox,
  HasOptedOutOfEmail: isCheckbox,
};
const KIND_CHECKS: Record<string, Record<string, Check>> = {
  teacher: {},
  student: { Current_Grade__c: isGrade },
  volunteer: { First_Volunteer_Date__c: isDate, Last_Volunteer_Date__c: isDate },
};

const counts = (partial: Partial<StepCounts>): StepCounts => {
  const full = { created: 0, updated: 0, unchanged: 0, skipped: 0, failed: 0, ...partial };
  return {
    read: full.created + full.updated + full.unchanged + full.skipped + full.failed,
    ...full,
  };
};

const contactKind = (row: Row) => {
  const type = lower(row.Contact_Type__c);
  return type === '' ? 'volunteer' : type;
};

const districtName = (text: string) => lower(text).replace(/\s+school district$/, '');

export function expectedCounts(dir: string): Record<string, StepCounts> {
  const accounts = readCsv(dir, 'Account');
  const contacts = readCsv(dir, 'Contact');
  const sessions = readCsv(dir, 'Session__c');
  const participants = readCsv(dir, 'Session_Participant__c');
  const tasks = readCsv(dir, 'Task');
  const affiliations = readCsv(dir, 'npe5__Affiliation__c');
  const classes = readCsv(dir, 'Class__c');
  const tally = <T>(rows: T[], outcome: (row: T) => keyof StepCounts) => {
    const result: Partial<StepCounts> = {};
    for (const row of rows) {
      const key = outcome(row);
      result[key] = (result[key] ?? 0) + 1;
    }
    return counts(result);
  };

  const type = (row: Row) => lower(row.Type);
  const organizations = accounts.filter((a) => !['school district', 'school'].includes(type(a)));
  const organizationOutcome = (a: Row) =>
    type(a) === 'household'
      ? 'skipped'
      : valid(a, { LastActivityDate: isDate })
        ? 'created'
        : 'failed';
  const organizationIds = new Set(
    organizations.filter((a) => organizationOutcome(a) === 'created').map((a) => a.Id),
  );
  const districts = accounts.filter((a) => type(a) === 'school district');
  const schools = accounts.filter((a) => type(a) === 'school');

  const contactOutcome = (c: Row) => {
    const kind = contactKind(c);
    const checks = KIND_CHECKS[kind];
    if (!checks) return 'skipped';
    return valid(c, { ...CONTACT_CHECKS, ...checks }) ? 'created' : 'failed';
  };
  const imported = (kind: string) =>
    new Set(
      contacts
        .filter((c) => contactKind(c) === kind && contactOutcome(c) === 'created')
        .map((c) => c.Id),
    );
  const kinds = {
    volunteer: imported('volunteer'),
    teacher: imported('teacher'),
    student: imported('student'),
  };
  const contactIds = new Set([...kinds.volunteer, ...kinds.teacher, ...kinds.student]);
  const ofKind = (kind: string) => contacts.filter((c) => contactKind(c) === kind);

  const affiliationOutcome = (a: Row) =>
    !valid(a, {
      npe5__StartDate__c: isDate,
      npe5__EndDate__c: isDate,
      npe5__Primary__c: isCheckbox,
      npe5__Status__c: oneOf('current', 'former', 'past', 'pending'),
    }) ||
    !contactIds.has(a.npe5__Contact__c ?? '') ||
    !organizationIds.has(a.npe5__Organization__c ?? '')
      ? 'failed'
      : 'created';

  const sessionOutcome = (s: Row) =>
    lower(s.Session_Status__c) === 'draft'
      ? 'skipped'
      : valid(s, {
            Start_Date_and_Time__c: isDateTime,
            End_Date_and_Time__c: isDateTime,
            Duration__c: isCount,
            Total_Requested_Volunteer_Jobs__c: isCount,
            Available_Slots__c: isCount,
            Format__c: oneOf('in-person', 'virtual'),
          })
        ? 'created'
        : 'failed';
  const eventIds = new Set(
    sessions.filter((s) => sessionOutcome(s) === 'created').map((s) => s.Id),
  );

  const pairs = new Set<string>();
  const participantOutcome = (p: Row) => {
    const kind = lower(p.Participant_Type__c);
    if (kind !== 'volunteer' && kind !== 'student') return 'skipped';
    const statusCheck =
      kind === 'student'
        ? oneOf('registered', 'attended', 'absent', 'excused', 'no show', 'no-show')
        : () => true;
    if (!valid(p, { Delivery_Hours__c: isHours, Status__c: statusCheck })) return 'failed';
    if (!kinds[kind].has(p.Contact__c ?? '') || !eventIds.has(p.Session__c ?? '')) return 'skipped';
    const pair = `${p.Session__c}|${p.Contact__c}`;
    if (kind === 'student' && pairs.has(pair)) return 'skipped';
    pairs.add(pair);
    return 'created';
  };
  const sessionCounts = tally(sessions, sessionOutcome);
  const participantCounts = tally(participants, participantOutcome);

  const taskOutcome = (t: Row) => {
    if (blank(t.WhoId)) return 'skipped';
    if (!isDate(t.ActivityDate)) return 'failed';
    if (!contactIds.has(t.WhoId ?? '') || (!blank(t.WhatId) && !eventIds.has(t.WhatId)))
      return 'skipped';
    return 'created';
  };

  // link_unaffiliated_events: events with no school whose district text names no district.
  const knownDistricts = new Set(districts.map((d) => districtName(d.Name ?? '')));
  const unaffiliated = sessions.filter(
    (s) =>
      eventIds.has(s.Id) &&
      blank(s.School__c) &&
      !(!blank(s.District__c) && knownDistricts.has(districtName(s.District__c ?? ''))),
  );
  const schoolDistrict = new Map(schools.map((s) => [s.Id, s.ParentId]));
  const studentSchool = new Map(
    ofKind('student')
      .filter((c) => kinds.student.has(c.Id))
      .map((c) => [c.Id, c.AccountId]),
  );
  const districtIds = new Set(districts.map((d) => d.Id));
  const linked = unaffiliated.filter((s) =>
    participants.some(
      (p) =>
        p.Session__c === s.Id &&
        lower(p.Participant_Type__c) === 'student' &&
        lower(p.Status__c) === 'attended' &&
        districtIds.has(schoolDistrict.get(studentSchool.get(p.Contact__c ?? '') ?? '') ?? ''),
    ),
  ).length;

  const sum = (a: StepCounts, b: StepCounts): StepCounts => ({
    read: a.read + b.read,
    created: a.created + b.created,
    updated: a.updated + b.updated,
    unchanged: a.unchanged + b.unchanged,
    skipped: a.skipped + b.skipped,
    failed: a.failed + b.failed,
  });

  return {
    organizations: tally(organizations, organizationOutcome),
    schools: counts({ created: districts.length + schools.length }),
    classes: tally(classes, (c) => (isCount(c.Class_Year_Number__c) ? 'created' : 'failed')),
    teachers: tally(ofKind('teacher'), contactOutcome),
    students: tally(ofKind('student'), contactOutcome),
    volunteers: tally(
      contacts.filter((c) => !['teacher', 'student'].includes(contactKind(c))),
      contactOutcome,
    ),
    affiliations: tally(affiliations, affiliationOutcome),
    events: sum(sessionCounts, participantCounts),
    history: tally(tasks, taskOutcome),
    link_unaffiliated_events: {
      read: 0,
      created: 0,
      updated: linked,
      unchanged: unaffiliated.length - linked,
      skipped: 0,
      failed: 0,
    },
    virtual_sessions: counts({}),
  };
}
