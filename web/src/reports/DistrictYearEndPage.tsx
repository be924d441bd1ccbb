import { Anchor, Card, Container, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { queryString } from '../api/queryString';
import { TextFilter } from '../table/TextFilter';
import { TableEmpty } from '../table/TableStates';
import { useTableParams } from '../table/useTableParams';
import { LazyBarChart } from './charts/LazyBarChart';
import { ACTIVITY_SERIES } from './charts/series';
import { EventTypeFilter, FilterBar } from './filters';
import { formatHours, formatInteger } from './format';
import { EVENT_TYPE_VALUES } from './labels';
import { districtDetailPath } from './pages';
import { ReportHeader } from './ReportHeader';
import { ReportStatus } from './ReportStatus';
import { SchoolYearFilter, schoolYearSpec } from './SchoolYearFilter';
import { StatTiles } from './StatTiles';
import { activityStats } from './summaries';
import type { DistrictYearSummary, ReportRow } from './types';
import { useReport } from './useReport';

function DistrictCard({ row, linkQuery }: { row: ReportRow; linkQuery: string }) {
  const figures: [string, string][] = [
    ['Events', formatInteger(Number(row.events))],
    ['In person / virtual', `${String(row.inPersonEvents)} / ${String(row.virtualEvents)}`],
    ['Students', formatInteger(Number(row.studentParticipations))],
    ['Unique students', formatInteger(Number(row.uniqueStudents))],
    ['Volunteers', formatInteger(Number(row.uniqueVolunteers))],
    ['Volunteer hours', formatHours(Number(row.volunteerHours))],
    ['Organizations', formatInteger(Number(row.organizations))],
    ['Schools', formatInteger(Number(row.schools))],
  ];
  return (
    <Card withBorder padding="md">
      <Stack gap="xs">
        <Anchor
          component={Link}
          to={`${districtDetailPath(String(row.districtId))}${linkQuery}`}
          fw={600}
        >
          {row.district}
        </Anchor>
        <SimpleGrid cols={2} spacing={4}>
          {figures.map(([label, value]) => (
            <Group key={label} justify="space-between" gap="xs" wrap="nowrap">
              <Text size="sm" c="dimmed">
                {label}
              </Text>
              <Text size="sm" fw={600}>
                {value}
              </Text>
            </Group>
          ))}
        </SimpleGrid>
      </Stack>
    </Card>
  );
}

/** `/engagement/reports/district-year-end`: one card per district, totals and the months. */
export function DistrictYearEndPage() {
  const table = useTableParams({
    tableId: 'district-year-end',
    filters: {
      schoolYear: schoolYearSpec(),
      eventType: { values: EVENT_TYPE_VALUES },
      host: {},
    },
  });
  const { filters } = table;
  const report = useReport<DistrictYearSummary>('district-year-end', { ...filters, pageSize: 100 });
  const data = report.data;
  const linkQuery = queryString({ schoolYear: filters.schoolYear, eventType: filters.eventType });
  return (
    <Container size="xl" py="md">
      <title>District year-end · EduLedger</title>
      <Stack gap="md">
        <ReportHeader
          name="district-year-end"
          title="District year-end"
          description="Completed events of the school year by district; events without a district count in the totals only."
          filters={filters}
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
          <TextFilter
            label="Session host"
            placeholder="e.g. PREPKC"
            value={filters.host}
            onChange={(v) => table.setFilter('host', v)}
          />
        </FilterBar>
        <ReportStatus query={report} loadingLabel="Computing the district year-end report…" />
        {data && (
          <>
            <StatTiles label="Totals of the school year" stats={activityStats(data.summary)} />
            {data.rows.length === 0 ? (
              <TableEmpty
                title="No completed events in this school year"
                description="Choose another school year or event type."
              />
            ) : (
              <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" aria-label="Districts">
                {data.rows.map((row) => (
                  <DistrictCard key={String(row.districtId)} row={row} linkQuery={linkQuery} />
                ))}
              </SimpleGrid>
            )}
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
