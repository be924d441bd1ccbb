import type { ChartSeries } from './BarChartCard';

/** The monthly breakdown's bars (DOMAIN.md §2.5: events, students, volunteers). */
export const ACTIVITY_SERIES: readonly ChartSeries[] = [
  { name: 'events', label: 'Events', color: 'indigo.6' },
  { name: 'studentParticipations', label: 'Students', color: 'teal.6' },
  { name: 'volunteerEngagements', label: 'Volunteers', color: 'orange.6' },
];

export const VIRTUAL_SERIES: readonly ChartSeries[] = [
  { name: 'sessions', label: 'Sessions', color: 'indigo.6' },
  { name: 'experiences', label: 'Teacher experiences', color: 'teal.6' },
];
