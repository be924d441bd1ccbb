/**
 * A deterministic Salesforce export for the engagement import benchmark: the same seed always
 * writes the same files. Proportions follow a mid-size partnership: many students per event,
 * a few volunteers per event, most people attending a handful of events.
 */
import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';

export interface ExportSize {
  volunteerParticipations: number;
  studentParticipations: number;
}

/** mulberry32: a small, fast, seedable PRNG. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = [
  'Ana',
  'Ben',
  'Carla',
  'Dev',
  'Elena',
  'Femi',
  'Gus',
  'Hana',
  'Ivan',
  'Jada',
  'Kai',
  'Lena',
];
const LAST = [
  'Adams',
  'Brooks',
  'Chen',
  'Diaz',
  'Evans',
  'Flores',
  'Garcia',
  'Hughes',
  'Ito',
  'Jones',
];
const TYPES = [
  'Career Speaker',
  'Career Fair',
  'Math Relays',
  'Virtual Session',
  'Mentoring',
  'Workplace Visit',
];
const STATUSES = [
  'Completed',
  'Completed',
  'Completed',
  'Confirmed',
  'Cancelled',
  'Teacher No-Show',
];
const VOLUNTEER_STATUSES = [
  'Attended',
  'Attended',
  'Successfully Completed',
  'Registered',
  'No-Show',
];
const STUDENT_STATUSES = ['Attended', 'Attended', 'Attended', 'Registered', 'Absent', 'Excused'];

const quote = (value: string | number) => `"${String(value).replace(/"/g, '""')}"`;

/** Streams one CSV file (every field quoted, CRLF), respecting back-pressure. */
async function writeCsv(
  dir: string,
  object: string,
  header: readonly string[],
  rows: Iterable<(string | number)[]>,
): Promise<number> {
  const out = createWriteStream(path.join(dir, `${object}.csv`));
  let count = 0;
  const line = (cells: readonly (string | number)[]) => `${cells.map(quote).join(',')}\r\n`;
  out.write(line(header));
  for (const row of rows) {
    count++;
    if (!out.write(line(row))) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return count;
}

const id = (prefix: string, n: number) => `${prefix}${String(n).padStart(15, '0')}`;
const day = (offset: number) =>
  new Date(Date.UTC(2023, 7, 1) + offset * 86_400_000).toISOString().slice(0, 10);

/** Writes the export; returns the number of data rows per object. */
export async function writeEngagementExport(
  dir: string,
  size: ExportSize,
  seed = 42,
): Promise<Record<string, number>> {
  mkdirSync(dir, { recursive: true });
  const rand = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
  const int = (n: number) => Math.floor(rand() * n);

  const events = Math.max(1, Math.round(size.studentParticipations / 25));
  const students = Math.max(1, Math.round(size.studentParticipations / 5));
  const volunteers = Math.max(1, Math.round(size.volunteerParticipations / 5));
  const districts = 8;
  const schools = 120;
  const organizations = Math.max(1, Math.round(volunteers / 20));
  const teachers = schools * 15;
  const classes = schools * 4;
  const counts: Record<string, number> = {};

  counts.Account = await writeCsv(
    dir,
    'Account',
    ['Id', 'Name', 'Type', 'ParentId', 'BillingPostalCode', 'LastActivityDate'],
    (function* () {
      for (let d = 0; d < districts; d++)
        yield [id('001D', d), `District ${d}`, 'School District', '', '', ''];
      for (let s = 0; s < schools; s++) {
        const level = pick(['Elementary', 'Middle School', 'High School']);
        yield [id('001S', s), `School ${s} ${level}`, 'School', id('001D', s % districts), '', ''];
      }
      for (let o = 0; o < organizations; o++) {
        const type = o % 40 === 0 ? '' : pick(['Business', 'Non-Profit', 'Government']);
        yield [
          id('001O', o),
          `Organization ${o}`,
          type,
          '',
          `6${int(10)}${int(10)}01`,
          day(int(700)),
        ];
      }
    })(),
  );
  counts.Class__c = await writeCsv(
    dir,
    'Class__c',
    ['Id', 'Name', 'School__c', 'Class_Year_Number__c'],
    (function* () {
      for (let c = 0; c < classes; c++) {
        yield [id('a0C', c), `Class ${c}`, id('001S', c % schools), 2026 + (c % 8)];
      }
    })(),
  );
  counts.Contact = await writeCsv(
    dir,
    'Contact',
    [
      'Id',
      'AccountId',
      'FirstName',
      'LastName',
      'Email',
      'npe01__WorkEmail__c',
      'npsp__Primary_Affiliation__c',
      'Title',
      'Birthdate',
      'Local_Student_ID__c',
      'Class__c',
      'Current_Grade__c',
      'DoNotCall',
      'MailingPostalCode',
      'Contact_Type__c',
    ],
    (function* () {
      for (let t = 0; t < teachers; t++) {
        const [first, last] = [pick(FIRST), pick(LAST)];
        yield [
          id('003T', t),
          id('001S', t % schools),
          first,
          last,
          `${first}.${last}${t}@schools.example.org`,
          '',
          '',
          'Teacher',
          '',
          '',
          '',
          '',
          'false',
          '',
          'Teacher',
        ];
      }
      for (let s = 0; s < students; s++) {
        yield [
          id('003P', s),
          id('001S', s % schools),
          pick(FIRST),
          pick(LAST),
          '',
          '',
          '',
          '',
          day(-5000 - int(3000)),
          String(100000 + s),
          id('a0C', s % classes),
          String(int(13)),
          'false',
          '',
          'Student',
        ];
      }
      for (let v = 0; v < volunteers; v++) {
        const [first, last] =
          v % 50 === 0
            ? [pick(FIRST).toUpperCase(), pick(LAST).toUpperCase()]
            : [pick(FIRST), pick(LAST)];
        yield [
          id('003V', v),
          '',
          first,
          last,
          ` ${first}.${last}${v}@Example.com `,
          `${last}${v}@work.example.com`,
          id('001O', v % organizations),
          'Engineer',
          '',
          '',
          '',
          '',
          String(v % 30 === 0),
          `${pick(['640', '641', '660', '645', '750'])}${String(int(100)).padStart(2, '0')}`,
          v % 10 === 0 ? '' : 'Volunteer',
        ];
      }
    })(),
  );
  counts.npe5__Affiliation__c = await writeCsv(
    dir,
    'npe5__Affiliation__c',
    [
      'Id',
      'npe5__Organization__c',
      'npe5__Contact__c',
      'npe5__Role__c',
      'npe5__Primary__c',
      'npe5__Status__c',
      'npe5__StartDate__c',
      'npe5__EndDate__c',
    ],
    (function* () {
      for (let v = 0; v < volunteers; v++) {
        const former = v % 5 === 0;
        yield [
          id('a0A', v),
          id('001O', v % organizations),
          id('003V', v),
          'Employee',
          'true',
          former ? 'Former' : 'Current',
          day(-int(2000)),
          former ? day(int(300)) : '',
        ];
      }
    })(),
  );
  counts.Session__c = await writeCsv(
    dir,
    'Session__c',
    [
      'Id',
      'Name',
      'Session_Type__c',
      'Format__c',
      'Start_Date_and_Time__c',
      'End_Date_and_Time__c',
      'Duration__c',
      'Session_Status__c',
      'School__c',
      'District__c',
      'Total_Requested_Volunteer_Jobs__c',
      'Available_Slots__c',
    ],
    (function* () {
      // Drafts (skipped by the import) come last and have no participants yet.
      for (let e = 0; e < events + Math.round(events / 50); e++) {
        const type = pick(TYPES);
        const start = new Date(
          Date.UTC(2023, 7, 1) + int(700) * 86_400_000 + (14 + int(6)) * 3_600_000,
        );
        const minutes = pick([45, 60, 90, 120]);
        const school = e % 12 === 0 ? '' : id('001S', int(schools));
        yield [
          id('a0B', e),
          `${type} ${e}`,
          type,
          type === 'Virtual Session' ? 'Virtual' : 'In-Person',
          start.toISOString().replace('Z', '+0000'),
          new Date(start.getTime() + minutes * 60_000).toISOString().replace('Z', '+0000'),
          minutes,
          e >= events ? 'Draft' : pick(STATUSES),
          school,
          school ? '' : `District ${int(districts)}`,
          1 + int(10),
          int(5),
        ];
      }
    })(),
  );
  counts.Session_Participant__c = await writeCsv(
    dir,
    'Session_Participant__c',
    [
      'Id',
      'Contact__c',
      'Session__c',
      'Participant_Type__c',
      'Status__c',
      'Delivery_Hours__c',
      'Email__c',
      'Title__c',
    ],
    (function* () {
      let n = 0;
      for (let p = 0; p < size.volunteerParticipations; p++) {
        // One in a thousand names a volunteer missing from the export (pending, flagged).
        const volunteer = p % 1000 === 999 ? volunteers + p : int(volunteers);
        yield [
          id('a0E', n++),
          id('003V', volunteer),
          id('a0B', int(events)),
          'Volunteer',
          pick(VOLUNTEER_STATUSES),
          p % 3 === 0 ? '' : pick(['1', '1.5', '2']),
          '',
          'Engineer',
        ];
      }
      // Students attend events in class-sized groups: (event, student) pairs are distinct.
      for (let p = 0; p < size.studentParticipations; p++) {
        const event = p % events;
        const student = (Math.floor(p / events) * 7919 + event * 31) % students;
        yield [
          id('a0E', n++),
          id('003P', student),
          id('a0B', event),
          'Student',
          pick(STUDENT_STATUSES),
          '',
          '',
          '',
        ];
      }
    })(),
  );
  counts.Task = await writeCsv(
    dir,
    'Task',
    ['Id', 'WhoId', 'WhatId', 'Subject', 'Type', 'Status', 'ActivityDate'],
    (function* () {
      for (let t = 0; t < volunteers; t++) {
        yield [
          id('00T', t),
          id('003V', int(volunteers)),
          t % 3 === 0 ? id('a0B', int(events)) : '',
          'Follow up',
          pick(['Call', 'Email', 'Meeting']),
          'Completed',
          day(int(700)),
        ];
      }
    })(),
  );
  return counts;
}
