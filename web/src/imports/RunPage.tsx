import {
  Alert,
  Anchor,
  Badge,
  Button,
  Container,
  Group,
  List,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { formatDateTime } from '../format/dates';
import { TableLoading } from '../table/TableStates';
import { ErrorAlert } from '../ui/ErrorAlert';
import { FormError } from '../ui/FormError';
import { cancelRun, getRun, rerunFailedSteps, runKey, RUNS_KEY } from './api';
import { formatDuration, isActive } from './labels';
import { RunErrors } from './RunErrors';
import { StatusBadge } from './StatusBadge';
import { StepsTable } from './StepsTable';
import type { RunDetail } from './types';

function RunActions({ run }: { run: RunDetail }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const cancel = useMutation({
    mutationFn: () => cancelRun(run.id),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: runKey(run.id) }),
  });
  const rerun = useMutation({
    mutationFn: () => rerunFailedSteps(run.id),
    onSuccess: (started) => {
      void queryClient.invalidateQueries({ queryKey: RUNS_KEY });
      void navigate(`/imports/${started.runId}`);
    },
  });
  return (
    <Stack gap="xs">
      <Group gap="sm">
        {isActive(run.status) && (
          <Button
            color="red"
            variant="light"
            onClick={() => cancel.mutate()}
            loading={cancel.isPending}
            disabled={run.cancelRequested}
          >
            {run.cancelRequested ? 'Cancelling…' : 'Cancel run'}
          </Button>
        )}
        {run.canRerun && (
          <Button onClick={() => rerun.mutate()} loading={rerun.isPending}>
            Rerun failed steps
          </Button>
        )}
      </Group>
      {cancel.isError && <FormError title="The run could not be cancelled" error={cancel.error} />}
      {rerun.isError && <FormError title="The steps could not be rerun" error={rerun.error} />}
    </Stack>
  );
}

/** `/imports/:runId`: one run, refreshed every second while it works. */
export function RunPage() {
  const { runId = '' } = useParams();
  const run = useQuery({
    queryKey: runKey(runId),
    queryFn: ({ signal }) => getRun(runId, signal),
    refetchInterval: (query) =>
      query.state.data && isActive(query.state.data.status) ? 1000 : false,
  });
  const data = run.data;
  return (
    <Container size="xl" py="md">
      <title>Import run · EduLedger</title>
      <Stack gap="lg">
        <Anchor component={Link} to="/imports" size="sm">
          ← Imports
        </Anchor>
        {run.isError && (
          <ErrorAlert
            title="The run could not be loaded"
            error={run.error}
            onRetry={() => void run.refetch()}
            retrying={run.isFetching}
          />
        )}
        {run.isPending && <TableLoading label="Loading the run…" />}
        {data && (
          <>
            <Group justify="space-between" align="flex-start">
              <Stack gap={4}>
                <Group gap="sm">
                  <Title order={1}>Import run</Title>
                  <StatusBadge status={data.status} />
                  {data.mode === 'validate' && <Badge variant="outline">Validate only</Badge>}
                </Group>
                <Text size="sm" c="dimmed">
                  {data.pipeline} · {data.source} · started{' '}
                  {formatDateTime(data.startedAt ?? data.createdAt)} · took{' '}
                  {formatDuration(data.durationMs)}
                </Text>
              </Stack>
              <RunActions run={data} />
            </Group>
            {data.mode === 'validate' && !isActive(data.status) && (
              <Text size="sm">
                Nothing was saved: the counts tell what a real import would create and update.
              </Text>
            )}
            {data.message && (
              <Alert color="red" variant="light" title="The run stopped">
                {data.message}
              </Alert>
            )}
            {data.warnings.length > 0 && (
              <Alert color="yellow" variant="light" title="Plan warnings">
                <List size="sm">
                  {data.warnings.map((warning) => (
                    <List.Item key={warning}>{warning}</List.Item>
                  ))}
                </List>
              </Alert>
            )}
            <StepsTable steps={data.steps} />
            {data.errorCount > 0 && <RunErrors run={data} />}
          </>
        )}
      </Stack>
    </Container>
  );
}
