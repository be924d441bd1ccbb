import { Center, Loader } from '@mantine/core';
import { lazy, Suspense } from 'react';
import type { ProgramNumbers } from './types';

const ProgressChart = lazy(async () => ({
  default: (await import('./ProgressChart')).ProgressChart,
}));

/** The per-program chart, loading the charting library on first use. */
export function LazyProgressChart({ programs }: { programs: readonly ProgramNumbers[] }) {
  return (
    <Suspense
      fallback={
        <Center h={160}>
          <Loader size="sm" aria-label="Loading the chart" />
        </Center>
      }
    >
      <ProgressChart programs={programs} />
    </Suspense>
  );
}
