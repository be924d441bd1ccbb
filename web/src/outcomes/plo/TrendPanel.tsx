import { Center, Loader, SegmentedControl, Stack, Table, Text, Tooltip } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { formatResult, type DisplayMode } from './display';
import type { Trend, TrendPoint } from './types';

const TrendChart = lazy(async () => ({ default: (await import('./TrendChart')).TrendChart }));

/** What changed in the contributing CLOs, in words. */
export function changeText(point: TrendPoint) {
  const parts = [
    point.added.length ? `added ${point.added.join(', ')}` : '',
    point.removed.length ? `no longer ${point.removed.join(', ')}` : '',
  ].filter(Boolean);
  return `Contributing CLOs changed: ${parts.join('; ')}`;
}

function Cell({ point, mode }: { point: TrendPoint | undefined; mode: DisplayMode }) {
  if (!point || point.rate === null) {
    return (
      <Text size="sm" c="dimmed" title="No data">
        —
      </Text>
    );
  }
  return (
    <Text size="sm" component="div">
      {formatResult(point, mode)}
      {point.changed && (
        <Tooltip label={changeText(point)} multiline w={280} withinPortal>
          <Text component="span" ml={6} c="orange.7" aria-label={changeText(point)}>
            ◆
          </Text>
        </Tooltip>
      )}
    </Text>
  );
}

/** The trend as a table: a row per PLO (and the program), a column per term. */
function TrendTable({ trend, mode }: { trend: Trend; mode: DisplayMode }) {
  const rows = [
    { key: 'overall', label: 'Program', points: trend.overall },
    ...trend.plos.map((plo) => ({
      key: plo.id,
      label: `PLO ${String(plo.number)}`,
      points: plo.points,
    })),
  ];
  return (
    <Stack gap="xs">
      <Table.ScrollContainer minWidth={400}>
        <Table aria-label="Pass rate by term" striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Outcome</Table.Th>
              {trend.terms.map((term) => (
                <Table.Th key={term.id} ta="right">
                  {term.code}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.key}>
                <Table.Th scope="row">{row.label}</Table.Th>
                {trend.terms.map((term, index) => (
                  <Table.Td key={term.id} ta="right">
                    <Cell point={row.points[index]} mode={mode} />
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text size="xs" c="dimmed">
        — no data in that term (a gap, not 0 %). ◆ the contributing CLOs differ from the previous
        term with data.
      </Text>
    </Stack>
  );
}

/** The trend over every term under the current mapping, as a chart or as a table. */
export function TrendPanel({ trend, mode }: { trend: Trend; mode: DisplayMode }) {
  const [view, setView] = useState<'chart' | 'table'>('chart');
  return (
    <Stack gap="sm">
      <SegmentedControl
        w={200}
        aria-label="Show the trend as"
        data={[
          { value: 'chart', label: 'Chart' },
          { value: 'table', label: 'Table' },
        ]}
        value={view}
        onChange={(value) => setView(value === 'table' ? 'table' : 'chart')}
      />
      {view === 'chart' ? (
        <Suspense
          fallback={
            <Center h={300}>
              <Loader size="sm" aria-label="Loading the chart" />
            </Center>
          }
        >
          <TrendChart trend={trend} />
        </Suspense>
      ) : (
        <TrendTable trend={trend} mode={mode} />
      )}
    </Stack>
  );
}
