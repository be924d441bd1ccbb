import { Anchor, Text } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { queryString } from '../api/queryString';
import { formatHours, formatInteger } from './format';
import { organizationDetailPath } from './pages';
import type { OrganizationsSummary } from './types';
import type { KeyedRow } from './useReport';
import { YearListReport } from './YearListReport';

const SORT_COLUMNS = ['organization', 'uniqueSessions', 'hours', 'uniqueVolunteers'];

function OrganizationCell({ row }: { row: KeyedRow }) {
  const [searchParams] = useSearchParams();
  if (row.organizationId === null) return <Text size="sm">{row.organization}</Text>;
  const year = searchParams.get('schoolYear') ?? '';
  return (
    <Anchor
      component={Link}
      to={`${organizationDetailPath(String(row.organizationId))}${queryString({ schoolYear: year })}`}
      size="sm"
    >
      {row.organization}
    </Anchor>
  );
}

/** `/engagement/reports/organizations`: the organizations credited with volunteers' participations. */
export function OrganizationsPage() {
  return (
    <YearListReport<OrganizationsSummary>
      name="organizations"
      title="Organizations"
      description="Sessions, hours and volunteers credited to each organization by its volunteers' affiliations; Independent gathers volunteers without one."
      sortColumns={SORT_COLUMNS}
      withLifetime
      stats={(s) => [
        { label: 'Organizations', value: formatInteger(s.organizations) },
        { label: 'Sessions', value: formatInteger(s.sessions) },
        { label: 'Hours', value: formatHours(s.hours) },
        { label: 'Volunteers', value: formatInteger(s.volunteers) },
      ]}
      emptyTitle="No organization was credited in this period"
      renderers={{ organization: (row) => <OrganizationCell row={row} /> }}
    />
  );
}
