import { Alert, Badge, Button, Group, Loader, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { ApiError } from '../api/ApiError';
import type { Health } from '../api/health';
import { healthQuery } from '../api/health';

function StatusPending() {
  return (
    <Group gap="xs">
      <Loader size="xs" aria-hidden />
      <Text size="sm">Checking system status…</Text>
    </Group>
  );
}

function StatusUp({ health }: { health: Health }) {
  return (
    <Group gap="xs">
      <Badge color="green" variant="light">
        System is up
      </Badge>
      <Text size="sm" c="dimmed">
        Version {health.version}
      </Text>
    </Group>
  );
}

interface StatusDownProps {
  error: Error;
  onRetry: () => void;
  retrying: boolean;
}

function StatusDown({ error, onRetry, retrying }: StatusDownProps) {
  const requestId = error instanceof ApiError ? error.requestId : undefined;
  return (
    <Alert color="red" variant="light" title="System is unavailable">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{error.message}</Text>
        {requestId !== undefined && (
          <Text size="xs" c="dimmed">
            Request ID: <code>{requestId}</code>
          </Text>
        )}
        <Button size="xs" variant="outline" color="red" onClick={onRetry} loading={retrying}>
          Retry
        </Button>
      </Stack>
    </Alert>
  );
}

/** Live status of the EduLedger service, from `GET /api/health`. */
export function SystemStatus() {
  const health = useQuery(healthQuery);

  return (
    <>
      <div role="status">
        {health.isPending && <StatusPending />}
        {health.isSuccess && <StatusUp health={health.data} />}
      </div>
      {health.isError && (
        <StatusDown
          error={health.error}
          onRetry={() => void health.refetch()}
          retrying={health.isFetching}
        />
      )}
    </>
  );
}
