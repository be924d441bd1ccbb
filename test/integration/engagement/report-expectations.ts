import { readCsv } from './sample-expectations.js';

/*
 * The engagement reports of one school year, computed from the Salesforce export files alone with
 * the rules of DOMAIN.md §2.1–2.4 (row validity as the import applies it, status mapping, hours
 * fallback, district attribution, credited organizations, first-time volunteers), in plain
 * TypeScript: an independent check of the SQL in src/modules/engagement/reports/metrics.
 */

type Row = Record<string, string>;

const lower = (value: string | undefined) => (value ?? '').trim().toLowerCase();
const blank = (value: string | undefined) => !value?.trim();

function isDate(value: string | undefined): boolean {
  if (blank(value)) return true;
  const date = new Date(`${value ?? ''}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}
const isDateTime = (value: string | undefined) =>
  blank(value) || (isDate(value?.slice(0, 10)) && !Number.isNaN(Date.parse(value ?? '')));
const isCount = (value: string | undefined) => blank(value) || /^\d+$/.test(value ?? '');
const isCheckbox = (value: string | undefined) =>
  blank(value) || ['true', 'false'].includes(lower(value));
const isGrade = (value: string | undefined) =>
  blank(value) || lower(value) === 'k' || (/^\d+$/.test(value ?? '') && Number(value) <= 12);

/** `2025-03-05T14:15:00.000+0000` → epoch ms. */
const instant = (value: string) => Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));

const districtKey = (name: string) => lower(name).replace(/\s+school district$/, '');
const TIMEZONE = 'America/Chicago';
const localDay = (ms: number) =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: TIMEZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(ms));

interface Event {
  id: string;
  title: string;
  start: number | null;
  day: string | null;
  completed: boolean;
  virtual: boolean;
  schoolId: string | null;
  districtId: string | null;
  minutes: number | null;
  end: number | null;
}

interface Attendance {
  eventId: string;
  contactId: string;
  hours: number;
}

export interface ExpectedMeasures {
  events: number;
  inPersonEvents: number;
  virtualEvents: number;
  studentParticipations: number;
  uniqueStudents: number;
  volunteerEngagements: number;
  uniqueVolunteers: number;
  volunteerHours: number;
  organizations: number;
  schools: number;
}

const name = (c: Row | undefined) =>
  lower(`${c?.FirstName?.trim() ?? ''} ${c?.LastName?.trim() ?? ''}`);

export function expectedReports(dir: string, schoolYear: string) {
  const accounts = readCsv(dir, 'Account');
  const contactsCsv = readCsv(dir, 'Contact');
  const sessions = readCsv(dir, 'Session__c');
  const participants = readCsv(dir, 'Session_Participant__c');
  const affiliationsCsv = readCsv(dir, 'npe5__Affiliation__c');

  const type = (a: Row) => lower(a.Type);
  const districts = new Map(
    accounts.filter((a) => type(a) === 'school district').map((a) => [a.Id ?? '', a]),
  );
  const schools = new Map(accounts.filter((a) => type(a) === 'school').map((a) => [a.Id ?? '', a]));
  const organizations = new Map(
    accounts
      .filter(
        (a) =>
          !['school district', 'school', 'household'].includes(type(a)) &&
          isDate(a.LastActivityDate),
      )
      .map((a) => [a.Id ?? '', a]),
  );
  const districtOfSchool = (schoolId: string | null) => {
    const parent = schoolId ? schools.get(schoolId)?.ParentId : undefined;
    return parent && districts.has(parent) ? parent : null;
  };

  const kindOf = (c: Row) =>
    lower(c.Contact_Type__c) === '' ? 'volunteer' : lower(c.Contact_Type__c);
  const contactValid = (c: Row) =>
    isDate(c.Birthdate) &&
    isCheckbox(c.DoNotCall) &&
    isCheckbox(c.npsp__Do_Not_Contact__c) &&
    isCheckbox(c.HasOptedOutOfEmail) &&
    (kindOf(c) !== 'student' || isGrade(c.Current_Grade__c)) &&
    (kindOf(c) !== 'volunteer' ||
      (isDate(c.First_Volunteer_Date__c) && isDate(c.Last_Volunteer_Date__c)));
  const contacts = new Map(
    contactsCsv
      .filter((c) => ['volunteer', 'teacher', 'student'].includes(kindOf(c)) && contactValid(c))
      .map((c) => [c.Id ?? '', c]),
  );
  const isKind = (id: string, kind: string) => {
    const c = contacts.get(id);
    return c !== undefined && kindOf(c) === kind;
  };

  // Events: not drafts, valid rows; completed = Completed, "Successfully Completed" or Simulcast.
  const rawStatus = (s: Row) => lower(s.Session_Status__c).replace(/\s+/g, ' ');
  const sessionValid = (s: Row) =>
    rawStatus(s) !== 'draft' &&
    isDateTime(s.Start_Date_and_Time__c) &&
    isDateTime(s.End_Date_and_Time__c) &&
    isCount(s.Duration__c) &&
    isCount(s.Total_Requested_Volunteer_Jobs__c) &&
    isCount(s.Available_Slots__c) &&
    (blank(s.Format__c) || ['in-person', 'virtual'].includes(lower(s.Format__c)));
  const imported = sessions.filter(sessionValid);
  const eventIds = new Set(imported.map((s) => s.Id));

  // Student participations kept by the import: the first row of each (session, student) pair.
  const studentRows: Row[] = [];
  const pairs = new Set<string>();
  for (const p of participants) {
    if (lower(p.Participant_Type__c) !== 'student') continue;
    if (!isKind(p.Contact__c ?? '', 'student') || !eventIds.has(p.Session__c)) continue;
    const pair = `${p.Session__c}|${p.Contact__c}`;
    if (pairs.has(pair)) continue;
    pairs.add(pair);
    studentRows.push(p);
  }
  const attendedStudents = studentRows.filter((p) => lower(p.Status__c) === 'attended');

  // link_unaffiliated_events: the most frequent district of the attending students' schools.
  const inferred = new Map<string, string>();
  const votes = new Map<string, Map<string, number>>();
  for (const p of attendedStudents) {
    const district = districtOfSchool(contacts.get(p.Contact__c ?? '')?.AccountId ?? null);
    if (!district) continue;
    const tally = votes.get(p.Session__c ?? '') ?? new Map<string, number>();
    tally.set(district, (tally.get(district) ?? 0) + 1);
    votes.set(p.Session__c ?? '', tally);
  }
  for (const [eventId, tally] of votes) {
    const [winner] = [...tally].sort(
      (a, b) =>
        b[1] - a[1] ||
        (districts.get(a[0])?.Name ?? '').localeCompare(districts.get(b[0])?.Name ?? '') ||
        a[0].localeCompare(b[0]),
    );
    if (winner) inferred.set(eventId, winner[0]);
  }
  const byName = new Map([...districts].map(([id, d]) => [districtKey(d.Name ?? ''), id]));

  const events = new Map<string, Event>(
    imported.map((s) => {
      const schoolId = s.School__c && schools.has(s.School__c) ? s.School__c : null;
      const named = blank(s.District__c)
        ? null
        : (byName.get(districtKey(s.District__c ?? '')) ?? null);
      const districtId =
        districtOfSchool(schoolId) ??
        named ??
        (schoolId === null ? (inferred.get(s.Id ?? '') ?? null) : null);
      const start = blank(s.Start_Date_and_Time__c)
        ? null
        : instant(s.Start_Date_and_Time__c ?? '');
      const status = rawStatus(s);
      return [
        s.Id ?? '',
        {
          id: s.Id ?? '',
          title: s.Name ?? '',
          start,
          day: start === null ? null : localDay(start),
          completed: ['completed', 'successfully completed', 'simulcast'].includes(status),
          virtual: blank(s.Format__c)
            ? lower(s.Session_Type__c) === 'virtual session'
            : lower(s.Format__c) === 'virtual',
          schoolId,
          districtId,
          minutes: blank(s.Duration__c) ? null : Number(s.Duration__c),
          end: blank(s.End_Date_and_Time__c) ? null : instant(s.End_Date_and_Time__c ?? ''),
        },
      ];
    }),
  );

  const start = Number(schoolYear.slice(0, 4));
  const inYear = (e: Event) =>
    e.completed &&
    e.day !== null &&
    e.day >= `${String(start)}-08-01` &&
    e.day < `${String(start + 1)}-08-01`;
  const yearEvents = [...events.values()].filter(inYear);
  const yearIds = new Set(yearEvents.map((e) => e.id));

  // Attended volunteer participations, one per (event, volunteer), with the hours fallback.
  const hoursOf = (p: Row, e: Event) => {
    // Stored as numeric(8, 2).
    if (!blank(p.Delivery_Hours__c)) return Math.round(Number(p.Delivery_Hours__c) * 100) / 100;
    if (e.minutes !== null) return e.minutes / 60;
    if (e.end !== null && e.start !== null) return Math.max((e.end - e.start) / 3_600_000, 1);
    return 0;
  };
  const attendedAll = new Map<string, Attendance>();
  for (const p of participants) {
    if (lower(p.Participant_Type__c) !== 'volunteer') continue;
    if (!['attended', 'completed', 'successfully completed'].includes(lower(p.Status__c))) continue;
    const event = events.get(p.Session__c ?? '');
    if (!event?.completed || !isKind(p.Contact__c ?? '', 'volunteer')) continue;
    const key = `${event.id}|${p.Contact__c ?? ''}`;
    const hours = hoursOf(p, event);
    const before = attendedAll.get(key);
    if (!before || hours > before.hours)
      attendedAll.set(key, { eventId: event.id, contactId: p.Contact__c ?? '', hours });
  }
  const attended = [...attendedAll.values()].filter((a) => yearIds.has(a.eventId));

  // Credited organizations: dated Current/Past affiliations, else the primary one, else Independent.
  const affiliations = affiliationsCsv.filter(
    (a) =>
      isDate(a.npe5__StartDate__c) &&
      isDate(a.npe5__EndDate__c) &&
      isCheckbox(a.npe5__Primary__c) &&
      ['current', 'former', 'past', 'pending'].includes(lower(a.npe5__Status__c)) &&
      contacts.has(a.npe5__Contact__c ?? '') &&
      organizations.has(a.npe5__Organization__c ?? ''),
  );
  const credited = (a: Attendance): (string | null)[] => {
    const day = events.get(a.eventId)?.day ?? '';
    const dated = affiliations.filter(
      (f) =>
        f.npe5__Contact__c === a.contactId &&
        ['current', 'former', 'past'].includes(lower(f.npe5__Status__c)) &&
        (blank(f.npe5__StartDate__c) || (f.npe5__StartDate__c ?? '') <= day) &&
        (blank(f.npe5__EndDate__c) || day <= (f.npe5__EndDate__c ?? '')),
    );
    if (dated.length > 0) return [...new Set(dated.map((f) => f.npe5__Organization__c ?? ''))];
    const primary = contacts.get(a.contactId)?.npsp__Primary_Affiliation__c ?? '';
    if (organizations.has(primary)) return [primary];
    const flagged = affiliations
      .filter((f) => f.npe5__Contact__c === a.contactId && lower(f.npe5__Primary__c) === 'true')
      .sort((x, y) => (y.npe5__StartDate__c ?? '').localeCompare(x.npe5__StartDate__c ?? ''));
    return [flagged[0]?.npe5__Organization__c ?? null];
  };

  const studentKey = (p: Row) =>
    contacts.get(p.Contact__c ?? '')?.Local_Student_ID__c?.trim() || (p.Contact__c ?? '');
  function measures(ofEvents: readonly Event[]): ExpectedMeasures {
    const ids = new Set(ofEvents.map((e) => e.id));
    const students = attendedStudents.filter((p) => ids.has(p.Session__c ?? ''));
    const studentPairs = new Set(students.map((p) => `${p.Session__c ?? ''}|${studentKey(p)}`));
    const volunteers = attended.filter((a) => ids.has(a.eventId));
    const orgs = new Set(volunteers.flatMap(credited).filter((o) => o !== null));
    return {
      events: ofEvents.length,
      inPersonEvents: ofEvents.filter((e) => !e.virtual).length,
      virtualEvents: ofEvents.filter((e) => e.virtual).length,
      studentParticipations: studentPairs.size,
      uniqueStudents: new Set(students.map(studentKey)).size,
      volunteerEngagements: volunteers.length,
      uniqueVolunteers: new Set(volunteers.map((a) => a.contactId)).size,
      volunteerHours: volunteers.reduce((sum, a) => sum + a.hours, 0),
      organizations: orgs.size,
      schools: new Set(ofEvents.flatMap((e) => (e.schoolId ? [e.schoolId] : []))).size,
    };
  }

  const districtRows = [...districts]
    .map(([id, d]) => ({
      district: d.Name ?? '',
      ...measures(yearEvents.filter((e) => e.districtId === id)),
    }))
    .filter((row) => row.events > 0)
    .sort((a, b) => a.district.localeCompare(b.district));

  const perVolunteer = (rows: readonly Attendance[]) => {
    const by = new Map<string, Attendance[]>();
    for (const a of rows) by.set(a.contactId, [...(by.get(a.contactId) ?? []), a]);
    return [...by].map(([contactId, list]) => ({
      contactId,
      name: name(contacts.get(contactId)),
      events: list.length,
      hours: list.reduce((sum, a) => sum + a.hours, 0),
      list,
    }));
  };
  const firstStart = new Map<string, number>();
  for (const a of attendedAll.values()) {
    const at = events.get(a.eventId)?.start;
    if (at === null || at === undefined) continue;
    firstStart.set(a.contactId, Math.min(firstStart.get(a.contactId) ?? Infinity, at));
  }
  const firstTime = perVolunteer(attended)
    .filter((v) => localDay(firstStart.get(v.contactId) ?? 0) >= `${String(start)}-08-01`)
    .map((v) => {
      const ordered = v.list
        .map((a) => events.get(a.eventId) as Event)
        .sort((x, y) => (x.start ?? 0) - (y.start ?? 0) || x.title.localeCompare(y.title));
      const [first] = ordered;
      return {
        name: v.name,
        firstVolunteerDate: first?.day ?? null,
        events: v.events,
        hours: v.hours,
        eventList: ordered
          .map(
            (e) =>
              `${e.title} (${(e.day ?? '').slice(5, 7)}/${(e.day ?? '').slice(8, 10)}/${(e.day ?? '').slice(0, 4)})`,
          )
          .join('; '),
      };
    });

  const organizationRows = new Map<
    string | null,
    { sessions: Set<string>; volunteers: Set<string>; hours: number }
  >();
  for (const a of attended) {
    for (const org of credited(a)) {
      const row = organizationRows.get(org) ?? {
        sessions: new Set(),
        volunteers: new Set(),
        hours: 0,
      };
      row.sessions.add(a.eventId);
      row.volunteers.add(a.contactId);
      row.hours += a.hours;
      organizationRows.set(org, row);
    }
  }

  const virtualSessions = yearEvents.filter((e) => e.virtual);
  const virtualIds = new Set(virtualSessions.map((e) => e.id));
  const presenters = attended.filter((a) => virtualIds.has(a.eventId));

  return {
    districtYearEnd: { rows: districtRows, totals: measures(yearEvents) },
    detail: (districtName: string) => {
      const id = [...districts].find(([, d]) => d.Name === districtName)?.[0];
      return yearEvents
        .filter((e) => e.districtId === id)
        .map((e) => {
          const m = measures([e]);
          return {
            event: e.title,
            date: e.day,
            students: m.studentParticipations,
            volunteers: m.volunteerEngagements,
            volunteerHours: m.volunteerHours,
          };
        });
    },
    firstTime,
    volunteerHours: perVolunteer(attended).map(({ name: n, events: count, hours }) => ({
      name: n,
      events: count,
      hours,
    })),
    organizations: [...organizationRows].map(([org, row]) => ({
      organization: org === null ? 'independent' : lower(organizations.get(org)?.Name),
      uniqueSessions: row.sessions.size,
      hours: row.hours,
      uniqueVolunteers: row.volunteers.size,
    })),
    virtualUsage: {
      sessions: virtualSessions.length,
      professionals: new Set(presenters.map((a) => a.contactId)).size,
      organizations: new Set(presenters.flatMap(credited).filter((o) => o !== null)).size,
    },
    districtNames: districtRows.map((row) => row.district),
  };
}
