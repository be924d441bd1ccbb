import { ScrollArea, Table, Text } from '@mantine/core';
import { SECTION_STATUS } from '../labels';
import type { SectionStatus } from '../types';
import { formatPercent, OUTCOME_SERIES } from './labels';
import type { DashboardNumbers, ProgramNumbers } from './types';

const SECTION_ORDER: readonly SectionStatus[] = [
  'not_started',
  'in_progress',
  'submitted',
  'needs_rework',
  'approved',
  'nci',
];

interface ProgramTablesProps {
  programs: readonly ProgramNumbers[];
  totals: DashboardNumbers;
  /** One program (a program admin's only one): no total row. */
  withTotals: boolean;
}

const number = (n: number) => n.toLocaleString();

/** The chart's numbers as a table, and the sections by status: one row per program. */
export function ProgramTables({ programs, totals, withTotals }: ProgramTablesProps) {
  const totalRow = withTotals ? [{ id: 'total', name: 'All programs', ...totals }] : [];
  const rows = [...programs, ...totalRow];
  return (
    <>
      <ScrollArea>
        <Table striped withTableBorder aria-label="CLO results by program">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Program</Table.Th>
              <Table.Th ta="right">CLO results</Table.Th>
              {OUTCOME_SERIES.map((status) => (
                <Table.Th key={status.name} ta="right">
                  {status.label}
                </Table.Th>
              ))}
              <Table.Th ta="right">% complete</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.id} fw={row.id === 'total' ? 700 : undefined}>
                <Table.Th scope="row" fw={row.id === 'total' ? 700 : 500}>
                  {row.name}
                </Table.Th>
                <Table.Td ta="right">{number(row.outcomes.total)}</Table.Td>
                {OUTCOME_SERIES.map((status) => (
                  <Table.Td key={status.name} ta="right">
                    {number(row.outcomes.byStatus[status.name])}
                  </Table.Td>
                ))}
                <Table.Td ta="right">{formatPercent(row.outcomes.percentComplete)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
      <ScrollArea>
        <Table striped withTableBorder aria-label="Sections by program">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Program</Table.Th>
              <Table.Th ta="right">Sections</Table.Th>
              {SECTION_ORDER.map((status) => (
                <Table.Th key={status} ta="right">
                  {SECTION_STATUS[status].label}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.id}>
                <Table.Th scope="row" fw={row.id === 'total' ? 700 : 500}>
                  {row.name}
                </Table.Th>
                <Table.Td ta="right">{number(row.sections.total)}</Table.Td>
                {SECTION_ORDER.map((status) => (
                  <Table.Td key={status} ta="right">
                    {number(row.sections.byStatus[status])}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
      {withTotals && (
        <Text size="xs" c="dimmed">
          A section of a course in several programs counts in each program, and once in All
          programs.
        </Text>
      )}
    </>
  );
}
