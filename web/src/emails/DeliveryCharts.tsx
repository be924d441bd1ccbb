import '@mantine/charts/styles.css';
import { BarChart, DonutChart } from '@mantine/charts';
import { Card, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { STATUS_SERIES, type StatusCounts, type TemplateCounts } from './metrics';

interface DeliveryChartsProps {
  byStatus: StatusCounts;
  byTemplate: readonly TemplateCounts[];
}

/** Charts of the delivery metrics (recharts is heavy: this file loads only when shown). */
export function DeliveryCharts({ byStatus, byTemplate }: DeliveryChartsProps) {
  const total = Object.values(byStatus).reduce((sum, n) => sum + n, 0);
  const slices = STATUS_SERIES.filter(({ name }) => byStatus[name] > 0).map(
    ({ name, label, color }) => ({ name: label, value: byStatus[name], color }),
  );
  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, md: 4 }}>
        <Card withBorder padding="md" h="100%">
          <Stack gap="sm" align="center">
            <Title order={3} size="h5" style={{ alignSelf: 'flex-start' }}>
              By status
            </Title>
            <DonutChart
              data={slices}
              size={180}
              thickness={28}
              chartLabel={`${String(total)} emails`}
              tooltipDataSource="segment"
              role="img"
              aria-label="Emails by status, as a donut chart"
            />
            <Group gap="sm" justify="center">
              {slices.map((slice) => (
                <Group key={slice.name} gap={4}>
                  <span
                    aria-hidden
                    style={{
                      width: 10,
                      height: 10,
                      borderRadius: 2,
                      background: `var(--mantine-color-${slice.color.replace('.', '-')})`,
                    }}
                  />
                  <Text size="xs">{slice.name}</Text>
                </Group>
              ))}
            </Group>
          </Stack>
        </Card>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 8 }}>
        <Card withBorder padding="md" h="100%">
          <Stack gap="sm">
            <Title order={3} size="h5">
              By template
            </Title>
            <BarChart
              h={Math.max(160, byTemplate.length * 36)}
              data={[...byTemplate]}
              dataKey="label"
              type="stacked"
              orientation="vertical"
              series={STATUS_SERIES.map(({ name, label, color }) => ({ name, label, color }))}
              withLegend
              yAxisProps={{ width: 180 }}
              gridAxis="x"
              role="img"
              aria-label="Emails by template and status, as a stacked bar chart"
            />
          </Stack>
        </Card>
      </Grid.Col>
    </Grid>
  );
}
