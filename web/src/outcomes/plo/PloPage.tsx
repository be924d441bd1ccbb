import { Container, Group, Select, Stack, Tabs, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { TableEmpty, TableLoading } from '../../table/TableStates';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { listOf, OUTCOMES_KEY } from '../api';
import type { Program } from '../types';
import { MappingEditor } from './MappingEditor';
import { PloList } from './PloList';
import { ResultsTab } from './ResultsTab';

const TABS = ['results', 'plos', 'mapping'] as const;
type Tab = (typeof TABS)[number];
const isTab = (value: string | null): value is Tab => TABS.includes(value as Tab);

const PROGRAMS_QUERY = { page: 1, pageSize: 100, sort: 'name', order: 'asc' };

/**
 * `/outcomes/plo`: a program's PLOs, its CLO → PLO mapping and its results by term and over terms.
 * The program and tab live in the URL, so a shared link opens the same view.
 */
export function PloPage() {
  const [params, setParams] = useSearchParams();
  const programs = useQuery({
    queryKey: [...OUTCOMES_KEY, 'programs', 'options', PROGRAMS_QUERY],
    queryFn: ({ signal }) => listOf<Program>('programs', PROGRAMS_QUERY, signal),
  });
  const items = programs.data?.items ?? [];
  const asked = params.get('program');
  const program = items.find((p) => p.id === asked) ?? items.find((p) => !p.isDefault) ?? items[0];
  const tabParam = params.get('tab');
  const tab: Tab = isTab(tabParam) ? tabParam : 'results';
  const go = (next: { program?: string; tab?: Tab }) =>
    setParams(
      (current) => {
        const merged = new URLSearchParams(current);
        if (next.program) merged.set('program', next.program);
        if (next.tab) merged.set('tab', next.tab);
        return merged;
      },
      { replace: false },
    );

  return (
    <Container size="xl" py="md">
      <title>PLO dashboard · EduLedger</title>
      <Stack gap="md">
        <Group justify="space-between" align="flex-end" wrap="wrap">
          <Stack gap={0}>
            <Title order={1}>PLO dashboard</Title>
            <Text size="sm" c="dimmed">
              Program learning outcomes, the CLOs that assess them, and their pass rates by term.
            </Text>
          </Stack>
          {items.length > 0 && (
            <Select
              label="Program"
              w={280}
              searchable
              allowDeselect={false}
              data={items.map((p) => ({ value: p.id, label: p.name }))}
              value={program?.id ?? null}
              onChange={(value) => value && go({ program: value })}
            />
          )}
        </Group>
        {programs.isPending && <TableLoading label="Loading programs…" />}
        {programs.isError && (
          <ErrorAlert
            title="The programs could not be loaded"
            error={programs.error}
            onRetry={() => void programs.refetch()}
            retrying={programs.isFetching}
          />
        )}
        {programs.isSuccess && !program && (
          <TableEmpty
            title="No programs"
            description="There is no program you can see yet. A tenant admin creates programs and assigns program admins to them."
          />
        )}
        {program && (
          <Tabs
            value={tab}
            onChange={(value) => isTab(value) && go({ tab: value })}
            keepMounted={false}
          >
            <Tabs.List>
              <Tabs.Tab value="results">Results</Tabs.Tab>
              <Tabs.Tab value="plos">PLOs</Tabs.Tab>
              <Tabs.Tab value="mapping">Mapping</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="results" pt="md">
              <ResultsTab
                key={program.id}
                programId={program.id}
                onEditMapping={() => go({ tab: 'mapping' })}
              />
            </Tabs.Panel>
            <Tabs.Panel value="plos" pt="md">
              <PloList key={program.id} programId={program.id} />
            </Tabs.Panel>
            <Tabs.Panel value="mapping" pt="md">
              <MappingEditor key={program.id} programId={program.id} />
            </Tabs.Panel>
          </Tabs>
        )}
      </Stack>
    </Container>
  );
}
