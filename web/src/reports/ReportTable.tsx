import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { Page } from '../api/page';
import type { Column } from '../table/DataTable';
import { PagedTable } from '../table/PagedTable';
import type { TableParams } from '../table/useTableParams';
import { formatCell } from './format';
import type { ReportColumn } from './types';
import type { KeyedRow } from './useReport';

interface ReportTableProps<F extends string> {
  label: string;
  query: UseQueryResult<Page<KeyedRow>>;
  table: TableParams<F, string>;
  /** The report's columns, as the server sends them (personal ones left out for some roles). */
  columns: readonly ReportColumn[];
  /** Cells shown differently, e.g. as links, by column key. */
  renderers?: Readonly<Record<string, (row: KeyedRow) => ReactNode>>;
  empty: ReactNode;
}

/** A report's rows: every column sorts on the server; paginated; every loading state. */
export function ReportTable<F extends string>({
  label,
  query,
  table,
  columns,
  renderers = {},
  empty,
}: ReportTableProps<F>) {
  const tableColumns: Column<KeyedRow, string>[] = columns.map((column) => ({
    key: column.key,
    header: column.header,
    sortKey: column.key,
    render: renderers[column.key] ?? ((row) => formatCell(row[column.key], column.type)),
  }));
  return (
    <PagedTable
      label={label}
      query={query}
      table={table}
      columns={tableColumns}
      rowKey={(row) => row.rowKey}
      loadingLabel={`Computing ${label.toLowerCase()}…`}
      errorTitle={`${label} could not be loaded`}
      empty={empty}
    />
  );
}
