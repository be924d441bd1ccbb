import {
  EVENT_STATUSES,
  EVENT_TYPES,
  type EventFormat,
  type EventStatus,
  type EventType,
} from '../enums.js';

const STATUS_ALIASES: Record<string, EventStatus> = {
  'teacher no-show': 'No Show',
  'technical difficulties': 'No Show',
  'local professional no-show': 'No Show',
  'pathful professional no-show': 'No Show',
  'teacher cancelation': 'Cancelled',
  canceled: 'Cancelled',
  'successfully completed': 'Completed',
  'teacher requested': 'Requested',
  'industry chat': 'Confirmed',
  ...Object.fromEntries(EVENT_STATUSES.map((status) => [status.toLowerCase(), status])),
};

/**
 * The event status of a raw Salesforce status string (DOMAIN.md §2.1), case-insensitive;
 * anything unrecognized is `Requested` (the caller keeps the raw string).
 */
export function eventStatus(raw: string | null): EventStatus {
  const key = (raw ?? '').trim().toLowerCase().replace(/\s+/g, ' ');
  if (key.endsWith(' cancellation')) return 'Cancelled';
  return STATUS_ALIASES[key] ?? 'Requested';
}

const compact = (label: string) => label.toLowerCase().replace(/[^a-z0-9]/g, '');
const TYPES_BY_LABEL = new Map<string, EventType>(EVENT_TYPES.map((type) => [compact(type), type]));

/** The event type of a label (`Career Speaker`, `DataViz`, `IGNITE`…); unknown → `classroom_activity`. */
export function eventType(label: string | null): EventType {
  return TYPES_BY_LABEL.get(compact(label ?? '')) ?? 'classroom_activity';
}

const FORMATS: Record<string, EventFormat> = {
  inperson: 'in_person',
  virtual: 'virtual',
  virtualsession: 'virtual',
  online: 'virtual',
};

export const EVENT_FORMAT_LABELS = ['In-Person', 'Virtual'] as const;

/** `In-Person` → in_person, `Virtual` → virtual; undefined for an unknown label. */
export function eventFormat(label: string): EventFormat | undefined {
  return FORMATS[compact(label)];
}

/** The format when the source has none: virtual sessions are virtual, everything else in person. */
export const defaultFormat = (type: EventType): EventFormat =>
  type === 'virtual_session' ? 'virtual' : 'in_person';
