import '@mantine/charts/styles.css';
import { LineChart } from '@mantine/charts';
import { formatPercent } from './display';
import type { Trend } from './types';

const COLORS = [
  'indigo.6',
  'teal.6',
  'orange.6',
  'grape.6',
  'cyan.6',
  'lime.7',
  'pink.6',
  'yellow.7',
];

/** Series key of the program's overall line and of each PLO's. */
export const OVERALL = 'overall';

/** The trend as a line chart (recharts is heavy: this file loads only when the chart is shown). */
export function TrendChart({ trend }: { trend: Trend }) {
  const data = trend.terms.map((term, index) => ({
    term: term.code,
    [OVERALL]: trend.overall[index]?.rate ?? null,
    ...Object.fromEntries(trend.plos.map((plo) => [plo.id, plo.points[index]?.rate ?? null])),
  }));
  const changed = trend.terms.filter(
    (_, index) =>
      trend.overall[index]?.changed === true ||
      trend.plos.some((plo) => plo.points[index]?.changed === true),
  );
  return (
    <LineChart
      h={300}
      data={data}
      dataKey="term"
      series={[
        { name: OVERALL, label: 'Program', color: 'gray.7' },
        ...trend.plos.map((plo, index) => ({
          name: plo.id,
          label: `PLO ${String(plo.number)}`,
          color: COLORS[index % COLORS.length] ?? 'blue.6',
        })),
      ]}
      connectNulls={false}
      curveType="linear"
      withLegend
      yAxisProps={{ domain: [0, 100] }}
      valueFormatter={(value) => formatPercent(value)}
      referenceLines={[
        {
          y: trend.threshold,
          label: `Threshold ${formatPercent(trend.threshold)}`,
          color: 'red.6',
          strokeDasharray: '4 4',
          labelPosition: 'insideBottomLeft' as const,
        },
        ...changed.map((term) => ({
          x: term.code,
          label: 'CLOs changed',
          color: 'gray.6',
          strokeDasharray: '2 2',
          labelPosition: 'insideTopLeft' as const,
        })),
      ]}
      role="img"
      aria-label={`Pass rate by term for ${trend.program.name}, as a line chart`}
    />
  );
}
