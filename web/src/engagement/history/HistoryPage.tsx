import { useQuery } from '@tanstack/react-query';
import { formatDate } from '../../format/dates';
import type { Column } from '../../table/DataTable';
import { DateFilter } from '../../table/DateFilter';
import { SelectFilter } from '../../table/SelectFilter';
import { TextFilter } from '../../table/TextFilter';
import { useTableParams } from '../../table/useTableParams';
import { ENGAGEMENT_KEY, getHistoryFilters } from '../api';
import {
  EVENTS_PAGE,
  HISTORY_PAGE,
  recordPath,
  STUDENTS_PAGE,
  TEACHERS_PAGE,
  VOLUNTEERS_PAGE,
} from '../pages';
import { HISTORY_SORTS, type ActivityRow, type SortOf } from '../types';
import { ListPage } from '../ui/ListPage';
import { ListView } from '../ui/ListView';
import { RecordLink } from '../ui/RecordLink';
import { useList } from '../ui/useList';

type Sort = SortOf<typeof HISTORY_SORTS>;

const PEOPLE_PAGES = { volunteer: VOLUNTEERS_PAGE, teacher: TEACHERS_PAGE, student: STUDENTS_PAGE };

/** The page of the person an activity is about. */
export const personPath = (row: Pick<ActivityRow, 'contactKind' | 'contactId'>) =>
  recordPath(PEOPLE_PAGES[row.contactKind], row.contactId);

const columns: readonly Column<ActivityRow, Sort>[] = [
  {
    key: 'activityDate',
    header: 'Date',
    sortKey: 'activityDate',
    render: (row) => (row.activityDate ? formatDate(row.activityDate) : '—'),
  },
  { key: 'type', header: 'Type', sortKey: 'type', render: (row) => row.type ?? '—' },
  {
    key: 'subject',
    header: 'Subject',
    sortKey: 'subject',
    render: (row) => (
      <RecordLink to={recordPath(HISTORY_PAGE, row.id)}>{row.subject ?? 'No subject'}</RecordLink>
    ),
  },
  {
    key: 'contact',
    header: 'Person',
    sortKey: 'contact',
    render: (row) => <RecordLink to={personPath(row)}>{row.contact}</RecordLink>,
  },
  {
    key: 'event',
    header: 'Event',
    sortKey: 'event',
    render: (row) =>
      row.eventId ? (
        <RecordLink to={recordPath(EVENTS_PAGE, row.eventId)}>{row.event}</RecordLink>
      ) : (
        '—'
      ),
  },
  { key: 'status', header: 'Status', sortKey: 'status', render: (row) => row.status ?? '—' },
];

/** `/engagement/history`: calls, emails and meetings with people (DOMAIN §2.6). */
export function HistoryPage() {
  const values = useQuery({
    queryKey: [...ENGAGEMENT_KEY, 'history', 'filters'],
    queryFn: ({ signal }) => getHistoryFilters(signal),
  });
  const table = useTableParams({
    tableId: 'engagement.history',
    filters: { search: {}, type: {}, status: {}, from: {}, to: {} },
    sortColumns: HISTORY_SORTS,
    defaultSort: { column: 'activityDate', order: 'desc' },
  });
  const history = useList<ActivityRow, keyof typeof table.filters, Sort>('history', table, {
    sort: 'activityDate',
    order: 'desc',
  });
  const options = (list: string[] | undefined) => (list ?? []).map((v) => ({ value: v, label: v }));
  return (
    <ListPage
      title="History"
      description="Calls, emails, meetings and other activities with volunteers, teachers and students."
      filters={
        <>
          <TextFilter
            label="Search"
            placeholder="Subject, description or person"
            value={table.filters.search}
            onChange={(value) => table.setFilter('search', value)}
          />
          <SelectFilter
            label="Activity type"
            anyLabel="Any type"
            options={options(values.data?.types)}
            value={table.filters.type}
            onChange={(value) => table.setFilter('type', value)}
          />
          <SelectFilter
            label="Status"
            anyLabel="Any status"
            options={options(values.data?.statuses)}
            value={table.filters.status}
            onChange={(value) => table.setFilter('status', value)}
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
        label="History"
        table={table}
        query={history}
        columns={columns}
        rowKey={(row) => row.id}
        empty={{
          title: 'No history yet',
          description: 'Activities arrive with the Salesforce import.',
        }}
      />
    </ListPage>
  );
}
