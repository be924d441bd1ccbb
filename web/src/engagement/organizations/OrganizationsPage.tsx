import { Button } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { formatDate } from '../../format/dates';
import type { Column } from '../../table/DataTable';
import { SelectFilter } from '../../table/SelectFilter';
import { TextFilter } from '../../table/TextFilter';
import { useTableParams } from '../../table/useTableParams';
import { useEngagementAccess } from '../access';
import { ENGAGEMENT_KEY, getOrganizationTypes } from '../api';
import { ORGANIZATIONS_PAGE, recordPath } from '../pages';
import { ORGANIZATION_SORTS, type OrganizationRow, type SortOf } from '../types';
import { ListPage } from '../ui/ListPage';
import { ListView } from '../ui/ListView';
import { PurgeButton } from '../ui/PurgeButton';
import { RecordLink } from '../ui/RecordLink';
import { useList } from '../ui/useList';

type Sort = SortOf<typeof ORGANIZATION_SORTS>;

const columns: readonly Column<OrganizationRow, Sort>[] = [
  {
    key: 'name',
    header: 'Name',
    sortKey: 'name',
    render: (row) => (
      <RecordLink to={recordPath(ORGANIZATIONS_PAGE, row.id)}>{row.name}</RecordLink>
    ),
  },
  { key: 'type', header: 'Type', sortKey: 'type', render: (row) => row.type },
  {
    key: 'billingCity',
    header: 'City',
    sortKey: 'billingCity',
    render: (row) => row.billingCity ?? '—',
  },
  {
    key: 'volunteers',
    header: 'Volunteers',
    sortKey: 'volunteers',
    render: (row) => row.volunteers,
  },
  {
    key: 'lastActivityDate',
    header: 'Last activity',
    sortKey: 'lastActivityDate',
    render: (row) => (row.lastActivityDate ? formatDate(row.lastActivityDate) : '—'),
  },
];

/** `/engagement/organizations`: the partner organizations, with their volunteer counts. */
export function OrganizationsPage() {
  const access = useEngagementAccess();
  const types = useQuery({
    queryKey: [...ENGAGEMENT_KEY, 'organizations', 'types'],
    queryFn: ({ signal }) => getOrganizationTypes(signal),
  });
  const table = useTableParams({
    tableId: 'engagement.organizations',
    filters: { search: {}, type: {} },
    sortColumns: ORGANIZATION_SORTS,
    defaultSort: { column: 'name', order: 'asc' },
  });
  const organizations = useList<OrganizationRow, keyof typeof table.filters, Sort>(
    'organizations',
    table,
    { sort: 'name', order: 'asc' },
  );
  return (
    <ListPage
      title="Organizations"
      description="Businesses and nonprofits whose people volunteer."
      actions={
        <>
          {access.canDestroy && (
            <PurgeButton
              resource="organizations"
              noun="organizations"
              tenantSlug={access.tenantSlug}
            />
          )}
          {access.canEdit && (
            <Button component={Link} to={`${ORGANIZATIONS_PAGE.path}/new`}>
              New organization
            </Button>
          )}
        </>
      }
      filters={
        <>
          <TextFilter
            label="Search"
            placeholder="Name or city"
            value={table.filters.search}
            onChange={(value) => table.setFilter('search', value)}
          />
          <SelectFilter
            label="Type"
            anyLabel="Any type"
            options={(types.data?.types ?? []).map((type) => ({ value: type, label: type }))}
            value={table.filters.type}
            onChange={(value) => table.setFilter('type', value)}
          />
        </>
      }
    >
      <ListView
        label="Organizations"
        table={table}
        query={organizations}
        columns={columns}
        rowKey={(row) => row.id}
        empty={{
          title: 'No organizations yet',
          description: 'Import them from Salesforce, or add one with New organization.',
        }}
      />
    </ListPage>
  );
}
