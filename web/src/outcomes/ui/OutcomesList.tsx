import { Container, Group, Stack, Text, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { Page } from '../../api/page';
import { DataTable, type Column } from '../../table/DataTable';
import { TablePagination } from '../../table/TablePagination';
import { NoMatches, PastLastPage, TableEmpty, TableLoading } from '../../table/TableStates';
import type { TableParams } from '../../table/useTableParams';
import { ErrorAlert } from '../../ui/ErrorAlert';

interface OutcomesListProps<T, F extends string, S extends string> {
  title: string;
  description: string;
  /** Buttons at the top right, e.g. "New course". */
  actions?: ReactNode;
  filters?: ReactNode;
  table: TableParams<F, S>;
  query: UseQueryResult<Page<T>>;
  columns: readonly Column<T, S>[];
  rowKey: (row: T) => string;
  /** What the list says when it is empty without filters. */
  empty: { title: string; description?: ReactNode };
}

/**
 * An outcomes list page: title, actions, filters and a server-side table in every state
 * (loading, failure with retry, empty, no match, past the last page, rows, pagination).
 */
export function OutcomesList<T, F extends string, S extends string>({
  title,
  description,
  actions,
  filters,
  table,
  query,
  columns,
  rowKey,
  empty,
}: OutcomesListProps<T, F, S>) {
  const data = query.data;
  const noun = title.toLowerCase();
  return (
    <Container size="xl" py="md">
      <title>{`${title} · EduLedger`}</title>
      <Stack gap="md">
        <Group justify="space-between" align="flex-end" wrap="wrap">
          <Stack gap={0}>
            <Title order={1}>{title}</Title>
            <Text size="sm" c="dimmed">
              {description}
            </Text>
          </Stack>
          {actions && <Group gap="sm">{actions}</Group>}
        </Group>
        {filters && (
          <Group align="flex-end" gap="md" wrap="wrap">
            {filters}
          </Group>
        )}
        {query.isError && (
          <ErrorAlert
            title={`The ${noun} could not be loaded`}
            error={query.error}
            onRetry={() => void query.refetch()}
            retrying={query.isFetching}
          />
        )}
        {query.isPending && <TableLoading label={`Loading ${noun}…`} />}
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
            label={title}
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
    </Container>
  );
}
