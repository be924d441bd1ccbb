import { Badge, Button, Text } from '@mantine/core';
import { Link } from 'react-router';
import { formatDateTime } from '../../format/dates';
import type { Column } from '../../table/DataTable';
import { DateFilter } from '../../table/DateFilter';
import { SelectFilter } from '../../table/SelectFilter';
import { TextFilter } from '../../table/TextFilter';
import { useTableParams } from '../../table/useTableParams';
import { useEngagementAccess } from '../access';
import { EVENT_STATUS_COLORS, eventTypeLabel, FORMAT_LABELS, optionsOf } from '../labels';
import { districtPath, EVENTS_PAGE, recordPath, SCHOOLS_PAGE } from '../pages';
import {
  EVENT_FORMATS,
  EVENT_SORTS,
  EVENT_STATUSES,
  EVENT_TYPES,
  type EventRow,
  type SortOf,
} from '../types';
import { ListPage } from '../ui/ListPage';
import { ListView } from '../ui/ListView';
import { PurgeButton } from '../ui/PurgeButton';
import { RecordLink } from '../ui/RecordLink';
import { useList } from '../ui/useList';
import { usePlaces } from '../ui/usePlaces';

type Sort = SortOf<typeof EVENT_SORTS>;

export function EventStatusBadge({ status }: { status: EventRow['status'] }) {
  return (
    <Badge variant="light" color={EVENT_STATUS_COLORS[status]}>
      {status}
    </Badge>
  );
}

const columns: readonly Column<EventRow, Sort>[] = [
  {
    key: 'startAt',
    header: 'Date',
    sortKey: 'startAt',
    render: (row) => (row.startAt ? formatDateTime(row.startAt) : '—'),
  },
  {
    key: 'title',
    header: 'Title',
    sortKey: 'title',
    render: (row) => <RecordLink to={recordPath(EVENTS_PAGE, row.id)}>{row.title}</RecordLink>,
  },
  { key: 'type', header: 'Type', sortKey: 'type', render: (row) => eventTypeLabel(row.type) },
  {
    key: 'format',
    header: 'Format',
    sortKey: 'format',
    render: (row) => FORMAT_LABELS[row.format],
  },
  {
    key: 'status',
    header: 'Status',
    sortKey: 'status',
    render: (row) => <EventStatusBadge status={row.status} />,
  },
  {
    key: 'school',
    header: 'School',
    sortKey: 'school',
    render: (row) =>
      row.schoolId ? (
        <RecordLink to={recordPath(SCHOOLS_PAGE, row.schoolId)}>{row.school}</RecordLink>
      ) : (
        '—'
      ),
  },
  {
    key: 'district',
    header: 'District',
    sortKey: 'district',
    render: (row) =>
      row.districtId ? (
        <RecordLink to={districtPath(row.districtId)}>{row.district}</RecordLink>
      ) : (
        <Text span size="sm" c="dimmed">
          Unknown
        </Text>
      ),
  },
  {
    key: 'volunteers',
    header: 'Volunteers',
    sortKey: 'volunteers',
    render: (row) => row.volunteers,
  },
  { key: 'students', header: 'Students', sortKey: 'students', render: (row) => row.students },
];

/** `/engagement/events`: every event, newest first, with its school, district and attendance. */
export function EventsPage() {
  const access = useEngagementAccess();
  const { districtOptions, schoolOptions } = usePlaces();
  const table = useTableParams({
    tableId: 'engagement.events',
    filters: {
      search: {},
      type: { values: EVENT_TYPES },
      status: { values: EVENT_STATUSES },
      format: { values: EVENT_FORMATS },
      districtId: {},
      schoolId: {},
      from: {},
      to: {},
    },
    sortColumns: EVENT_SORTS,
    defaultSort: { column: 'startAt', order: 'desc' },
  });
  const events = useList<EventRow, keyof typeof table.filters, Sort>('events', table, {
    sort: 'startAt',
    order: 'desc',
  });
  return (
    <ListPage
      title="Events"
      description="Classroom visits, career fairs, virtual sessions and every other event."
      actions={
        <>
          {access.canDestroy && (
            <PurgeButton resource="events" noun="events" tenantSlug={access.tenantSlug} />
          )}
          {access.canEdit && (
            <Button component={Link} to={`${EVENTS_PAGE.path}/new`}>
              New event
            </Button>
          )}
        </>
      }
      filters={
        <>
          <TextFilter
            label="Search"
            placeholder="Title or location"
            value={table.filters.search}
            onChange={(value) => table.setFilter('search', value)}
          />
          <SelectFilter
            label="Type"
            anyLabel="Any type"
            options={optionsOf(EVENT_TYPES, eventTypeLabel)}
            value={table.filters.type}
            onChange={(value) => table.setFilter('type', value)}
          />
          <SelectFilter
            label="Status"
            anyLabel="Any status"
            options={optionsOf(EVENT_STATUSES, (s) => s)}
            value={table.filters.status}
            onChange={(value) => table.setFilter('status', value)}
          />
          <SelectFilter
            label="Format"
            anyLabel="Any format"
            options={optionsOf(EVENT_FORMATS, (f) => FORMAT_LABELS[f])}
            value={table.filters.format}
            onChange={(value) => table.setFilter('format', value)}
          />
          <SelectFilter
            label="District"
            anyLabel="Any district"
            options={districtOptions}
            value={table.filters.districtId}
            onChange={(value) => table.setFilter('districtId', value)}
          />
          <SelectFilter
            label="School"
            anyLabel="Any school"
            options={schoolOptions}
            value={table.filters.schoolId}
            onChange={(value) => table.setFilter('schoolId', value)}
          />
          <DateFilter
            label="From"
            value={table.filters.from}
            onChange={(value) => table.setFilter('from', value)}
          />
          <DateFilter
            label="To"
            value={table.filters.to}
            onChange={(value) => table.setFilter('to', value)}
          />
        </>
      }
    >
      <ListView
        label="Events"
        table={table}
        query={events}
        columns={columns}
        rowKey={(row) => row.id}
        empty={{
          title: 'No events yet',
          description: 'Import them from Salesforce, or add one with New event.',
        }}
      />
    </ListPage>
  );
}
