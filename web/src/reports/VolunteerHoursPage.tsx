import { formatHours, formatInteger } from './format';
import type { VolunteerTotals } from './types';
import { YearListReport } from './YearListReport';

const SORT_COLUMNS = ['rank', 'name', 'organization', 'title', 'events', 'hours'];

/** `/engagement/reports/volunteer-hours`: the thank-you list. */
export function VolunteerHoursPage() {
  return (
    <YearListReport<VolunteerTotals>
      name="volunteer-hours"
      title="Volunteer hours"
      description="Volunteers of the school year ranked by hours, then events, then name."
      sortColumns={SORT_COLUMNS}
      stats={(s) => [
        { label: 'Volunteers', value: formatInteger(s.count) },
        { label: 'Events', value: formatInteger(s.events) },
        { label: 'Hours', value: formatHours(s.hours) },
      ]}
      emptyTitle="No volunteer hours in this school year"
    />
  );
}
