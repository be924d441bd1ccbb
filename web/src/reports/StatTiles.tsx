import { Paper, SimpleGrid, Text } from '@mantine/core';

export interface Stat {
  label: string;
  value: string;
}

/** Key figures of a report, as tiles. */
export function StatTiles({ stats, label }: { stats: readonly Stat[]; label: string }) {
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm" aria-label={label} role="list">
      {stats.map((stat) => (
        <Paper key={stat.label} withBorder p="sm" radius="md" role="listitem">
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            {stat.label}
          </Text>
          <Text size="xl" fw={700}>
            {stat.value}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
