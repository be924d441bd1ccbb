import { Anchor, Container, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { NavItem } from '../../nav';
import { TableLoading } from '../../table/TableStates';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { ENGAGEMENT_KEY, getOne } from '../api';

/** One record of an engagement resource, by id. */
export function useRecord<T>(resource: string, id: string) {
  return useQuery({
    queryKey: [...ENGAGEMENT_KEY, resource, 'one', id],
    queryFn: ({ signal }) => getOne<T>(resource, id, signal),
  });
}

interface DetailPageProps<T> {
  /** The list the record belongs to: the way back. */
  list: NavItem;
  query: UseQueryResult<T>;
  /** What the record is called, e.g. "volunteer" (for messages). */
  noun: string;
  title: (record: T) => string;
  /** Badges or a subtitle under the title. */
  subtitle?: (record: T) => ReactNode;
  actions?: (record: T) => ReactNode;
  children: (record: T) => ReactNode;
}

/** A record's page: the way back, loading and failure states, the title, actions and content. */
export function DetailPage<T>({
  list,
  query,
  noun,
  title,
  subtitle,
  actions,
  children,
}: DetailPageProps<T>) {
  const back = (
    <Anchor component={Link} to={list.path} size="sm">
      ← All {list.label.toLowerCase()}
    </Anchor>
  );
  const record = query.data;
  return (
    <Container size="xl" py="md">
      <title>{`${record ? title(record) : list.label} · EduLedger`}</title>
      <Stack gap="md">
        {back}
        {query.isPending && <TableLoading label={`Loading the ${noun}…`} />}
        {query.isError && (
          <>
            <Title order={1}>{`This ${noun} could not be shown`}</Title>
            <ErrorAlert
              title={`The ${noun} could not be loaded`}
              error={query.error}
              onRetry={() => void query.refetch()}
              retrying={query.isFetching}
            />
          </>
        )}
        {record !== undefined && (
          <>
            <Group justify="space-between" align="flex-start" wrap="wrap">
              <Stack gap={4}>
                <Title order={1}>{title(record)}</Title>
                {subtitle?.(record)}
              </Stack>
              {actions && <Group gap="sm">{actions(record)}</Group>}
            </Group>
            {children(record)}
          </>
        )}
      </Stack>
    </Container>
  );
}

/** `[label, value]`; a value of `undefined` is a field the caller may not see: left out. */
export type Fact = readonly [string, ReactNode];

const shown = (value: ReactNode) =>
  value === null || value === '' ? (
    <Text span c="dimmed" size="sm">
      —
    </Text>
  ) : (
    value
  );

/** A record's fields as a two-column table; empty values show a dash. */
export function Facts({ label, rows }: { label: string; rows: readonly Fact[] }) {
  const visible = rows.filter(([, value]) => value !== undefined);
  return (
    <Table variant="vertical" withTableBorder layout="fixed" aria-label={label}>
      <Table.Tbody>
        {visible.map(([name, value]) => (
          <Table.Tr key={name}>
            <Table.Th w={200} scope="row">
              {name}
            </Table.Th>
            <Table.Td style={{ overflowWrap: 'anywhere' }}>{shown(value)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** A titled part of a record's page. */
export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {title}
      </Title>
      {children}
    </Stack>
  );
}
