import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { QueryValues } from '../api/queryString';
import { RelativeTime } from '../format/RelativeTime';
import { useNotify } from '../ui/notificationsContext';
import { requestIdOf } from '../ui/ErrorAlert';
import { useIsReportAdmin } from './access';
import { exportUrl, refreshReport, REPORTS_KEY } from './api';

interface ReportHeaderProps {
  /** The report's name in the API. */
  name: string;
  title: string;
  description: ReactNode;
  /** The report's filters (no page or sort): what Refresh recomputes and Export downloads. */
  filters: QueryValues;
  /** When the data shown was computed; unknown while loading. */
  computedAt?: string;
}

/** A report page's heading: what it is, when it was computed, Refresh (admins) and the exports. */
export function ReportHeader({ name, title, description, filters, computedAt }: ReportHeaderProps) {
  const isAdmin = useIsReportAdmin();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const refresh = useMutation({
    mutationFn: () => refreshReport(name, filters),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: [...REPORTS_KEY, name] });
      notify({ kind: 'success', title: `${title} was computed again` });
    },
    onError: (error) =>
      notify({
        kind: 'error',
        title: `${title} could not be refreshed`,
        message: error.message,
        requestId: requestIdOf(error),
      }),
  });
  return (
    <Group justify="space-between" align="flex-start" gap="md">
      <Stack gap={4}>
        <Title order={1}>{title}</Title>
        <Text size="sm" c="dimmed">
          {description}
        </Text>
        {computedAt && (
          <Group gap={4}>
            <Text size="sm" c="dimmed">
              Computed
            </Text>
            <RelativeTime at={computedAt} c="dimmed" />
          </Group>
        )}
      </Stack>
      <Group gap="sm">
        {isAdmin && (
          <Button variant="default" onClick={() => refresh.mutate()} loading={refresh.isPending}>
            Refresh
          </Button>
        )}
        <Button component="a" href={exportUrl(name, filters, 'xlsx')} download variant="light">
          Export XLSX
        </Button>
        <Button component="a" href={exportUrl(name, filters, 'csv')} download variant="light">
          Export CSV
        </Button>
      </Group>
    </Group>
  );
}
