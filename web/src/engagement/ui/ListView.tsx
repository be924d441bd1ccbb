import { Stack } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { Page } from '../../api/page';
import type { Column } from '../../table/DataTable';
import { PagedTable } from '../../table/PagedTable';
import { TableEmpty } from '../../table/TableStates';
import type { TableParams } from '../../table/useTableParams';

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

/** An engagement list: the shared server-side table, its messages named after the list. */
export function ListView<T, F extends string, S extends string>({
  label,
  empty,
  ...table
}: ListViewProps<T, F, S>) {
  const noun = label.toLowerCase();
  return (
    <Stack gap="md">
      <PagedTable
        label={label}
        loadingLabel={`Loading ${noun}…`}
        errorTitle={`The ${noun} could not be loaded`}
        empty={<TableEmpty title={empty.title} description={empty.description} />}
        {...table}
      />
    </Stack>
  );
}
