import {
  Alert,
  Badge,
  Button,
  Card,
  Container,
  Group,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { EMAIL_STATUSES } from '../emails/types';
import { STATUS_LABELS as EMAIL_LABELS } from '../emails/labels';
import { formatDateTime } from '../format/dates';
import { StatusBadge } from '../imports/StatusBadge';
import { TableEmpty, TableLoading } from '../table/TableStates';
import { ErrorAlert } from '../ui/ErrorAlert';
import { getSystemStatus, sendTestAlert, SYSTEM_KEY } from './api';
import type { SystemStatus } from './types';

const REFRESH_MS = 30_000;

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card withBorder padding="md" component="section" aria-label={title}>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {title}
        </Title>
        {children}
      </Stack>
    </Card>
  );
}

function Health({ ok, label }: { ok: boolean; label: string }) {
  return (
    <Badge color={ok ? 'green' : 'red'} variant="light">
      {label}
    </Badge>
  );
}

function DatabaseSection({ database }: { database: SystemStatus['database'] }) {
  const ok = database.status === 'ok';
  return (
    <Section title="Database">
      <Group gap="xs">
        <Health ok={ok} label={ok ? 'Reachable' : 'Unreachable'} />
      </Group>
      {database.pool && (
        <Text size="sm">
          Connections: {database.pool.total} open of {database.pool.max}, {database.pool.idle} idle,{' '}
          {database.pool.waiting} waiting
        </Text>
      )}
    </Section>
  );
}

function EmailSection({ emails }: { emails: SystemStatus['emails'] }) {
  return (
    <Section title="Email">
      <Group gap="xs">
        <Health
          ok={emails.failed === 0}
          label={emails.failed === 0 ? 'No failed deliveries' : `${emails.failed} failed`}
        />
      </Group>
      <Group gap="lg">
        {EMAIL_STATUSES.map((status) => (
          <Stack key={status} gap={0}>
            <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
              {EMAIL_LABELS[status]}
            </Text>
            <Text fw={700} aria-label={`${EMAIL_LABELS[status]} emails`}>
              {emails[status]}
            </Text>
          </Stack>
        ))}
      </Group>
    </Section>
  );
}

function CacheSection({ cache }: { cache: SystemStatus['cache'] }) {
  return (
    <Section title="Report cache">
      <Text size="sm">{cache.entries} cached report views</Text>
      {cache.hitRatio !== undefined && (
        <Text size="sm">
          Hit ratio since start:{' '}
          {cache.hitRatio === null
            ? 'no reports read yet'
            : `${Math.round(cache.hitRatio * 100)}% (${cache.hits} hits, ${cache.misses} misses)`}
        </Text>
      )}
    </Section>
  );
}

function JobsSection({ jobs }: { jobs: NonNullable<SystemStatus['jobs']> }) {
  const stalled = jobs.filter((job) => job.stalled).length;
  return (
    <Section title="Background jobs">
      <Group gap="xs">
        <Health ok={stalled === 0} label={stalled === 0 ? 'Running' : `${stalled} stalled`} />
      </Group>
      {jobs.length === 0 ? (
        <Text size="sm" c="dimmed">
          No background jobs run in this process.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table striped withTableBorder aria-label="Background jobs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Job</Table.Th>
                <Table.Th ta="right">Waiting</Table.Th>
                <Table.Th ta="right">Failures</Table.Th>
                <Table.Th>Last success</Table.Th>
                <Table.Th>State</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {jobs.map((job) => (
                <Table.Tr key={job.name}>
                  <Table.Td>{job.name}</Table.Td>
                  <Table.Td ta="right">{job.depth}</Table.Td>
                  <Table.Td ta="right">{job.failures}</Table.Td>
                  <Table.Td>{job.lastSuccessAt ? formatDateTime(job.lastSuccessAt) : '—'}</Table.Td>
                  <Table.Td>
                    <Health ok={!job.stalled} label={job.stalled ? 'Stalled' : 'OK'} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Section>
  );
}

function ImportsSection({ status }: { status: SystemStatus }) {
  const platform = status.scope === 'platform';
  return (
    <Section title="Last imports">
      {status.imports.length === 0 ? (
        <TableEmpty title="No imports yet" />
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table striped withTableBorder aria-label="Last imports">
            <Table.Thead>
              <Table.Tr>
                {platform && <Table.Th>Tenant</Table.Th>}
                <Table.Th>Pipeline</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Started</Table.Th>
                <Table.Th>Finished</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {status.imports.map((run) => (
                <Table.Tr key={run.id}>
                  {platform && <Table.Td>{run.tenantName}</Table.Td>}
                  <Table.Td>{run.pipeline}</Table.Td>
                  <Table.Td>
                    <StatusBadge status={run.status} />
                  </Table.Td>
                  <Table.Td>{formatDateTime(run.createdAt)}</Table.Td>
                  <Table.Td>{run.finishedAt ? formatDateTime(run.finishedAt) : '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Section>
  );
}

function AlertsSection({ alerts }: { alerts: NonNullable<SystemStatus['alerts']> }) {
  const test = useMutation({ mutationFn: sendTestAlert });
  const on = alerts.enabled && alerts.webhookConfigured;
  return (
    <Section title="Alerts">
      <Group gap="xs">
        <Health ok={on} label={on ? 'Webhook on' : 'Webhook off'} />
      </Group>
      {!on && (
        <Text size="sm" c="dimmed">
          Set ALERT_WEBHOOK_URL and ALERTS_ENABLED=on to receive alerts.
        </Text>
      )}
      <Group>
        <Button variant="light" loading={test.isPending} onClick={() => test.mutate()}>
          Send a test alert
        </Button>
      </Group>
      {test.data && (
        <Alert color={test.data.outcome === 'sent' ? 'green' : 'yellow'} variant="light">
          {test.data.message}
        </Alert>
      )}
      {test.error && <ErrorAlert title="Could not send the test alert" error={test.error} />}
    </Section>
  );
}

export function SystemPage() {
  const status = useQuery({
    queryKey: SYSTEM_KEY,
    queryFn: ({ signal }) => getSystemStatus(signal),
    refetchInterval: REFRESH_MS,
  });
  return (
    <Container size="xl" py="md">
      <title>System · EduLedger</title>
      <Stack gap="lg">
        <Title order={1}>System</Title>
        {status.isPending ? (
          <TableLoading label="Checking the system…" />
        ) : status.isError ? (
          <ErrorAlert
            title="Could not load the system status"
            error={status.error}
            onRetry={() => void status.refetch()}
            retrying={status.isFetching}
          />
        ) : (
          <>
            <Text c="dimmed" size="sm">
              {status.data.scope === 'platform'
                ? 'The whole installation, every tenant.'
                : 'Your institution: its emails, imports and cached reports.'}
            </Text>
            <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
              <DatabaseSection database={status.data.database} />
              <EmailSection emails={status.data.emails} />
              <CacheSection cache={status.data.cache} />
            </SimpleGrid>
            {status.data.jobs && <JobsSection jobs={status.data.jobs} />}
            <ImportsSection status={status.data} />
            {status.data.alerts && <AlertsSection alerts={status.data.alerts} />}
          </>
        )}
      </Stack>
    </Container>
  );
}
