import { describe, expect, it } from 'vitest';
import { affiliationStatus } from './affiliations.js';
import { contactEmails, normalizeEmail } from './emails.js';
import { defaultFormat, eventFormat, eventStatus, eventType } from './events.js';
import { DEFAULT_ZIP_PREFIXES, localStatus } from './local-status.js';
import { isAllCaps, personName, titleCase } from './names.js';
import { accountRole } from './organizations.js';
import {
  isAttendedVolunteerStatus,
  studentParticipationStatus,
  teacherParticipationStatus,
} from './participations.js';
import { gradeLevel, schoolLevel } from './schools.js';

describe('emails', () => {
  it('trims and lower-cases', () => {
    expect(normalizeEmail('  Sofia.Wilson@Schools.Example.Org ')).toBe(
      'sofia.wilson@schools.example.org',
    );
    expect(normalizeEmail('   ')).toBeNull();
    expect(normalizeEmail(undefined)).toBeNull();
  });

  it('keeps each address once with exactly one primary, the first present', () => {
    expect(
      contactEmails([
        ['email', null],
        ['work', ' A@Example.com'],
        ['home', 'a@example.com '],
        ['alternate', 'b@example.com'],
      ]),
    ).toEqual([
      { email: 'a@example.com', kind: 'work', isPrimary: true },
      { email: 'b@example.com', kind: 'alternate', isPrimary: false },
    ]);
    expect(
      contactEmails([
        ['email', ''],
        ['work', null],
      ]),
    ).toEqual([]);
  });
});

describe('names', () => {
  it('detects names written in capitals', () => {
    expect(isAllCaps('JOSEPH', 'TAYLOR')).toBe(true);
    expect(isAllCaps("O'BRIEN")).toBe(true);
    expect(isAllCaps('Joseph', 'TAYLOR')).toBe(false);
    expect(isAllCaps('J')).toBe(false);
    expect(isAllCaps('李', '王')).toBe(false);
  });

  it('title-cases each word, hyphenated part and apostrophe part', () => {
    expect(titleCase("O'BRIEN")).toBe("O'Brien");
    expect(titleCase('SMITH-JONES')).toBe('Smith-Jones');
    expect(titleCase('MARY KATE')).toBe('Mary Kate');
    expect(titleCase('ZOË')).toBe('Zoë');
  });

  it('title-cases a contact name only when all of it is in capitals', () => {
    expect(personName('JOSEPH', 'TAYLOR')).toEqual({
      firstName: 'Joseph',
      lastName: 'Taylor',
      middleName: null,
      wasAllCaps: true,
    });
    expect(personName('Jose', 'Van der Berg')).toMatchObject({
      lastName: 'Van der Berg',
      wasAllCaps: false,
    });
    expect(personName(null, 'NGUYEN')).toMatchObject({ firstName: '', lastName: 'Nguyen' });
  });
});

describe('event status (DOMAIN.md §2.1)', () => {
  it.each([
    ['Teacher No-Show', 'No Show'],
    ['technical difficulties', 'No Show'],
    ['Local Professional No-Show', 'No Show'],
    ['Pathful Professional No-Show', 'No Show'],
    ['Teacher Cancelation', 'Cancelled'],
    ['canceled', 'Cancelled'],
    ['CANCELLED', 'Cancelled'],
    ['Local Professional Cancellation', 'Cancelled'],
    ['Pathful Professional Cancellation', 'Cancelled'],
    ['Successfully Completed', 'Completed'],
    ['completed', 'Completed'],
    ['Teacher Requested', 'Requested'],
    ['Industry Chat', 'Confirmed'],
    ['Draft', 'Draft'],
    ['Requested', 'Requested'],
    ['Confirmed', 'Confirmed'],
    ['Published', 'Published'],
    ['No Show', 'No Show'],
    ['simulcast', 'Simulcast'],
    ['Rescheduled - TBD', 'Requested'],
    ['On Hold', 'Requested'],
    ['', 'Requested'],
  ])('%s → %s', (raw, status) => {
    expect(eventStatus(raw)).toBe(status);
  });
});

describe('event type and format', () => {
  it.each([
    ['Career Speaker', 'career_speaker'],
    ['Virtual Session', 'virtual_session'],
    ['IGNITE', 'ignite'],
    ['DataViz', 'data_viz'],
    ['HealthStart', 'healthstart'],
    ['P2T', 'p2t'],
    ['College Application Fair', 'college_application_fair'],
    ['In-Person', 'in_person'],
    ['pathway_workplace_visits', 'pathway_workplace_visits'],
    ['Lunch & Learn', 'classroom_activity'],
    ['', 'classroom_activity'],
  ])('type %s → %s', (label, type) => {
    expect(eventType(label)).toBe(type);
  });

  it('maps formats and rejects unknown ones', () => {
    expect(eventFormat('In-Person')).toBe('in_person');
    expect(eventFormat('in person')).toBe('in_person');
    expect(eventFormat('Virtual')).toBe('virtual');
    expect(eventFormat('Hybrid')).toBeUndefined();
    expect(defaultFormat('virtual_session')).toBe('virtual');
    expect(defaultFormat('career_fair')).toBe('in_person');
  });
});

