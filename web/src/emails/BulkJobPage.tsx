import { Anchor, Badge, Card, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { formatDateTime } from '../format/dates';
import { TableLoading } from '../table/TableStates';
import { BULK_KEY, getBulkProgress } from './api';
import { BulkProgressBar, BulkTallyText } from './BulkProgressBar';
import { DetailProblem } from './DetailProblem';
import { BULK_STATUS_LABELS, templateLabel } from './labels';
import { BULK_PATH } from './paths';
import { StatusBadge } from './StatusBadge';
import type { BulkProgress } from './types';

/** How often a running job is checked: often enough to watch it move. */
export const LIVE_REFRESH_MS = 2_000;

function Failures({ failures }: { failures: BulkProgress['failures'] }) {
  if (failures.length === 0) return <Text size="sm">No recipient has failed.</Text>;
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table striped withTableBorder aria-label="Failed recipients">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Recipient</Table.Th>
            <Table.Th w={120}>Status</Table.Th>
            <Table.Th>Reason</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {failures.map((failure) => (
            <Table.Tr key={failure.to}>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{failure.to}</Table.Td>
              <Table.Td>
                <StatusBadge status={failure.status} />
              </Table.Td>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{failure.reason ?? '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** `/admin/emails/bulk/:id`: one bulk send, live while it runs, with every failure and why. */
export function BulkJobPage() {
  const { id = '' } = useParams();
  const job = useQuery({
    queryKey: [...BULK_KEY, 'progress', id],
    queryFn: ({ signal }) => getBulkProgress(id, signal),
    refetchInterval: ({ state }) => (state.data?.status === 'running' ? LIVE_REFRESH_MS : false),
  });
  const back = (
    <Anchor component={Link} to={BULK_PATH} size="sm">
      ← All bulk sends
    </Anchor>
  );

  if (job.isPending) return <TableLoading label="Loading the bulk send…" />;
  if (job.isError) {
    return <DetailProblem back={back} title="The bulk send could not be loaded" query={job} />;
  }
  const data = job.data;
  const { counts } = data;
  const tally = {
    total: data.total,
    sent: counts.sent,
    failed: counts.failed + counts.blocked,
  };
  const label = `${templateLabel(data.template)} to ${String(data.total)} recipients`;
  const running = data.status === 'running';

  return (
    <Stack gap="lg">
      <title>{`Bulk send: ${label} · Emails · EduLedger`}</title>
      <Stack gap="xs">
        {back}
        <Group justify="space-between" align="center">
          <Title order={2} size="h3">
            {label}
          </Title>
          <Badge size="lg" variant="light" color={running ? 'blue' : 'green'}>
            {BULK_STATUS_LABELS[data.status]}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          Started {formatDateTime(data.createdAt)}
          {data.completedAt ? ` · completed ${formatDateTime(data.completedAt)}` : ''}
        </Text>
      </Stack>
      <Card withBorder padding="md">
        <Stack gap="sm">
          <BulkProgressBar {...tally} label="Progress of this bulk send" />
          <Group justify="space-between" wrap="wrap">
            <BulkTallyText {...tally} />
            {running && (
              <Group gap={6} role="status">
                <Loader size={14} aria-hidden />
                <Text size="sm" c="dimmed">
                  Updating live
                </Text>
              </Group>
            )}
          </Group>
        </Stack>
      </Card>
      <Stack gap="xs">
        <Title order={3} size="h5">
          Failed recipients
        </Title>
        <Failures failures={data.failures} />
      </Stack>
    </Stack>
  );
}
