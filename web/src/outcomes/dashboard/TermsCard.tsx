import { Table, Text } from '@mantine/core';
import { formatDay, TERM_STATUS } from '../labels';
import { TERMS_PAGE } from '../pages';
import type { Term } from '../types';
import { StatusBadge } from '../ui/StatusBadge';
import { DashboardCard } from './DashboardCard';

/** How many terms the card lists (the newest). */
const SHOWN = 6;

/** The institution's latest terms, with their status and assessment due date. */
export function TermsCard({ terms, termId }: { terms: readonly Term[]; termId: string | null }) {
  return (
    <DashboardCard title="Terms" link={{ to: TERMS_PAGE.path, label: 'All terms' }}>
      {terms.length === 0 ? (
        <Text size="sm" c="dimmed">
          No terms yet.
        </Text>
      ) : (
        <Table aria-label="Terms">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Term</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Due</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {terms.slice(0, SHOWN).map((term) => (
              <Table.Tr key={term.id} fw={term.id === termId ? 700 : undefined}>
                <Table.Td>
                  {term.name}{' '}
                  <Text span c="dimmed" size="xs">
                    {term.code}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <StatusBadge status={TERM_STATUS[term.status]} />
                </Table.Td>
                <Table.Td>{formatDay(term.dueDate)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </DashboardCard>
  );
}