describe('affiliation status', () => {
  it('maps Former to Past and rejects unknown values', () => {
    expect(affiliationStatus('Former')).toBe('Past');
    expect(affiliationStatus('current')).toBe('Current');
    expect(affiliationStatus('Pending')).toBe('Pending');
    expect(affiliationStatus('Past')).toBe('Past');
    expect(affiliationStatus('Retired')).toBeUndefined();
  });
});

describe('schools', () => {
  it('derives the level from the name', () => {
    expect(schoolLevel('Fairmount Elementary')).toBe('Elementary');
    expect(schoolLevel('Tesla Middle School')).toBe('Middle');
    expect(schoolLevel('Holmes High School')).toBe('High');
    expect(schoolLevel('Truman Academy')).toBe('Other');
    expect(schoolLevel('Highland Academy')).toBe('Other');
  });

  it('parses grades 0–12 and kindergarten', () => {
    expect(gradeLevel('0')).toBe(0);
    expect(gradeLevel('K')).toBe(0);
    expect(gradeLevel('12')).toBe(12);
    expect(gradeLevel('9.0')).toBe(9);
    expect(gradeLevel('13')).toBeUndefined();
    expect(gradeLevel('-1')).toBeUndefined();
    expect(gradeLevel('senior')).toBeUndefined();
  });
});

describe('accounts', () => {
  it('sorts Account rows into districts, schools, households and organizations', () => {
    expect(accountRole('School District')).toBe('district');
    expect(accountRole('School')).toBe('school');
    expect(accountRole('Household')).toBe('household');
    expect(accountRole('Business')).toBe('organization');
    expect(accountRole(null)).toBe('organization');
  });
});

describe('participations', () => {
  it('maps student statuses case-insensitively', () => {
    expect(studentParticipationStatus('attended')).toBe('Attended');
    expect(studentParticipationStatus('No-Show')).toBe('No Show');
    expect(studentParticipationStatus('EXCUSED')).toBe('Excused');
    expect(studentParticipationStatus('Late')).toBeUndefined();
  });

  it('knows attended volunteer statuses (DOMAIN.md §2.4)', () => {
    expect(isAttendedVolunteerStatus('successfully completed')).toBe(true);
    expect(isAttendedVolunteerStatus('ATTENDED')).toBe(true);
    expect(isAttendedVolunteerStatus('Completed')).toBe(true);
    expect(isAttendedVolunteerStatus('No-Show')).toBe(false);
    expect(isAttendedVolunteerStatus(null)).toBe(false);
  });

  it('derives teacher participation from the session and attended educators', () => {
    expect(teacherParticipationStatus('Completed', 1)).toBe('attended');
    expect(teacherParticipationStatus('Completed', 0)).toBe('no_show');
    expect(teacherParticipationStatus('Cancelled', 3)).toBe('cancelled');
    expect(teacherParticipationStatus('No Show', 0)).toBe('no_show');
    expect(teacherParticipationStatus('Confirmed', 0)).toBe('registered');
  });
});

describe('local status (DOMAIN.md §2.6)', () => {
  const decide = (attendedInPerson: boolean, zip: string | null, previous = 'unknown' as const) =>
    localStatus({ attendedInPerson, zip, previous }, DEFAULT_ZIP_PREFIXES);

  it('is local after an attended in-person participation, whatever the ZIP', () => {
    expect(decide(true, '90210')).toBe('local');
  });

  it('follows the ZIP prefix', () => {
    expect(decide(false, '64111')).toBe('local');
    expect(decide(false, '66614-1234')).toBe('local');
    expect(decide(false, '64501')).toBe('partial');
    expect(decide(false, '67202')).toBe('partial');
    expect(decide(false, '67501')).toBe('non_local');
    expect(decide(false, '75001')).toBe('non_local');
  });

  it('keeps a known previous value without data, else unknown', () => {
    expect(
      localStatus(
        { attendedInPerson: false, zip: null, previous: 'partial' },
        DEFAULT_ZIP_PREFIXES,
      ),
    ).toBe('partial');
    expect(decide(false, '')).toBe('unknown');
  });
});
