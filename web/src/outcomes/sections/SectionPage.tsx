import { Anchor, Button, Container, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { TableEmpty, TableLoading } from '../../table/TableStates';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { getSection, OUTCOMES_KEY } from '../api';
import { coursePath } from '../courses/CoursesPage';
import { formatDay, orDash, SECTION_STATUS } from '../labels';
import { SECTIONS_PAGE } from '../pages';
import type { SectionDetail } from '../types';
import { StatusBadge } from '../ui/StatusBadge';
import { AssignDialog } from './AssignDialog';
import { InstructorCell } from './InstructorCell';

const OUTCOME_STATUS_LABELS: Record<SectionDetail['outcomes'][number]['status'], string> = {
  unassigned: 'Unassigned',
  assigned: 'Assigned',
  in_progress: 'In progress',
  submitted: 'Submitted',
  approved: 'Approved',
  needs_rework: 'Needs rework',
  never_coming_in: 'Never coming in',
};

function Facts({ section }: { section: SectionDetail }) {
  const rows: [string, ReactNode][] = [
    [
      'Course',
      <Anchor key="c" component={Link} to={coursePath(section.course.id)} size="sm">
        {section.course.number}
      </Anchor>,
    ],
    ['Term', section.term.name],
    ['Instructor', <InstructorCell key="i" instructor={section.instructor} />],
    ['Enrolled', orDash(section.enrollment)],
    ['Withdrawals', orDash(section.withdrawals)],
    ['Passed (A/B/C)', orDash(section.passedCount)],
    ['D/F/Incomplete', orDash(section.dficCount)],
    ['Numbers reconcile', section.cannotReconcile ? `No: ${section.reconcileNote ?? ''}` : 'Yes'],
    ['Due', formatDay(section.dueDate)],
    ['Registrar combo', orDash(section.combo)],
  ];
  return (
    <Table variant="vertical" withTableBorder layout="fixed" aria-label="Section">
      <Table.Tbody>
        {rows.map(([name, value]) => (
          <Table.Tr key={name}>
            <Table.Th w={200} scope="row">
              {name}
            </Table.Th>
            <Table.Td>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Outcomes({ section }: { section: SectionDetail }) {
  if (section.outcomes.length === 0) {
    return <TableEmpty title="No outcomes" description="The course has no active CLOs yet." />;
  }
  return (
    <Table aria-label="Section outcomes" striped>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={100}>CLO</Table.Th>
          <Table.Th>Description</Table.Th>
          <Table.Th>Took</Table.Th>
          <Table.Th>Passed</Table.Th>
          <Table.Th>Tool</Table.Th>
          <Table.Th>Status</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {section.outcomes.map((outcome) => (
          <Table.Tr key={outcome.id}>
            <Table.Td>{`${section.course.number}.${String(outcome.courseOutcome.number)}`}</Table.Td>
            <Table.Td>{outcome.courseOutcome.description}</Table.Td>
            <Table.Td>{orDash(outcome.took)}</Table.Td>
            <Table.Td>{orDash(outcome.passed)}</Table.Td>
            <Table.Td>{orDash(outcome.tool)}</Table.Td>
            <Table.Td>{OUTCOME_STATUS_LABELS[outcome.status]}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** `/outcomes/sections/:id`: a section, its instructor, numbers and CLO outcomes. */
export function SectionPage() {
  const { id = '' } = useParams();
  const [assigning, setAssigning] = useState(false);
  const query = useQuery({
    queryKey: [...OUTCOMES_KEY, 'sections', 'one', id],
    queryFn: ({ signal }) => getSection(id, signal),
  });
  const section = query.data;
  const title = section ? `${section.course.number}-${section.number}` : 'Section';
  return (
    <Container size="xl" py="md">
      <title>{`${title} · EduLedger`}</title>
      <Stack gap="md">
        <Anchor component={Link} to={SECTIONS_PAGE.path} size="sm">
          ← All sections
        </Anchor>
        {query.isPending && <TableLoading label="Loading the section…" />}
        {query.isError && (
          <>
            <Title order={1}>This section could not be shown</Title>
            <ErrorAlert
              title="The section could not be loaded"
              error={query.error}
              onRetry={() => void query.refetch()}
              retrying={query.isFetching}
            />
          </>
        )}
        {section && (
          <>
            <Group justify="space-between" align="flex-start" wrap="wrap">
              <Stack gap={4}>
                <Title order={1}>{title}</Title>
                <Group gap="xs">
                  <Text c="dimmed">{section.term.name}</Text>
                  <StatusBadge status={SECTION_STATUS[section.status]} />
                </Group>
              </Stack>
              <Button variant="default" onClick={() => setAssigning(true)}>
                {section.instructor ? 'Change instructor' : 'Assign instructor'}
              </Button>
            </Group>
            <Facts section={section} />
            <Title order={2} size="h4">
              Outcomes
            </Title>
            <Outcomes section={section} />
            {assigning && <AssignDialog section={section} onClose={() => setAssigning(false)} />}
          </>
        )}
      </Stack>
    </Container>
  );
}
