import { Container, Grid, Stack } from '@mantine/core';
import { DateFilter } from '../table/DateFilter';
import { SelectFilter } from '../table/SelectFilter';
import { TableEmpty } from '../table/TableStates';
import { TextFilter } from '../table/TextFilter';
import { useTableParams } from '../table/useTableParams';
import { LazyBarChart } from './charts/LazyBarChart';
import { VIRTUAL_SERIES } from './charts/series';
import { CoreSpreadsheetLink } from './CoreSpreadsheetLink';
import { FilterBar } from './filters';
import { formatInteger } from './format';
import { ReportHeader } from './ReportHeader';
import { ReportStatus } from './ReportStatus';
import { ReportTable } from './ReportTable';
import { SchoolYearFilter, schoolYearSpec } from './SchoolYearFilter';
import { StatTiles, type Stat } from './StatTiles';
import type { DistrictYearSummary, VirtualUsageSummary } from './types';
import { useReport, useReportRows } from './useReport';

const NAME = 'virtual-usage';
const SORT_COLUMNS = [
  'status',
  'date',
  'time',
  'sessionType',
  'teacher',
  'school',
  'district',
  'title',
  'presenter',
  'participantCount',
  'duration',
];

const usageStats = (s: VirtualUsageSummary): Stat[] => [
  { label: 'Sessions', value: formatInteger(s.sessions) },
  { label: 'Teachers', value: formatInteger(s.teachers) },
  { label: 'Teacher experiences', value: formatInteger(s.experiences) },
  { label: 'Students (est.)', value: formatInteger(s.estimatedStudents) },
  { label: 'Professionals', value: formatInteger(s.professionals) },
  { label: 'Organizations', value: formatInteger(s.organizations) },
  { label: 'Schools', value: formatInteger(s.schools) },
  {
    label: 'Local sessions',
    value: `${formatInteger(s.localSessions)} (${String(s.localSessionsPct)}%)`,
  },
];

/** `/engagement/reports/virtual-usage`: virtual sessions, teachers reached, by district and month. */
export function VirtualUsagePage() {
  const table = useTableParams({
    tableId: NAME,
    filters: {
      schoolYear: schoolYearSpec(),
      dateFrom: {},
      dateTo: {},
      district: {},
      careerCluster: {},
    },
    sortColumns: SORT_COLUMNS,
  });
  const { filters, page, pageSize, sort } = table;
  const params = { ...filters, page, pageSize, sort: sort?.column, order: sort?.order };
  const report = useReport<VirtualUsageSummary>(NAME, params);
  const rows = useReportRows(NAME, params);
  const districts = useReport<DistrictYearSummary>('district-year-end', {
    schoolYear: filters.schoolYear,
    pageSize: 100,
  });
  const districtOptions = (districts.data?.rows ?? []).map((row) => ({
    value: String(row.districtId),
    label: String(row.district),
  }));
  const data = report.data;
  const rangeError =
    filters.dateFrom && filters.dateTo && filters.dateTo < filters.dateFrom
      ? 'The end is before the start.'
      : undefined;
  return (
    <Container size="xl" py="md">
      <title>Virtual usage · EduLedger</title>
      <Stack gap="md">
        <ReportHeader
          name={NAME}
          title="Virtual usage"
          description="Completed virtual sessions; each attended teacher stands for 25 students."
          filters={filters}
          computedAt={data?.computedAt}
        />
        <FilterBar>
          <SchoolYearFilter
            value={filters.schoolYear}
            onChange={(v) => table.setFilter('schoolYear', v)}
          />
          <DateFilter
            label="From"
            value={filters.dateFrom}
            onChange={(v) => table.setFilter('dateFrom', v)}
          />
          <DateFilter
            label="To"
            value={filters.dateTo}
            onChange={(v) => table.setFilter('dateTo', v)}
            error={rangeError}
          />
          <SelectFilter
            label="District"
            anyLabel="All districts"
            options={districtOptions}
            value={filters.district}
            onChange={(v) => table.setFilter('district', v)}
          />
          <TextFilter
            label="Career cluster"
            placeholder="e.g. Health Science"
            value={filters.careerCluster}
            onChange={(v) => table.setFilter('careerCluster', v)}
          />
        </FilterBar>
        <ReportStatus query={report} loadingLabel="Computing virtual usage…" />
        {data && (
          <>
            <CoreSpreadsheetLink
              schoolYear={data.summary.schoolYear}
              url={data.summary.coreSpreadsheetUrl}
            />
            <StatTiles label="Virtual usage totals" stats={usageStats(data.summary)} />
            <Grid gap="md">
              <Grid.Col span={{ base: 12, md: 5 }}>
                <LazyBarChart
                  title="By district"
                  data={data.summary.byDistrict}
                  dataKey="district"
                  series={VIRTUAL_SERIES}
                  horizontal
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 7 }}>
                <LazyBarChart
                  title="By month"
                  data={data.summary.byMonth}
                  dataKey="label"
                  series={VIRTUAL_SERIES}
                />
              </Grid.Col>
            </Grid>
            <ReportTable
              label="Virtual sessions"
              query={rows}
              table={table}
              columns={data.columns}
              empty={<TableEmpty title="No virtual sessions in this period" />}
            />
          </>
        )}
      </Stack>
    </Container>
  );
}
