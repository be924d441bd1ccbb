import { ActionIcon, Badge, Group, Table, Text } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { OUTCOME_STATUS } from '../labels';
import { formatCount, formatResult, type DisplayMode } from './display';
import type { Dashboard, Numbers } from './types';

const RESULT_COLOR = { S: 'green', U: 'red' } as const;

function ResultCell({ numbers, mode }: { numbers: Numbers; mode: DisplayMode }) {
  const text = formatResult(numbers, mode);
  if (numbers.result === null) {
    return (
      <Text size="sm" c="dimmed" title="No section outcome with students">
        {text}
      </Text>
    );
  }
  return (
    <Text size="sm" fw={600} c={RESULT_COLOR[numbers.result]}>
      {text}
    </Text>
  );
}

interface RowProps {
  depth: number;
  label: ReactNode;
  numbers: Numbers;
  mode: DisplayMode;
  /** Expandable rows get a toggle named after what it shows. */
  toggle?: { expanded: boolean; onToggle: () => void; name: string };
  bold?: boolean;
}

function TreeRow({ depth, label, numbers, mode, toggle, bold = false }: RowProps) {
  return (
    <Table.Tr>
      <Table.Td>
        <Group gap={6} wrap="nowrap" pl={depth * 24}>
          {toggle ? (
            <ActionIcon
              size="sm"
              variant="subtle"
              aria-expanded={toggle.expanded}
              aria-label={`${toggle.expanded ? 'Hide' : 'Show'} ${toggle.name}`}
              onClick={toggle.onToggle}
            >
              {toggle.expanded ? '▾' : '▸'}
            </ActionIcon>
          ) : (
            <span style={{ width: 22, display: 'inline-block' }} />
          )}
          <Text size="sm" fw={bold ? 600 : undefined} component="div">
            {label}
          </Text>
        </Group>
      </Table.Td>
      <Table.Td ta="right">{formatCount(numbers.took)}</Table.Td>
      <Table.Td ta="right">{formatCount(numbers.passed)}</Table.Td>
      <Table.Td ta="right">
        <ResultCell numbers={numbers} mode={mode} />
      </Table.Td>
    </Table.Tr>
  );
}

/** The term's tree program → PLO → CLO → sections, PLOs and CLOs expandable. */
export function TermTree({ dashboard, mode }: { dashboard: Dashboard; mode: DisplayMode }) {
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  return (
    <Table aria-label={`Results for ${dashboard.term.name}`} striped highlightOnHover>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Outcome</Table.Th>
          <Table.Th ta="right" w={90}>
            Took
          </Table.Th>
          <Table.Th ta="right" w={90}>
            Passed
          </Table.Th>
          <Table.Th ta="right" w={140}>
            Result
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        <TreeRow depth={0} label={dashboard.program.name} numbers={dashboard} mode={mode} bold />
        {dashboard.plos.map((plo) => {
          const ploKey = `plo:${plo.id}`;
          const ploOpen = open.has(ploKey);
          const name = `PLO ${String(plo.number)}`;
          return [
            <TreeRow
              key={ploKey}
              depth={1}
              label={`${name} — ${plo.description}`}
              numbers={plo}
              mode={mode}
              bold
              toggle={
                plo.clos.length > 0
                  ? { expanded: ploOpen, onToggle: () => toggle(ploKey), name: `CLOs of ${name}` }
                  : undefined
              }
            />,
            ...(plo.clos.length === 0
              ? [
                  <Table.Tr key={`${ploKey}:none`}>
                    <Table.Td colSpan={4} pl={72}>
                      <Text size="xs" c="dimmed">
                        No CLO is mapped to {name}.
                      </Text>
                    </Table.Td>
                  </Table.Tr>,
                ]
              : []),
            ...(ploOpen
              ? plo.clos.flatMap((clo) => {
                  const cloKey = `clo:${clo.id}`;
                  const cloOpen = open.has(cloKey);
                  return [
                    <TreeRow
                      key={cloKey}
                      depth={2}
                      label={`${clo.label} — ${clo.description}`}
                      numbers={clo}
                      mode={mode}
                      toggle={
                        clo.sections.length > 0
                          ? {
                              expanded: cloOpen,
                              onToggle: () => toggle(cloKey),
                              name: `sections of ${clo.label}`,
                            }
                          : undefined
                      }
                    />,
                    ...(clo.sections.length === 0
                      ? [
                          <Table.Tr key={`${cloKey}:none`}>
                            <Table.Td colSpan={4} pl={96}>
                              <Text size="xs" c="dimmed">
                                No section of {clo.course} in {dashboard.term.name}.
                              </Text>
                            </Table.Td>
                          </Table.Tr>,
                        ]
                      : []),
                    ...(cloOpen
                      ? clo.sections.map((section) => (
                          <TreeRow
                            key={`section:${section.sectionOutcomeId}`}
                            depth={3}
                            label={
                              <Group gap="xs" wrap="nowrap">
                                <span>{section.label}</span>
                                <Badge
                                  size="xs"
                                  variant="light"
                                  color={OUTCOME_STATUS[section.status].color}
                                >
                                  {OUTCOME_STATUS[section.status].label}
                                </Badge>
                              </Group>
                            }
                            numbers={section}
                            mode={mode}
                          />
                        ))
                      : []),
                  ];
                })
              : []),
          ];
        })}
      </Table.Tbody>
    </Table>
  );
}
