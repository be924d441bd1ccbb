import {
  Anchor,
  Button,
  Card,
  Container,
  Group,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { TableEmpty, TableLoading } from '../table/TableStates';
import { ConfirmModal } from '../ui/ConfirmModal';
import { ErrorAlert } from '../ui/ErrorAlert';
import { useNotify } from '../ui/notificationsContext';
import { useIsReportAdmin } from './access';
import { listReports, refreshAllReports, REPORTS_KEY } from './api';
import { REPORT_PAGES } from './pages';

const DESCRIPTIONS: Readonly<Record<string, string>> = {
  'district-year-end':
    'Events, students, volunteers and hours of each district in a school year, with a detail page per district.',
  'virtual-usage':
    'Virtual sessions: teachers reached, estimated students, presenters, by district and by month.',
  'first-time-volunteers': 'Volunteers whose first attended event falls in the school year.',
  organizations: 'Sessions, hours and volunteers credited to each organization.',
  'volunteer-hours': 'The thank-you list: volunteers ranked by hours.',
};

/** Tenant admins: every report is computed again on its next view. */
function RefreshAllButton() {
  const [open, setOpen] = useState(false);
  const queryClient = useQueryClient();
  const notify = useNotify();
  const refresh = useMutation({
    mutationFn: refreshAllReports,
    onSuccess: async ({ dropped }) => {
      setOpen(false);
      await queryClient.invalidateQueries({ queryKey: REPORTS_KEY });
      notify({
        kind: 'success',
        title: 'Report caches cleared',
        message: `${String(dropped)} cached results dropped; each report is computed again when opened.`,
      });
    },
  });
  return (
    <>
      <Button variant="default" onClick={() => setOpen(true)}>
        Refresh all caches
      </Button>
      <ConfirmModal
        opened={open}
        title="Refresh all report caches?"
        confirmLabel="Refresh all caches"
        onConfirm={() => refresh.mutate()}
        onClose={() => setOpen(false)}
        pending={refresh.isPending}
        error={refresh.error}
      >
        <Text size="sm">
          Every report of this tenant will be computed again from the current data the next time
          someone opens it. The first views may take a few seconds.
        </Text>
      </ConfirmModal>
    </>
  );
}

/** `/engagement/reports`: the reports the user may open. */
export function ReportsPage() {
  const isAdmin = useIsReportAdmin();
  const reports = useQuery({
    queryKey: [...REPORTS_KEY, 'list'],
    queryFn: ({ signal }) => listReports(signal),
  });
  const available = (reports.data?.reports ?? []).filter((report) => REPORT_PAGES[report.name]);
  return (
    <Container size="xl" py="md">
      <title>Reports · EduLedger</title>
      <Stack gap="md">
        <Group justify="space-between" align="flex-start">
          <Stack gap={4}>
            <Title order={1}>Reports</Title>
            <Text size="sm" c="dimmed">
              Results are cached and recomputed after every import or edit; each report shows when
              it was computed.
            </Text>
          </Stack>
          {isAdmin && <RefreshAllButton />}
        </Group>
        {reports.isPending && <TableLoading label="Loading the reports…" />}
        {reports.isError && (
          <ErrorAlert
            title="The reports could not be loaded"
            error={reports.error}
            onRetry={() => void reports.refetch()}
            retrying={reports.isFetching}
          />
        )}
        {reports.isSuccess && available.length === 0 && (
          <TableEmpty title="No reports for your role" />
        )}
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
          {available.map((report) => (
            <Card key={report.name} withBorder padding="lg">
              <Stack gap="xs">
                <Anchor
                  component={Link}
                  to={REPORT_PAGES[report.name]?.path ?? ''}
                  fw={600}
                  size="lg"
                >
                  {report.title}
                </Anchor>
                <Text size="sm" c="dimmed">
                  {DESCRIPTIONS[report.name]}
                </Text>
              </Stack>
            </Card>
          ))}
        </SimpleGrid>
      </Stack>
    </Container>
  );
}
