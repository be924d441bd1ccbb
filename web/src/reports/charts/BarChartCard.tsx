import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Card, Stack, Title } from '@mantine/core';

export interface ChartSeries {
  name: string;
  label: string;
  color: string;
}

export interface BarChartCardProps {
  title: string;
  data: readonly object[];
  /** The field naming each bar group (e.g. the month's label). */
  dataKey: string;
  series: readonly ChartSeries[];
  /** Bars across (e.g. districts) rather than up. */
  horizontal?: boolean;
}

/** A titled bar chart (recharts is heavy: this file loads only when a chart is shown). */
export function BarChartCard({
  title,
  data,
  dataKey,
  series,
  horizontal = false,
}: BarChartCardProps) {
  return (
    <Card withBorder padding="md" h="100%">
      <Stack gap="sm">
        <Title order={2} size="h5">
          {title}
        </Title>
        <BarChart
          h={horizontal ? Math.max(160, data.length * 40) : 260}
          data={data as Record<string, unknown>[]}
          dataKey={dataKey}
          series={[...series]}
          orientation={horizontal ? 'vertical' : 'horizontal'}
          yAxisProps={horizontal ? { width: 180 } : undefined}
          withLegend
          role="img"
          aria-label={`${title}, as a bar chart`}
        />
      </Stack>
    </Card>
  );
}
