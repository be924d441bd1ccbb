import { Badge, Button } from '@mantine/core';
import { Link } from 'react-router';
import { formatDate } from '../../format/dates';
import type { Column } from '../../table/DataTable';
import { SelectFilter } from '../../table/SelectFilter';
import { TextFilter } from '../../table/TextFilter';
import { useTableParams } from '../../table/useTableParams';
import { useEngagementAccess } from '../access';
import { LOCAL_STATUS_LABELS, optionsOf, VOLUNTEER_STATUS_LABELS } from '../labels';
import { recordPath, VOLUNTEERS_PAGE } from '../pages';
import {
  LOCAL_STATUSES,
  VOLUNTEER_SORTS,
  VOLUNTEER_STATUSES,
  type SortOf,
  type VolunteerRow,
} from '../types';
import { ListPage } from '../ui/ListPage';
import { ListView } from '../ui/ListView';
import { PurgeButton } from '../ui/PurgeButton';
import { RecordLink } from '../ui/RecordLink';
import { useList } from '../ui/useList';
import { LocalStatusButton } from './LocalStatusButton';

type Sort = SortOf<typeof VOLUNTEER_SORTS>;
const dash = (value: string | null) => value ?? '—';

export const volunteerColumns: readonly Column<VolunteerRow, Sort>[] = [
  {
    key: 'name',
    header: 'Name',
    sortKey: 'name',
    render: (row) => (
      <RecordLink to={recordPath(VOLUNTEERS_PAGE, row.id)}>{row.name || 'No name'}</RecordLink>
    ),
  },
  { key: 'email', header: 'Email', sortKey: 'email', render: (row) => dash(row.email) },
  {
    key: 'organizationName',
    header: 'Organization',
    sortKey: 'organizationName',
    render: (row) => dash(row.organizationName),
  },
  { key: 'title', header: 'Title', sortKey: 'title', render: (row) => dash(row.title) },
  {
    key: 'localStatus',
    header: 'Local status',
    sortKey: 'localStatus',
    render: (row) => LOCAL_STATUS_LABELS[row.localStatus],
  },
  {
    key: 'status',
    header: 'Status',
    sortKey: 'status',
    render: (row) => (
      <Badge variant="light" color={row.status === 'active' ? 'green' : 'gray'}>
        {VOLUNTEER_STATUS_LABELS[row.status]}
      </Badge>
    ),
  },
  {
    key: 'timesVolunteered',
    header: 'Times volunteered',
    sortKey: 'timesVolunteered',
    render: (row) => row.timesVolunteered,
  },
  {
    key: 'lastVolunteerDate',
    header: 'Last volunteered',
    sortKey: 'lastVolunteerDate',
    render: (row) => (row.lastVolunteerDate ? formatDate(row.lastVolunteerDate) : '—'),
  },
];

/** `/engagement/volunteers`: every volunteer, searchable and filterable. */
export function VolunteersPage() {
  const access = useEngagementAccess();
  const table = useTableParams({
    tableId: 'engagement.volunteers',
    filters: {
      search: {},
      status: { values: VOLUNTEER_STATUSES },
      localStatus: { values: LOCAL_STATUSES },
    },
    sortColumns: VOLUNTEER_SORTS,
    defaultSort: { column: 'name', order: 'asc' },
  });
  const volunteers = useList<VolunteerRow, keyof typeof table.filters, Sort>('volunteers', table, {
    sort: 'name',
    order: 'asc',
  });
  return (
    <ListPage
      title="Volunteers"
      description="People who volunteer with the partner organizations."
      actions={
        <>
          {access.canDestroy && <LocalStatusButton />}
          {access.canDestroy && (
            <PurgeButton resource="volunteers" noun="volunteers" tenantSlug={access.tenantSlug} />
          )}
          {access.canEdit && (
            <Button component={Link} to={`${VOLUNTEERS_PAGE.path}/new`}>
              New volunteer
            </Button>
          )}
        </>
      }
      filters={
        <>
          <TextFilter
            label="Search"
            placeholder="Name, email or organization"
            value={table.filters.search}
            onChange={(value) => table.setFilter('search', value)}
          />
          <SelectFilter
            label="Status"
            anyLabel="Any status"
            options={optionsOf(VOLUNTEER_STATUSES, (s) => VOLUNTEER_STATUS_LABELS[s])}
            value={table.filters.status}
            onChange={(value) => table.setFilter('status', value)}
          />
          <SelectFilter
            label="Local status"
            anyLabel="Any local status"
            options={optionsOf(LOCAL_STATUSES, (s) => LOCAL_STATUS_LABELS[s])}
            value={table.filters.localStatus}
            onChange={(value) => table.setFilter('localStatus', value)}
          />
        </>
      }
    >
      <ListView
        label="Volunteers"
        table={table}
        query={volunteers}
        columns={volunteerColumns}
        rowKey={(row) => row.id}
        empty={{
          title: 'No volunteers yet',
          description: 'Import them from Salesforce, or add one with New volunteer.',
        }}
      />
    </ListPage>
  );
}
