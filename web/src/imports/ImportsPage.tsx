import { Alert, Anchor, Container, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { formatDateTime } from '../format/dates';
import { accessFor } from '../session/session';
import { useSession } from '../session/SessionContext';
import { TableLoading } from '../table/TableStates';
import { ErrorAlert } from '../ui/ErrorAlert';
import { getOverview, IMPORTS_KEY } from './api';
import { STATUS_LABELS } from './labels';
import { NewImport } from './NewImport';
import { RunHistory } from './RunHistory';
import { ScheduleForm } from './ScheduleForm';
import type { ScheduledFailure } from './types';

function ScheduledFailureBanner({ failure }: { failure: ScheduledFailure }) {
  const status = STATUS_LABELS[failure.status as keyof typeof STATUS_LABELS] ?? failure.status;
  return (
    <Alert color="red" variant="light" title="The last scheduled import did not succeed">
      <Stack gap={4}>
        <Text size="sm">
          {status}
          {failure.finishedAt ? ` on ${formatDateTime(failure.finishedAt)}` : ''}
          {failure.message ? `: ${failure.message}` : '.'}
        </Text>
        <Anchor component={Link} to={`/imports/${failure.runId}`} size="sm">
          See the run
        </Anchor>
      </Stack>
    </Alert>
  );
}

/** `/imports`: run an import, watch the history, and (tenant admins) schedule the nightly one. */
export function ImportsPage() {
  const me = useSession();
  const { roles } = accessFor(me);
  const schedules = roles.includes('tenant_admin') || roles.includes('site_admin');
  const overview = useQuery({
    queryKey: IMPORTS_KEY,
    queryFn: ({ signal }) => getOverview(signal),
  });
  const data = overview.data;
  return (
    <Container size="xl" py="md">
      <title>Imports · EduLedger</title>
      <Stack gap="lg">
        <Stack gap={0}>
          <Title order={1}>Imports</Title>
          <Text size="sm" c="dimmed">
            Bring in data from a Salesforce export. Reruns never duplicate: rows are matched by
            their Salesforce id.
          </Text>
        </Stack>
        {overview.isError && (
          <ErrorAlert
            title="Imports could not be loaded"
            error={overview.error}
            onRetry={() => void overview.refetch()}
            retrying={overview.isFetching}
          />
        )}
        {overview.isPending && <TableLoading label="Loading imports…" />}
        {data?.lastScheduledFailure && (
          <ScheduledFailureBanner failure={data.lastScheduledFailure} />
        )}
        {data && data.pipelines.length === 0 && (
          <Text>None of this tenant's modules imports data.</Text>
        )}
        {data && data.pipelines.length > 0 && <NewImport overview={data} />}
        {data && <RunHistory />}
        {data && data.pipelines.length > 0 && schedules && (
          <ScheduleForm salesforce={data.salesforce.configured} />
        )}
      </Stack>
    </Container>
  );
}
