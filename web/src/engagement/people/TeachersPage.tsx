import { Badge } from '@mantine/core';
import type { Column } from '../../table/DataTable';
import { SelectFilter } from '../../table/SelectFilter';
import { TextFilter } from '../../table/TextFilter';
import { useTableParams } from '../../table/useTableParams';
import { useEngagementAccess } from '../access';
import { optionsOf, TEACHER_STATUS_LABELS } from '../labels';
import { districtPath, recordPath, SCHOOLS_PAGE, TEACHERS_PAGE } from '../pages';
import { TEACHER_SORTS, TEACHER_STATUSES, type SortOf, type TeacherRow } from '../types';
import { ListPage } from '../ui/ListPage';
import { ListView } from '../ui/ListView';
import { PurgeButton } from '../ui/PurgeButton';
import { RecordLink } from '../ui/RecordLink';
import { useList } from '../ui/useList';
import { usePlaces } from '../ui/usePlaces';

type Sort = SortOf<typeof TEACHER_SORTS>;

const columns: readonly Column<TeacherRow, Sort>[] = [
  {
    key: 'name',
    header: 'Name',
    sortKey: 'name',
    render: (row) => (
      <RecordLink to={recordPath(TEACHERS_PAGE, row.id)}>{row.name ?? 'Teacher'}</RecordLink>
    ),
  },
  { key: 'email', header: 'Email', sortKey: 'email', render: (row) => row.email ?? '—' },
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
        '—'
      ),
  },
  {
    key: 'department',
    header: 'Department',
    sortKey: 'department',
    render: (row) => row.department ?? '—',
  },
  {
    key: 'status',
    header: 'Status',
    sortKey: 'status',
    render: (row) => (
      <Badge variant="light" color={row.status === 'active' ? 'green' : 'gray'}>
        {TEACHER_STATUS_LABELS[row.status] ?? row.status}
      </Badge>
    ),
  },
  {
    key: 'sessions',
    header: 'Virtual sessions',
    sortKey: 'sessions',
    render: (row) => row.sessions,
  },
];

/** `/engagement/teachers`: the teachers of the partner schools (from imports). */
export function TeachersPage() {
  const access = useEngagementAccess();
  const { schoolOptions } = usePlaces();
  const table = useTableParams({
    tableId: 'engagement.teachers',
    filters: { search: {}, schoolId: {}, status: { values: TEACHER_STATUSES } },
    sortColumns: TEACHER_SORTS,
    defaultSort: { column: 'name', order: 'asc' },
  });
  const teachers = useList<TeacherRow, keyof typeof table.filters, Sort>('teachers', table, {
    sort: 'name',
    order: 'asc',
  });
  return (
    <ListPage
      title="Teachers"
      description="Teachers of the partner schools, and the virtual sessions they signed up for."
      actions={
        access.canDestroy && (
          <PurgeButton resource="teachers" noun="teachers" tenantSlug={access.tenantSlug} />
        )
      }
      filters={
        <>
          <TextFilter
            label="Search"
            placeholder="Name or email"
            value={table.filters.search}
            onChange={(value) => table.setFilter('search', value)}
          />
          <SelectFilter
            label="School"
            anyLabel="Any school"
            options={schoolOptions}
            value={table.filters.schoolId}
            onChange={(value) => table.setFilter('schoolId', value)}
          />
          <SelectFilter
            label="Status"
            anyLabel="Any status"
            options={optionsOf(TEACHER_STATUSES, (s) => TEACHER_STATUS_LABELS[s] ?? s)}
            value={table.filters.status}
            onChange={(value) => table.setFilter('status', value)}
          />
        </>
      }
    >
      <ListView
        label="Teachers"
        table={table}
        query={teachers}
        columns={columns}
        rowKey={(row) => row.id}
        empty={{
          title: 'No teachers yet',
          description: 'Teachers arrive with the Salesforce import.',
        }}
      />
    </ListPage>
  );
}
