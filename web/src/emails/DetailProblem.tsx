import { Stack } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ErrorAlert } from '../ui/ErrorAlert';

interface DetailProblemProps {
  /** The way back to the list. */
  back: ReactNode;
  title: string;
  query: UseQueryResult & { error: Error };
}

/** A record's page that could not be loaded (e.g. gone, or another tenant's): why, retry, way back. */
export function DetailProblem({ back, title, query }: DetailProblemProps) {
  return (
    <Stack gap="md" align="flex-start">
      {back}
      <ErrorAlert
        title={title}
        error={query.error}
        onRetry={() => void query.refetch()}
        retrying={query.isFetching}
      />
    </Stack>
  );
}
