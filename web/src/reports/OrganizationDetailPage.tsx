import { Anchor, Container, Stack, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { queryString } from '../api/queryString';
import { DataTable, type Column } from '../table/DataTable';
import { TableEmpty } from '../table/TableStates';
import { useTableParams } from '../table/useTableParams';
import { FilterBar } from './filters';
import { formatCell, formatHours, formatInteger } from './format';
import { ORGANIZATIONS_REPORT_PAGE } from './pages';
import { ReportHeader } from './ReportHeader';
import { ReportStatus } from './ReportStatus';
import { ReportTable } from './ReportTable';
import { SchoolYearFilter, schoolYearSpec } from './SchoolYearFilter';
import { StatTiles } from './StatTiles';
import type { OrganizationDetailSummary, OrganizationEvent } from './types';
import { useReport, useReportRows } from './useReport';

const NAME = 'organizations';
const SORT_COLUMNS = ['name', 'email', 'events', 'hours'];

const eventColumns = (withStatus: boolean): Column<OrganizationEvent>[] => [
  { key: 'date', header: 'Date', render: (e) => formatCell(e.date, 'date') },
  { key: 'event', header: 'Event', render: (e) => e.event },
  { key: 'type', header: 'Type', render: (e) => e.type },
  withStatus
    ? { key: 'status', header: 'Status', render: (e) => e.status }
    : { key: 'school', header: 'School', render: (e) => formatCell(e.school, 'text') },
  { key: 'volunteers', header: 'Volunteers', render: (e) => formatInteger(e.volunteers) },
  ...(withStatus
    ? []
    : [{ key: 'hours', header: 'Hours', render: (e: OrganizationEvent) => formatHours(e.hours) }]),
];

function EventSection({
  title,
  events,
  withStatus = false,
}: {
  title: string;
  events: readonly OrganizationEvent[];
  withStatus?: boolean;
}) {
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {title}
      </Title>
      {events.length === 0 ? (
        <TableEmpty title={`No ${title.toLowerCase()}`} />
      ) : (
        <DataTable
          label={title}
          columns={eventColumns(withStatus)}
          rows={events}
          rowKey={(e) => e.eventId}
        />
      )}
    </Stack>
  );
}

/** `/engagement/reports/organizations/:organizationId`: one organization's volunteers and events. */
export function OrganizationDetailPage() {
  const { organizationId = '' } = useParams();
  const table = useTableParams({
    tableId: 'organization-volunteers',
    filters: { schoolYear: schoolYearSpec(true) },
    sortColumns: SORT_COLUMNS,
  });
  const { filters, page, pageSize, sort } = table;
  const reportFilters = { ...filters, organization: organizationId };
  const params = { ...reportFilters, page, pageSize, sort: sort?.column, order: sort?.order };
  const report = useReport<OrganizationDetailSummary>(NAME, params);
  const rows = useReportRows(NAME, params);
  const summary = report.data?.summary;
  const name = summary?.organization.name ?? 'Organization';
  return (
    <Container size="xl" py="md">
      <title>{`${name} · Organizations · EduLedger`}</title>
      <Stack gap="md">
        <Anchor
          component={Link}
          to={`${ORGANIZATIONS_REPORT_PAGE.path}${queryString({ schoolYear: filters.schoolYear })}`}
          size="sm"
        >
          ← All organizations
        </Anchor>
        <ReportHeader
          name={NAME}
          title={name}
          description="Volunteers and events credited to the organization."
          filters={reportFilters}
          computedAt={report.data?.computedAt}
        />
        <FilterBar>
          <SchoolYearFilter
            value={filters.schoolYear}
            onChange={(v) => table.setFilter('schoolYear', v)}
            withLifetime
          />
        </FilterBar>
        <ReportStatus query={report} loadingLabel="Computing the organization's report…" />
        {report.data && summary && (
          <>
            <StatTiles
              label="Organization totals"
              stats={[
                { label: 'Sessions', value: formatInteger(summary.sessions) },
                { label: 'Hours', value: formatHours(summary.hours) },
                { label: 'Volunteers', value: formatInteger(summary.volunteers) },
                { label: 'In person', value: formatInteger(summary.inPersonEvents) },
                { label: 'Virtual', value: formatInteger(summary.virtualEvents) },
                { label: 'Cancelled / no-show', value: formatInteger(summary.cancelledEvents) },
              ]}
            />
            <Title order={2} size="h4">
              Volunteers
            </Title>
            <ReportTable
              label="Volunteers"
              query={rows}
              table={table}
              columns={report.data.columns}
              empty={<TableEmpty title="No volunteer was credited in this period" />}
            />
            <EventSection title="In-person events" events={summary.inPerson} />
            <EventSection title="Virtual events" events={summary.virtual} />
            <EventSection title="Cancelled events" events={summary.cancelled} withStatus />
          </>
        )}
      </Stack>
    </Container>
  );
}
