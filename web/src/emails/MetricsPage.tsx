import { Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { TableEmpty, TableLoading } from '../table/TableStates';
import { ErrorAlert } from '../ui/ErrorAlert';
import { EMAILS_KEY, getMetrics } from './api';
import { STATUS_COLORS, STATUS_HINTS, STATUS_LABELS } from './labels';
import { statusCounts, templateCounts, type StatusCounts, type TemplateCounts } from './metrics';
import { EMAIL_STATUSES } from './types';

const DeliveryCharts = lazy(async () => ({
  default: (await import('./DeliveryCharts')).DeliveryCharts,
}));

function StatusNumbers({ counts, total }: { counts: StatusCounts; total: number }) {
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="md">
      <Card withBorder padding="sm">
        <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
          All emails
        </Text>
        <Text fz="xl" fw={700}>
          {total}
        </Text>
      </Card>
      {EMAIL_STATUSES.map((status) => (
        <Card key={status} withBorder padding="sm" title={STATUS_HINTS[status]}>
          <Text size="xs" c={STATUS_COLORS[status]} tt="uppercase" fw={700}>
            {STATUS_LABELS[status]}
          </Text>
          <Group gap={6} align="baseline">
            <Text fz="xl" fw={700}>
              {counts[status]}
            </Text>
            {total > 0 && (
              <Text size="xs" c="dimmed">
                {Math.round((counts[status] / total) * 100)}%
              </Text>
            )}
          </Group>
        </Card>
      ))}
    </SimpleGrid>
  );
}

function TemplateTable({ rows }: { rows: readonly TemplateCounts[] }) {
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped withTableBorder aria-label="Emails by template">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Template</Table.Th>
            {EMAIL_STATUSES.map((status) => (
              <Table.Th key={status} ta="right">
                {STATUS_LABELS[status]}
              </Table.Th>
            ))}
            <Table.Th ta="right">Total</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.template}>
              <Table.Td>{row.label}</Table.Td>
              {EMAIL_STATUSES.map((status) => (
                <Table.Td key={status} ta="right">
                  {row[status]}
                </Table.Td>
              ))}
              <Table.Td ta="right" fw={700}>
                {row.total}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** `/admin/emails/metrics`: how delivery goes, by status and by template. */
export function MetricsPage() {
  const metrics = useQuery({
    queryKey: [...EMAILS_KEY, 'metrics'],
    queryFn: ({ signal }) => getMetrics(signal),
  });

  if (metrics.isPending) return <TableLoading label="Loading delivery metrics…" />;
  if (metrics.isError) {
    return (
      <ErrorAlert
        title="The delivery metrics could not be loaded"
        error={metrics.error}
        onRetry={() => void metrics.refetch()}
        retrying={metrics.isFetching}
      />
    );
  }
  const byStatus = statusCounts(metrics.data);
  const byTemplate = templateCounts(metrics.data);
  const total = byTemplate.reduce((sum, row) => sum + row.total, 0);

  return (
    <Stack gap="lg">
      <title>Delivery metrics · Emails · EduLedger</title>
      <Title order={2} size="h3">
        Delivery metrics
      </Title>
      {total === 0 ? (
        <TableEmpty
          title="No emails yet"
          description="Counts by status and template appear once EduLedger has queued its first email."
        />
      ) : (
        <>
          <StatusNumbers counts={byStatus} total={total} />
          <Suspense fallback={<TableLoading label="Drawing the charts…" />}>
            <DeliveryCharts byStatus={byStatus} byTemplate={byTemplate} />
          </Suspense>
          <TemplateTable rows={byTemplate} />
        </>
      )}
    </Stack>
  );
}
