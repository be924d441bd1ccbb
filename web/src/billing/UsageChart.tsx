import '@mantine/charts/styles.css';
import { LineChart } from '@mantine/charts';
import type { UsageSnapshot } from './types';
import { formatDay } from './format';

export interface UsageChartProps {
  items: readonly UsageSnapshot[];
}

/** Billable courses and active users per day (recharts is heavy: this file loads only when shown). */
export function UsageChart({ items }: UsageChartProps) {
  return (
    <LineChart
      h={260}
      data={items.map((item) => ({ ...item, label: formatDay(item.day) }))}
      dataKey="label"
      series={[
        { name: 'billableCourses', label: 'Billable courses', color: 'indigo.6' },
        { name: 'activeUsers', label: 'Active users', color: 'teal.6' },
      ]}
      curveType="linear"
      withLegend
      withDots={items.length <= 31}
      role="img"
      aria-label="Billable courses and active users per day, as a line chart"
    />
  );
}
