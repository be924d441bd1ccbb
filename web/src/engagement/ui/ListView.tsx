import { Stack } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { Page } from '../../api/page';
import { DataTable, type Column } from '../../table/DataTable';
import { TablePagination } from '../../table/TablePagination';
import { NoMatches, PastLastPage, TableEmpty, TableLoading } from '../../table/TableStates';
import type { TableParams } from '../../table/useTableParams';
import { ErrorAlert } from '../../ui/ErrorAlert';

interface ListViewProps<T, F extends string, S extends string> {
  /** Names the table, e.g. "Volunteers". */
  label: string;
  table: TableParams<F, S>;
  query: UseQueryResult<Page<T>>;
  columns: readonly Column<T, S>[];
  rowKey: (row: T) => string;
  /** What an empty list (without filters) says. */
  empty: { title: string; description?: ReactNode };
}

/**
 * A server-side table with every state of DOMAIN §1.5: loading, failure with retry, empty,
 * nothing matching the filters, a page past the end, rows with sortable headers, pagination.
 */
export function ListView<T, F extends string, S extends string>({
  label,
  table,
  query,
  columns,
  rowKey,
  empty,
}: ListViewProps<T, F, S>) {
  const data = query.data;
  return (
    <Stack gap="md">
      {query.isError && (
        <ErrorAlert
          title={`The ${label.toLowerCase()} could not be loaded`}
          error={query.error}
          onRetry={() => void query.refetch()}
          retrying={query.isFetching}
        />
      )}
      {query.isPending && <TableLoading label={`Loading ${label.toLowerCase()}…`} />}
      {data?.total === 0 &&
        (table.isFiltered ? (
          <NoMatches onClear={table.clearFilters} />
        ) : (
          <TableEmpty title={empty.title} description={empty.description} />
        ))}
      {data !== undefined && data.total > 0 && data.items.length === 0 && (
        <PastLastPage page={table.page} onFirstPage={() => table.setPage(1)} />
      )}
      {data !== undefined && data.items.length > 0 && (
        <DataTable
          label={label}
          columns={columns}
          rows={data.items}
          rowKey={rowKey}
          sort={table.sort}
          onSort={table.toggleSort}
          busy={query.isPlaceholderData}
        />
      )}
      {data !== undefined && data.total > 0 && (
        <TablePagination
          page={table.page}
          pageSize={table.pageSize}
          total={data.total}
          onPageChange={table.setPage}
          onPageSizeChange={table.setPageSize}
        />
      )}
    </Stack>
  );
}
