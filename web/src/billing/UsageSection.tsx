import {
  Button,
  Card,
  Center,
  Group,
  Loader,
  NativeSelect,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { TableEmpty, TableLoading } from '../table/TableStates';
import { ErrorAlert, requestIdOf } from '../ui/ErrorAlert';
import { useNotify } from '../ui/notificationsContext';
import { BILLING_KEY, getUsage, refreshUsage } from './api';
import { formatDay } from './format';

const UsageChart = lazy(async () => ({ default: (await import('./UsageChart')).UsageChart }));

const RANGES = [
  { value: '30', label: 'Last 30 days' },
  { value: '90', label: 'Last 90 days' },
  { value: '365', label: 'Last 12 months' },
];

interface UsageSectionProps {
  /** Counting again writes today's snapshot: offered only while the tenant is editable. */
  canRefresh: boolean;
}

/** Usage over time (§1.7: billable courses, active users), as a chart or a table. */
export function UsageSection({ canRefresh }: UsageSectionProps) {
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [days, setDays] = useState('90');
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const usage = useQuery({
    queryKey: [...BILLING_KEY, 'usage', days],
    queryFn: ({ signal }) => getUsage(Number(days), signal),
  });
  const refresh = useMutation({
    mutationFn: refreshUsage,
    onSuccess: (snapshot) => {
      void queryClient.invalidateQueries({ queryKey: BILLING_KEY });
      notify({
        kind: 'success',
        title: 'Usage counted',
        message: `${String(snapshot.billableCourses)} billable courses, ${String(snapshot.activeUsers)} active users today.`,
      });
    },
    onError: (error) =>
      notify({
        kind: 'error',
        title: 'Usage could not be counted',
        message: error.message,
        requestId: requestIdOf(error),
      }),
  });
  const items = usage.data?.items ?? [];

  return (
    <Card withBorder padding="md">
      <Stack gap="md">
        <Group justify="space-between" align="flex-end" wrap="wrap">
          <Stack gap={0}>
            <Title order={2} size="h4">
              Usage
            </Title>
            <Text size="sm" c="dimmed">
              Counted every day: courses with a section in a term that is active or starts within 30
              days, and active accounts teaching in a current or upcoming term.
            </Text>
          </Stack>
          <Group gap="sm" align="flex-end" wrap="wrap">
            <NativeSelect
              label="Period"
              data={RANGES}
              value={days}
              onChange={(event) => setDays(event.currentTarget.value)}
            />
            <SegmentedControl
              aria-label="Show usage as"
              value={view}
              onChange={(value) => setView(value === 'table' ? 'table' : 'chart')}
              data={[
                { value: 'chart', label: 'Chart' },
                { value: 'table', label: 'Table' },
              ]}
            />
            {canRefresh && (
              <Button variant="light" onClick={() => refresh.mutate()} loading={refresh.isPending}>
                Count now
              </Button>
            )}
          </Group>
        </Group>
        {usage.isPending && <TableLoading label="Loading usage…" />}
        {usage.isError && (
          <ErrorAlert
            title="Usage could not be loaded"
            error={usage.error}
            onRetry={() => void usage.refetch()}
            retrying={usage.isFetching}
          />
        )}
        {usage.isSuccess && items.length === 0 && (
          <TableEmpty
            title="No usage counted in this period"
            description="Usage is counted once a day; the first count appears after the next daily run."
          />
        )}
        {items.length > 0 && view === 'chart' && (
          <Suspense
            fallback={
              <Center h={260}>
                <Loader size="sm" aria-label="Loading the chart" />
              </Center>
            }
          >
            <UsageChart items={items} />
          </Suspense>
        )}
        {items.length > 0 && view === 'table' && (
          <Table.ScrollContainer minWidth={420} mah={360}>
            <Table striped stickyHeader aria-label="Usage per day">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Day</Table.Th>
                  <Table.Th ta="right">Billable courses</Table.Th>
                  <Table.Th ta="right">Active users</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {[...items].reverse().map((item) => (
                  <Table.Tr key={item.day}>
                    <Table.Td>{formatDay(item.day)}</Table.Td>
                    <Table.Td ta="right">{item.billableCourses}</Table.Td>
                    <Table.Td ta="right">{item.activeUsers}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Card>
  );
}
