import { formatHours, formatInteger } from './format';
import type { VolunteerTotals } from './types';
import { YearListReport } from './YearListReport';

const SORT_COLUMNS = [
  'name',
  'firstVolunteerDate',
  'events',
  'hours',
  'organization',
  'title',
  'eventList',
];

/** `/engagement/reports/first-time-volunteers`. */
export function FirstTimeVolunteersPage() {
  return (
    <YearListReport<VolunteerTotals>
      name="first-time-volunteers"
      title="First-time volunteers"
      description="Volunteers whose first attended completed event falls in the school year."
      sortColumns={SORT_COLUMNS}
      stats={(s) => [
        { label: 'First-time volunteers', value: formatInteger(s.count) },
        { label: 'Events', value: formatInteger(s.events) },
        { label: 'Hours', value: formatHours(s.hours) },
      ]}
      emptyTitle="No first-time volunteers in this school year"
    />
  );
}
