import {
  STUDENT_PARTICIPATION_STATUSES,
  type EventStatus,
  type StudentParticipationStatus,
  type TeacherParticipationStatus,
} from '../enums.js';

const compact = (raw: string) => raw.toLowerCase().replace(/[^a-z]/g, '');
const STUDENT_STATUSES = new Map<string, StudentParticipationStatus>(
  STUDENT_PARTICIPATION_STATUSES.map((status) => [compact(status), status]),
);

/** Registered, Attended, Absent, Excused, No Show (`No-Show`, any case); undefined when unknown. */
export const studentParticipationStatus = (raw: string): StudentParticipationStatus | undefined =>
  STUDENT_STATUSES.get(compact(raw));

/** Attended volunteer participation (DOMAIN.md §2.4), case-insensitive. */
export const isAttendedVolunteerStatus = (raw: string | null): boolean =>
  ['attended', 'completed', 'successfully completed'].includes((raw ?? '').trim().toLowerCase());

/**
 * A session-report educator's participation (DOMAIN.md §2.2): `attended` when the session is
 * Completed and at least one educator attended, `no_show` when it is Completed without them;
 * cancelled and no-show sessions carry over; anything else is `registered`.
 */
export function teacherParticipationStatus(
  sessionStatus: EventStatus,
  attendedEducators: number,
): TeacherParticipationStatus {
  switch (sessionStatus) {
    case 'Completed':
      return attendedEducators >= 1 ? 'attended' : 'no_show';
    case 'Cancelled':
      return 'cancelled';
    case 'No Show':
      return 'no_show';
    default:
      return 'registered';
  }
}
