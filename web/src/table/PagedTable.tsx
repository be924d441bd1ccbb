import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { Page } from '../api/page';
import { ErrorAlert } from '../ui/ErrorAlert';
import { DataTable, type Column } from './DataTable';
import { TablePagination } from './TablePagination';
import { NoMatches, PastLastPage, TableLoading } from './TableStates';
import type { TableParams } from './useTableParams';

interface PagedTableProps<T, F extends string, S extends string> {
  /** Names the table for assistive technology. */
  label: string;
  /** The query of the current page of rows. */
  query: UseQueryResult<Page<T>>;
  /** Filters, page, page size and sort, as kept in the URL. */
  table: TableParams<F, S>;
  columns: readonly Column<T, S>[];
  rowKey: (row: T) => string;
  loadingLabel: string;
  /** Says what could not be loaded, e.g. "The emails could not be loaded". */
  errorTitle: string;
  /** Shown when there are no rows at all (not just none matching the filters). */
  empty: ReactNode;
}

/**
 * A server-paginated list with every state it can be in: loading, failed (with retry), empty,
 * nothing matching the filters, a page past the end, and the rows with their pagination.
 */
export function PagedTable<T, F extends string, S extends string>({
  label,
  query,
  table,
  columns,
  rowKey,
  loadingLabel,
  errorTitle,
  empty,
}: PagedTableProps<T, F, S>) {
  const data = query.data;
  return (
    <>
      {query.isError && (
        <ErrorAlert
          title={errorTitle}
          error={query.error}
          onRetry={() => void query.refetch()}
          retrying={query.isFetching}
        />
      )}
      {query.isPending && <TableLoading label={loadingLabel} />}
      {data?.total === 0 && (table.isFiltered ? <NoMatches onClear={table.clearFilters} /> : empty)}
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
    </>
  );
}
