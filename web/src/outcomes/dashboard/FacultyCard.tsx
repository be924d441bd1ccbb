import { ScrollArea, Table, Text } from '@mantine/core';
import { INSTRUCTOR_STATUS } from '../labels';
import { StatusBadge } from '../ui/StatusBadge';
import { DashboardCard, TABLE_HEIGHT } from './DashboardCard';
import type { FacultyRow } from './types';

/** Who teaches the term's sections of the programs, and how many each has turned in. */
export function FacultyCard({ faculty }: { faculty: readonly FacultyRow[] }) {
  return (
    <DashboardCard title="Faculty assignments">
      {faculty.length === 0 ? (
        <Text size="sm" c="dimmed">
          No instructor is assigned to a section of your programs in this term.
        </Text>
      ) : (
        <ScrollArea.Autosize mah={TABLE_HEIGHT} type="auto">
          <Table stickyHeader aria-label="Faculty assignments">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Instructor</Table.Th>
                <Table.Th>Account</Table.Th>
                <Table.Th ta="right">Sections</Table.Th>
                <Table.Th ta="right">Submitted</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {faculty.map((row) => (
                <Table.Tr key={row.id}>
                  <Table.Td>
                    {row.name}
                    {row.email && (
                      <Text size="xs" c="dimmed">
                        {row.email}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge status={INSTRUCTOR_STATUS[row.status]} />
                  </Table.Td>
                  <Table.Td ta="right">{row.sectionCount}</Table.Td>
                  <Table.Td ta="right">{row.submittedCount}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      )}
    </DashboardCard>
  );
}
