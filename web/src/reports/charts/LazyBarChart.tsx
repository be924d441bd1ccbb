import { Center, Loader } from '@mantine/core';
import { lazy, Suspense } from 'react';
import type { BarChartCardProps } from './BarChartCard';

const BarChartCard = lazy(async () => ({ default: (await import('./BarChartCard')).BarChartCard }));

/** A bar chart card, loading the charting library on first use. */
export function LazyBarChart(props: BarChartCardProps) {
  return (
    <Suspense
      fallback={
        <Center h={200}>
          <Loader size="sm" aria-label="Loading the chart" />
        </Center>
      }
    >
      <BarChartCard {...props} />
    </Suspense>
  );
}
