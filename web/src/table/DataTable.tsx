import { Box, LoadingOverlay, Table, UnstyledButton, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import type { SortState } from './useTableParams';

export interface Column<T, S extends string = never> {
  key: string;
  header: string;
  /** The server's sort key for this column; the header then sorts the table. */
  sortKey?: S;
  render: (row: T) => ReactNode;
  /** Header for screen readers only, e.g. above a column of row buttons. */
  hideHeader?: boolean;
}

interface DataTableProps<T, S extends string> {
  /** Names the table for assistive technology. */
  label: string;
  columns: readonly Column<T, S>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  sort?: SortState<S> | null;
  onSort?: (column: S) => void;
  /** Rows are being refreshed (e.g. another page is loading): dims them. */
  busy?: boolean;
}

const ARIA_SORT = { asc: 'ascending', desc: 'descending' } as const;
const ARROWS = { asc: '▲', desc: '▼', none: '↕' } as const;

interface HeaderCellProps<T, S extends string> {
  column: Column<T, S>;
  sort: SortState<S> | null;
  onSort?: (column: S) => void;
}

function HeaderCell<T, S extends string>({ column, sort, onSort }: HeaderCellProps<T, S>) {
  if (column.hideHeader) {
    return (
      <Table.Th>
        <VisuallyHidden>{column.header}</VisuallyHidden>
      </Table.Th>
    );
  }
  const { sortKey } = column;
  if (sortKey === undefined || onSort === undefined) return <Table.Th>{column.header}</Table.Th>;
  const order = sort?.column === sortKey ? sort.order : null;
  return (
    <Table.Th aria-sort={order ? ARIA_SORT[order] : 'none'}>
      <UnstyledButton
        onClick={() => onSort(sortKey)}
        fw={700}
        fz="sm"
        style={{ whiteSpace: 'nowrap' }}
      >
        {column.header}{' '}
        <span aria-hidden style={{ opacity: order ? 1 : 0.4 }}>
          {ARROWS[order ?? 'none']}
        </span>
      </UnstyledButton>
    </Table.Th>
  );
}

/** A table of server rows; sortable columns sort on the server through `onSort`. */
export function DataTable<T, S extends string = never>({
  label,
  columns,
  rows,
  rowKey,
  sort = null,
  onSort,
  busy = false,
}: DataTableProps<T, S>) {
  return (
    <Box pos="relative">
      <LoadingOverlay visible={busy} overlayProps={{ blur: 1 }} loaderProps={{ size: 'sm' }} />
      <Table.ScrollContainer minWidth={640}>
        <Table striped highlightOnHover aria-label={label} aria-busy={busy}>
          <Table.Thead>
            <Table.Tr>
              {columns.map((column) => (
                <HeaderCell key={column.key} column={column} sort={sort} onSort={onSort} />
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={rowKey(row)}>
                {columns.map((column) => (
                  <Table.Td key={column.key}>{column.render(row)}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Box>
  );
}
