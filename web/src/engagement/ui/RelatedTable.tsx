import { Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export interface RelatedColumn<T> {
  header: string;
  render: (row: T) => ReactNode;
}

interface RelatedTableProps<T> {
  label: string;
  rows: readonly T[];
  rowKey: (row: T) => string;
  columns: readonly RelatedColumn<T>[];
  /** Said instead of an empty table. */
  empty: string;
}

/** A short list of records related to the one shown (its participations, its schools…). */
export function RelatedTable<T>({ label, rows, rowKey, columns, empty }: RelatedTableProps<T>) {
  if (rows.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {empty}
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table withTableBorder striped aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => (
              <Table.Th key={column.header}>{column.header}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={rowKey(row)}>
              {columns.map((column) => (
                <Table.Td key={column.header}>{column.render(row)}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
