import { Container, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { TableEmpty } from '../table/TableStates';
import { useTableParams } from '../table/useTableParams';
import { FilterBar } from './filters';
import { ReportHeader } from './ReportHeader';
import { ReportTable } from './ReportTable';
import { SchoolYearFilter, schoolYearSpec } from './SchoolYearFilter';
import { StatTiles, type Stat } from './StatTiles';
import { useReport, useReportRows, type KeyedRow } from './useReport';

interface YearListReportProps<S> {
  name: string;
  title: string;
  description: ReactNode;
  /** Column keys the server sorts by. */
  sortColumns: readonly string[];
  stats: (summary: S) => Stat[];
  emptyTitle: string;
  /** Offer "Lifetime" besides the school years. */
  withLifetime?: boolean;
  renderers?: Readonly<Record<string, (row: KeyedRow) => ReactNode>>;
}

/** A report that is a list over one school year: totals, then the sortable, paginated rows. */
export function YearListReport<S>({
  name,
  title,
  description,
  sortColumns,
  stats,
  emptyTitle,
  withLifetime = false,
  renderers,
}: YearListReportProps<S>) {
  const table = useTableParams({
    tableId: name,
    filters: { schoolYear: schoolYearSpec(withLifetime) },
    sortColumns,
  });
  const { filters, page, pageSize, sort } = table;
  const params = { ...filters, page, pageSize, sort: sort?.column, order: sort?.order };
  const report = useReport<S>(name, params);
  const rows = useReportRows(name, params);
  return (
    <Container size="xl" py="md">
      <title>{`${title} · EduLedger`}</title>
      <Stack gap="md">
        <ReportHeader
          name={name}
          title={title}
          description={description}
          filters={filters}
          computedAt={report.data?.computedAt}
        />
        <FilterBar>
          <SchoolYearFilter
            value={filters.schoolYear}
            onChange={(v) => table.setFilter('schoolYear', v)}
            withLifetime={withLifetime}
          />
        </FilterBar>
        {report.data && <StatTiles label={`${title} totals`} stats={stats(report.data.summary)} />}
        <ReportTable
          label={title}
          query={rows}
          table={table}
          columns={report.data?.columns ?? []}
          renderers={renderers}
          empty={<TableEmpty title={emptyTitle} description="Choose another school year." />}
        />
      </Stack>
    </Container>
  );
}
