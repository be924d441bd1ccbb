import { Anchor, Card, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { TableEmpty } from '../../table/TableStates';
import { coursePath } from '../courses/CoursesPage';
import { cloName, formatDay, formatRate, orDash, OUTCOME_STATUS, rateOf } from '../labels';
import type { SectionDetail, SectionOutcome } from '../types';
import { StatusBadge } from '../ui/StatusBadge';
import { History } from './History';
import { InstructorCell } from './InstructorCell';

/** Students still in the section: enrollment − withdrawals (null when enrollment is unknown). */
export const studentsOf = (section: Pick<SectionDetail, 'enrollment' | 'withdrawals'>) =>
  section.enrollment === null ? null : section.enrollment - (section.withdrawals ?? 0);

interface FactsProps {
  section: SectionDetail;
  /** Managers follow the course link; instructors have no course pages. */
  linkCourse?: boolean;
}

/** The section's numbers, read-only. */
export function SectionFacts({ section, linkCourse = false }: FactsProps) {
  const rows: [string, ReactNode][] = [
    [
      'Course',
      linkCourse ? (
        <Anchor key="c" component={Link} to={coursePath(section.course.id)} size="sm">
          {section.course.number}
        </Anchor>
      ) : (
        `${section.course.number}${section.course.title ? ` · ${section.course.title}` : ''}`
      ),
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

export const NARRATIVES = [
  { key: 'celebrations', label: 'Celebrations', hint: 'What went well this term?' },
  { key: 'challenges', label: 'Challenges', hint: 'What got in the students’ way?' },
  { key: 'changes', label: 'Changes', hint: 'What will you change next time?' },
] as const;

/** The three narratives, read-only. */
export function Narratives({ section }: { section: SectionDetail }) {
  return (
    <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
      {NARRATIVES.map(({ key, label }) => (
        <Card key={key} withBorder padding="sm" component="section" aria-label={label}>
          <Stack gap={4}>
            <Text fw={600} size="sm">
              {label}
            </Text>
            <Text
              size="sm"
              c={section[key] ? undefined : 'dimmed'}
              style={{ whiteSpace: 'pre-wrap' }}
            >
              {section[key] ?? 'Nothing written.'}
            </Text>
          </Stack>
        </Card>
      ))}
    </SimpleGrid>
  );
}

interface OutcomesTableProps {
  section: SectionDetail;
  /** E.g. the review actions of a row. */
  actions?: (outcome: SectionOutcome) => ReactNode;
}

/** The CLOs with their results and status, read-only. */
export function OutcomesTable({ section, actions }: OutcomesTableProps) {
  if (section.outcomes.length === 0) {
    return <TableEmpty title="No outcomes" description="The course has no active CLOs yet." />;
  }
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table aria-label="Section outcomes" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={100}>CLO</Table.Th>
            <Table.Th>Description</Table.Th>
            <Table.Th>Tool</Table.Th>
            <Table.Th>Took</Table.Th>
            <Table.Th>Passed</Table.Th>
            <Table.Th>Rate</Table.Th>
            <Table.Th>Status</Table.Th>
            {actions && <Table.Th aria-label="Actions" />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {section.outcomes.map((outcome) => (
            <Table.Tr key={outcome.id}>
              <Table.Td>{cloName(section.course.number, outcome.courseOutcome.number)}</Table.Td>
              <Table.Td>{outcome.courseOutcome.description}</Table.Td>
              <Table.Td>{orDash(outcome.tool)}</Table.Td>
              <Table.Td>{orDash(outcome.took)}</Table.Td>
              <Table.Td>{orDash(outcome.passed)}</Table.Td>
              <Table.Td>{formatRate(rateOf(outcome.took, outcome.passed))}</Table.Td>
              <Table.Td>
                <Stack gap={2} align="flex-start">
                  <StatusBadge status={OUTCOME_STATUS[outcome.status]} />
                  {outcome.status === 'never_coming_in' && outcome.nciReason && (
                    <Text size="xs" c="dimmed">
                      {outcome.nciReason}
                    </Text>
                  )}
                </Stack>
              </Table.Td>
              {actions && <Table.Td>{actions(outcome)}</Table.Td>}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** A titled part of the section page. */
export function Part({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap="xs" component="section" aria-label={title}>
      <Title order={2} size="h4">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

/** Everything about a section, read-only: numbers, narratives, CLOs and history. */
export function SectionView({
  section,
  linkCourse,
  actions,
}: FactsProps & { actions?: OutcomesTableProps['actions'] }) {
  return (
    <Stack gap="lg">
      <Part title="Numbers">
        <SectionFacts section={section} linkCourse={linkCourse} />
      </Part>
      <Part title="Outcomes">
        <OutcomesTable section={section} actions={actions} />
      </Part>
      <Part title="Narratives">
        <Narratives section={section} />
      </Part>
      <Part title="History">
        <History courseNumber={section.course.number} history={section.history} />
      </Part>
    </Stack>
  );
}
