import { Button, Center, EmptyState, Group, Loader, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export function TableLoading({ label }: { label: string }) {
  return (
    <Center py="xl" role="status">
      <Group gap="sm">
        <Loader size="sm" aria-hidden />
        <Text size="sm">{label}</Text>
      </Group>
    </Center>
  );
}

interface TableEmptyProps {
  title: string;
  description?: ReactNode;
  /** E.g. a button to clear the filters, or to add the first item. */
  action?: ReactNode;
}

/** What a table shows when there are no rows: say why, and what to do next. */
export function TableEmpty({ title, description, action }: TableEmptyProps) {
  return (
    <EmptyState py="xl" title={title} description={description}>
      {action && <EmptyState.Actions>{action}</EmptyState.Actions>}
    </EmptyState>
  );
}

interface PastLastPageProps {
  page: number;
  onFirstPage: () => void;
}

/** A link to a page that no longer has rows (e.g. rows were removed since). */
export function PastLastPage({ page, onFirstPage }: PastLastPageProps) {
  return (
    <TableEmpty
      title={`There is nothing on page ${String(page)}`}
      description="The list is shorter than this page now."
      action={
        <Button variant="light" onClick={onFirstPage}>
          Go to the first page
        </Button>
      }
    />
  );
}

interface ClearFiltersEmptyProps {
  onClear: () => void;
}

/** No row matches the filters. */
export function NoMatches({ onClear }: ClearFiltersEmptyProps) {
  return (
    <TableEmpty
      title="Nothing matches these filters"
      description="Try other filters, or clear them to see everything."
      action={
        <Button variant="light" onClick={onClear}>
          Clear filters
        </Button>
      }
    />
  );
}
