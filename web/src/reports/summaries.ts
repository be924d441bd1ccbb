import { formatHours, formatInteger } from './format';
import type { Stat } from './StatTiles';
import type { Measures } from './types';

/** The headline figures of district activity. */
export const activityStats = (m: Measures): Stat[] => [
  { label: 'Events', value: formatInteger(m.events) },
  { label: 'Students', value: formatInteger(m.studentParticipations) },
  { label: 'Unique students', value: formatInteger(m.uniqueStudents) },
  { label: 'Virtual students (est.)', value: formatInteger(m.virtualStudentsEstimate) },
  { label: 'Volunteers', value: formatInteger(m.uniqueVolunteers) },
  { label: 'Volunteer hours', value: formatHours(m.volunteerHours) },
];
