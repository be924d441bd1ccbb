import { Group, Stack, Title } from '@mantine/core';
import type { Column } from '../../table/DataTable';
import { SelectFilter } from '../../table/SelectFilter';
import { TextFilter } from '../../table/TextFilter';
import { useTableParams } from '../../table/useTableParams';
import { useEngagementAccess } from '../access';
import { optionsOf, SCHOOL_LEVEL_LABELS } from '../labels';
import { districtPath, recordPath, SCHOOLS_PAGE } from '../pages';
import {
  DISTRICT_SORTS,
  SCHOOL_LEVELS,
  SCHOOL_SORTS,
  type DistrictRow,
  type SchoolRow,
  type SortOf,
} from '../types';
import { ListPage } from '../ui/ListPage';
import { ListView } from '../ui/ListView';
import { PurgeButton } from '../ui/PurgeButton';
import { RecordLink } from '../ui/RecordLink';
import { useList } from '../ui/useList';
import { usePlaces } from '../ui/usePlaces';

type DistrictSort = SortOf<typeof DISTRICT_SORTS>;
type SchoolSort = SortOf<typeof SCHOOL_SORTS>;

const districtColumns: readonly Column<DistrictRow, DistrictSort>[] = [
  {
    key: 'name',
    header: 'District',
    sortKey: 'name',
    render: (row) => <RecordLink to={districtPath(row.id)}>{row.name}</RecordLink>,
  },
  { key: 'code', header: 'Code', sortKey: 'code', render: (row) => row.code ?? '—' },
  { key: 'schools', header: 'Schools', sortKey: 'schools', render: (row) => row.schools },
  { key: 'students', header: 'Students', sortKey: 'students', render: (row) => row.students },
];

const schoolColumns: readonly Column<SchoolRow, SchoolSort>[] = [
  {
    key: 'name',
    header: 'School',
    sortKey: 'name',
    render: (row) => <RecordLink to={recordPath(SCHOOLS_PAGE, row.id)}>{row.name}</RecordLink>,
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
  { key: 'code', header: 'Code', sortKey: 'code', render: (row) => row.code ?? '—' },
  {
    key: 'level',
    header: 'Level',
    sortKey: 'level',
    render: (row) => SCHOOL_LEVEL_LABELS[row.level],
  },
  { key: 'teachers', header: 'Teachers', sortKey: 'teachers', render: (row) => row.teachers },
  { key: 'students', header: 'Students', sortKey: 'students', render: (row) => row.students },
  { key: 'events', header: 'Events', sortKey: 'events', render: (row) => row.events },
];

function DistrictsTable() {
  const table = useTableParams({
    tableId: 'engagement.districts',
    urlPrefix: 'districts.',
    filters: { search: {} },
    sortColumns: DISTRICT_SORTS,
    defaultSort: { column: 'name', order: 'asc' },
  });
  const districts = useList<DistrictRow, 'search', DistrictSort>('districts', table, {
    sort: 'name',
    order: 'asc',
  });
  return (
    <Stack gap="sm">
      <Title order={2} size="h3">
        Districts
      </Title>
      <Group align="flex-end">
        <TextFilter
          label="Search districts"
          placeholder="Name or code"
          value={table.filters.search}
          onChange={(value) => table.setFilter('search', value)}
        />
      </Group>
      <ListView
        label="Districts"
        table={table}
        query={districts}
        columns={districtColumns}
        rowKey={(row) => row.id}
        empty={{
          title: 'No districts yet',
          description: 'Districts arrive with the Salesforce import.',
        }}
      />
    </Stack>
  );
}

function SchoolsTable() {
  const { districtOptions } = usePlaces();
  const table = useTableParams({
    tableId: 'engagement.schools',
    urlPrefix: 'schools.',
    filters: { search: {}, districtId: {}, level: { values: SCHOOL_LEVELS } },
    sortColumns: SCHOOL_SORTS,
    defaultSort: { column: 'name', order: 'asc' },
  });
  const schools = useList<SchoolRow, keyof typeof table.filters, SchoolSort>('schools', table, {
    sort: 'name',
    order: 'asc',
  });
  return (
    <Stack gap="sm">
      <Title order={2} size="h3">
        Schools
      </Title>
      <Group align="flex-end" wrap="wrap">
        <TextFilter
          label="Search schools"
          placeholder="Name or code"
          value={table.filters.search}
          onChange={(value) => table.setFilter('search', value)}
        />
        <SelectFilter
          label="District"
          anyLabel="Any district"
          options={districtOptions}
          value={table.filters.districtId}
          onChange={(value) => table.setFilter('districtId', value)}
        />
        <SelectFilter
          label="Level"
          anyLabel="Any level"
          options={optionsOf(SCHOOL_LEVELS, (level) => SCHOOL_LEVEL_LABELS[level])}
          value={table.filters.level}
          onChange={(value) => table.setFilter('level', value)}
        />
      </Group>
      <ListView
        label="Schools"
        table={table}
        query={schools}
        columns={schoolColumns}
        rowKey={(row) => row.id}
        empty={{
          title: 'No schools yet',
          description: 'Schools arrive with the Salesforce import.',
        }}
      />
    </Stack>
  );
}

/**
 * `/engagement/schools`: the districts and the schools, as two independent tables (each keeps
 * its own filters, sort and page in the URL under its own prefix).
 */
export function SchoolsPage() {
  const access = useEngagementAccess();
  return (
    <ListPage
      title="Schools"
      description="The partner school districts and their schools."
      actions={
        access.canDestroy && (
          <>
            <PurgeButton resource="districts" noun="districts" tenantSlug={access.tenantSlug} />
            <PurgeButton resource="schools" noun="schools" tenantSlug={access.tenantSlug} />
          </>
        )
      }
    >
      <DistrictsTable />
      <SchoolsTable />
    </ListPage>
  );
}
