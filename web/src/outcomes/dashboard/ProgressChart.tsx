import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { OUTCOME_SERIES } from './labels';
import type { ProgramNumbers } from './types';

/** CLO results per program, stacked by status (recharts is heavy: this file loads on demand). */
export function ProgressChart({ programs }: { programs: readonly ProgramNumbers[] }) {
  const data = programs.map((program) => ({
    program: program.name,
    ...program.outcomes.byStatus,
  }));
  return (
    <BarChart
      h={Math.max(140, data.length * 44 + 60)}
      data={data}
      dataKey="program"
      type="stacked"
      orientation="vertical"
      series={OUTCOME_SERIES.map(({ name, label, color }) => ({ name, label, color }))}
      withLegend
      yAxisProps={{ width: 160 }}
      gridAxis="x"
      role="img"
      aria-label="CLO results per program by status, as a stacked bar chart"
    />
  );
}
