import { Progress, Stack, Table, Text } from '@mantine/core';
import { formatCount, formatDuration } from './labels';
import { StatusBadge } from './StatusBadge';
import type { RunStep } from './types';

function StepProgress({ step }: { step: RunStep }) {
  if (step.status === 'pending' || step.status === 'skipped') return null;
  const done = step.read;
  const total = step.total ?? (step.status === 'running' ? null : done);
  const value = total ? Math.min((done / total) * 100, 100) : step.status === 'running' ? 100 : 0;
  const text =
    total === null ? `${formatCount(done)} rows` : `${formatCount(done)} of ${formatCount(total)}`;
  return (
    <Stack gap={2} miw={140}>
      <Progress
        value={value}
        animated={step.status === 'running'}
        striped={step.status === 'running' && total === null}
        aria-label={`${step.name} progress`}
      />
      <Text size="xs" c="dimmed">
        {text}
        {step.status === 'running' && step.rate ? ` · ${formatCount(step.rate)} rows/s` : ''}
      </Text>
    </Stack>
  );
}

const COUNTS = [
  ['created', 'Created'],
  ['updated', 'Updated'],
  ['unchanged', 'Unchanged'],
  ['skipped', 'Skipped'],
  ['failed', 'Rejected'],
] as const;

/** Each step of a run with its status, live progress and counts. */
export function StepsTable({ steps }: { steps: RunStep[] }) {
  return (
    <Table.ScrollContainer minWidth={800}>
      <Table striped aria-label="Steps">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Step</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Progress</Table.Th>
            {COUNTS.map(([key, header]) => (
              <Table.Th key={key}>{header}</Table.Th>
            ))}
            <Table.Th>Duration</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {steps.map((step) => (
            <Table.Tr key={step.name}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {step.name}
                </Text>
                {step.message && (
                  <Text size="xs" c={step.status === 'failed' ? 'red' : 'dimmed'}>
                    {step.message}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <StatusBadge status={step.status} />
              </Table.Td>
              <Table.Td>
                <StepProgress step={step} />
              </Table.Td>
              {COUNTS.map(([key]) => (
                <Table.Td key={key}>{formatCount(step[key])}</Table.Td>
              ))}
              <Table.Td>{formatDuration(step.durationMs)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
