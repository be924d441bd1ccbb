import { Button, Card, Group, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { TableEmpty, TableLoading } from '../../table/TableStates';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { getDashboard, getTrend, PLO_KEY } from './api';
import { DISPLAY_MODES, formatPercent, useDisplayMode, type DisplayMode } from './display';
import { TermTree } from './TermTree';
import { TrendPanel } from './TrendPanel';
import type { Trend } from './types';

/** The latest term with data, else the latest term. */
function defaultTerm(trend: Trend) {
  const withData = trend.terms.filter((_, index) => trend.overall[index]?.rate !== null);
  return (withData.at(-1) ?? trend.terms.at(-1))?.id ?? null;
}

function TermResults({
  programId,
  termId,
  mode,
}: {
  programId: string;
  termId: string;
  mode: DisplayMode;
}) {
  const query = useQuery({
    queryKey: [...PLO_KEY, programId, 'dashboard', termId],
    queryFn: ({ signal }) => getDashboard(programId, termId, signal),
  });
  if (query.isPending) return <TableLoading label="Loading the term’s results…" />;
  if (query.isError) {
    return (
      <ErrorAlert
        title="The term’s results could not be loaded"
        error={query.error}
        onRetry={() => void query.refetch()}
        retrying={query.isFetching}
      />
    );
  }
  if (query.data.plos.length === 0) {
    return <TableEmpty title="No PLOs" description="The program has no learning outcomes yet." />;
  }
  return <TermTree dashboard={query.data} mode={mode} />;
}

interface ResultsTabProps {
  programId: string;
  /** Opens the mapping editor (when nothing is published yet). */
  onEditMapping: () => void;
}

/** Per term the tree of results, and the trend over every term, in the program's display mode. */
export function ResultsTab({ programId, onEditMapping }: ResultsTabProps) {
  const [mode, setMode] = useDisplayMode(programId);
  const [chosenTerm, setChosenTerm] = useState<string | null>(null);
  const trend = useQuery({
    queryKey: [...PLO_KEY, programId, 'trend'],
    queryFn: ({ signal }) => getTrend(programId, signal),
  });
  if (trend.isPending) return <TableLoading label="Loading the results…" />;
  if (trend.isError) {
    return (
      <ErrorAlert
        title="The results could not be loaded"
        error={trend.error}
        onRetry={() => void trend.refetch()}
        retrying={trend.isFetching}
      />
    );
  }
  const data = trend.data;
  if (!data.mapping) {
    return (
      <TableEmpty
        title="No published mapping yet"
        description="Map the program’s CLOs to its PLOs and publish the mapping to see results."
        action={
          <Button variant="light" onClick={onEditMapping}>
            Open the mapping
          </Button>
        }
      />
    );
  }
  if (data.terms.length === 0) {
    return <TableEmpty title="No terms yet" description="Results appear once terms exist." />;
  }
  const termId =
    chosenTerm && data.terms.some((t) => t.id === chosenTerm) ? chosenTerm : defaultTerm(data);
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Text size="sm" c="dimmed">
          {`Mapping v${String(data.mapping.version)} applied to every term. S when the pass rate is at least ${formatPercent(data.threshold)}.`}
        </Text>
        <Stack gap={4}>
          <Text size="sm" fw={500} id="plo-display-mode">
            Show results as
          </Text>
          <SegmentedControl
            aria-labelledby="plo-display-mode"
            data={[...DISPLAY_MODES]}
            value={mode}
            onChange={(value) => setMode(value as DisplayMode)}
          />
        </Stack>
      </Group>
      <Card withBorder padding="md">
        <Stack gap="sm">
          <Group justify="space-between" align="flex-end">
            <Title order={2} size="h4">
              Results by term
            </Title>
            <Select
              label="Term"
              w={220}
              allowDeselect={false}
              data={data.terms.map((t) => ({ value: t.id, label: `${t.name} (${t.code})` }))}
              value={termId}
              onChange={setChosenTerm}
            />
          </Group>
          {termId && <TermResults programId={programId} termId={termId} mode={mode} />}
        </Stack>
      </Card>
      <Card withBorder padding="md">
        <Stack gap="sm">
          <Title order={2} size="h4">
            Trend over terms
          </Title>
          <TrendPanel trend={data} mode={mode} />
        </Stack>
      </Card>
    </Stack>
  );
}
