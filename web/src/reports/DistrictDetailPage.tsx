import { Anchor, Container, SegmentedControl, Stack, Text } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { queryString } from '../api/queryString';
import { TableEmpty } from '../table/TableStates';
import { useTableParams } from '../table/useTableParams';
import { LazyBarChart } from './charts/LazyBarChart';
import { ACTIVITY_SERIES } from './charts/series';
import { EventTypeFilter, FilterBar } from './filters';
import { EVENT_TYPE_VALUES } from './labels';
import { DISTRICT_YEAR_END_PAGE } from './pages';
import { ReportHeader } from './ReportHeader';
import { ReportStatus } from './ReportStatus';
import { ReportTable } from './ReportTable';
import { SchoolYearFilter, schoolYearSpec } from './SchoolYearFilter';
import { StatTiles } from './StatTiles';
import { activityStats } from './summaries';
import type { DistrictDetailSummary } from './types';
import { useReport, useReportRows } from './useReport';

const NAME = 'district-year-end-detail';
const SORT_COLUMNS = [
  'date',
  'time',
  'event',
  'type',
  'school',
  'location',
  'students',
  'uniqueStudents',
  'events',
  'volunteers',
  'uniqueVolunteers',
  'volunteerHours',
];
const GROUPS = [
  { value: 'event', label: 'By event' },
  { value: 'school', label: 'By school' },
];

/** `/engagement/reports/district-year-end/:districtId`: one district, event by event or by school. */
export function DistrictDetailPage() {
  const { districtId = '' } = useParams();
  const table = useTableParams({
    tableId: NAME,
    filters: {
      schoolYear: schoolYearSpec(),
      eventType: { values: EVENT_TYPE_VALUES },
      groupBy: { values: ['event', 'school'], defaultValue: 'event' },
    },
    sortColumns: SORT_COLUMNS,
  });
  const { filters, page, pageSize, sort } = table;
  const reportFilters = { ...filters, district: districtId };
  const params = { ...reportFilters, page, pageSize, sort: sort?.column, order: sort?.order };
  const report = useReport<DistrictDetailSummary>(NAME, params);
  const rows = useReportRows(NAME, params);
  const data = report.data;
  const district = data?.summary.district.name ?? 'District';
  return (
    <Container size="xl" py="md">
      <title>{`${district} · District year-end · EduLedger`}</title>
      <Stack gap="md">
        <Anchor
          component={Link}
          to={`${DISTRICT_YEAR_END_PAGE.path}${queryString({ schoolYear: filters.schoolYear })}`}
          size="sm"
        >
          ← All districts
        </Anchor>
        <ReportHeader
          name={NAME}
          title={`${district}: year-end detail`}
          description="The district's completed events of the school year, with their students, volunteers and hours."
          filters={reportFilters}
          computedAt={data?.computedAt}
        />
        <FilterBar>
          <SchoolYearFilter
            value={filters.schoolYear}
            onChange={(v) => table.setFilter('schoolYear', v)}
          />
          <EventTypeFilter
            value={filters.eventType}
            onChange={(v) => table.setFilter('eventType', v)}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="group-by-label">
              Group
            </Text>
            <SegmentedControl
              aria-labelledby="group-by-label"
              data={GROUPS}
              value={filters.groupBy}
              onChange={(v) => table.setFilter('groupBy', v)}
            />
          </Stack>
        </FilterBar>
        <ReportStatus query={report} loadingLabel="Computing the district's year…" />
        {data && (
          <>
            <StatTiles label="Totals of the district" stats={activityStats(data.summary)} />
            <ReportTable
              label={filters.groupBy === 'school' ? 'Schools' : 'Events'}
              query={rows}
              table={table}
              columns={data.columns}
              empty={<TableEmpty title="No completed events in this school year" />}
            />
            <LazyBarChart
              title="Monthly breakdown"
              data={data.summary.months}
              dataKey="label"
              series={ACTIVITY_SERIES}
            />
          </>
        )}
      </Stack>
    </Container>
  );
}
