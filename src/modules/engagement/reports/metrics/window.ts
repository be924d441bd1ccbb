import type { EventFormat, EventStatus, EventType } from '../../enums.js';

/** Completed events (DOMAIN.md §2.4): the only ones that count in activity metrics. */
export const COMPLETED_STATUSES: readonly EventStatus[] = ['Completed', 'Simulcast'];
/** Events that did not happen, listed in an organization's Cancelled Events. */
export const CANCELLED_STATUSES: readonly EventStatus[] = ['Cancelled', 'No Show'];
/** Each attended teacher in a completed virtual session stands for this many students. */
export const STUDENTS_PER_VIRTUAL_TEACHER = 25;

/** Which events a metric query looks at. */
export interface EventWindow {
  tenantId: string;
  /** The tenant's timezone: days, months and school years are local to it. */
  timezone: string;
  /** Local days [from, to) of the events' start; open-ended when absent (lifetime). */
  from?: string;
  to?: string;
  /** Completed events unless told otherwise. */
  statuses?: readonly EventStatus[];
  eventType?: EventType;
  /** Session host, case-insensitive. */
  host?: string;
  format?: EventFormat;
  careerCluster?: string;
  /** Only events attributed to these districts (a filter, the caller's scope, or both). */
  districtIds?: readonly string[];
  /** Volunteer participations counted: attended ones (default), or every registration. */
  volunteers?: 'attended' | 'registered';
}
