import { Anchor, ScrollArea, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { queryString } from '../../api/queryString';
import { formatDay } from '../labels';
import { SECTIONS_PAGE } from '../pages';
import { DashboardCard, TABLE_HEIGHT } from './DashboardCard';
import type { UnassignedSection } from './types';

interface UnassignedCardProps {
  unassigned: { items: readonly UnassignedSection[]; total: number };
  termId: string | null;
}

/** The term's sections of the programs that have no instructor yet, each linking to its page. */
export function UnassignedCard({ unassigned, termId }: UnassignedCardProps) {
  const { items, total } = unassigned;
  const all = `${SECTIONS_PAGE.path}${queryString({ termId, unassigned: 'true' })}`;
  return (
    <DashboardCard
      title="Unassigned sections"
      link={total > 0 ? { to: all, label: 'Assign on the Sections page' } : undefined}
    >
      {total === 0 ? (
        <Text size="sm" c="dimmed">
          Every section of your programs in this term has an instructor.
        </Text>
      ) : (
        <>
          <ScrollArea.Autosize mah={TABLE_HEIGHT} type="auto">
            <Table stickyHeader aria-label="Unassigned sections">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Section</Table.Th>
                  <Table.Th>Due</Table.Th>
                  <Table.Th ta="right">CLOs</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((section) => (
                  <Table.Tr key={section.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`${SECTIONS_PAGE.path}/${section.id}`} size="sm">
                        {section.course.number} · {section.number}
                      </Anchor>
                      {section.course.title && (
                        <Text size="xs" c="dimmed">
                          {section.course.title}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{formatDay(section.dueDate)}</Table.Td>
                    <Table.Td ta="right">{section.outcomeCount}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
          {total > items.length && (
            <Text size="xs" c="dimmed">
              The first {items.length} of {total} unassigned sections.
            </Text>
          )}
        </>
      )}
    </DashboardCard>
  );
}
