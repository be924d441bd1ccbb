import {
  Anchor,
  Badge,
  Container,
  Group,
  Progress,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { TableEmpty, TableLoading } from '../../table/TableStates';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { getMySections, OUTCOMES_KEY } from '../api';
import { formatDay, SECTION_STATUS, sectionName } from '../labels';
import { sectionPath } from '../sections/SectionsPage';
import type { MySection, SectionStatus } from '../types';
import { StatusBadge } from '../ui/StatusBadge';

/** Statuses with nothing left for the instructor to do: never overdue. */
const DONE: readonly SectionStatus[] = ['submitted', 'approved', 'nci'];

/** Today in the browser's calendar, as YYYY-MM-DD. */
function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(now.getFullYear())}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export const isOverdue = (section: Pick<MySection, 'dueDate' | 'status'>, day = today()) =>
  section.dueDate !== null && section.dueDate < day && !DONE.includes(section.status);

function DueDate({ section }: { section: MySection }) {
  if (!isOverdue(section)) return <Text size="sm">{formatDay(section.dueDate)}</Text>;
  return (
    <Group gap={6} wrap="nowrap">
      <Text size="sm" c="red.8" fw={600}>
        {formatDay(section.dueDate)}
      </Text>
      <Badge color="red" variant="filled" size="sm">
        Overdue
      </Badge>
    </Group>
  );
}

function ProgressCell({ section }: { section: MySection }) {
  const { complete, total } = section;
  const name = sectionName(section);
  return (
    <Group gap="xs" wrap="nowrap" miw={160}>
      <Progress.Root
        w={100}
        role="progressbar"
        aria-label={`${name}: ${String(complete)} of ${String(total)} CLOs complete`}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={complete}
      >
        <Progress.Section
          value={total === 0 ? 0 : (complete / total) * 100}
          color={complete === total && total > 0 ? 'green' : 'blue'}
          withAria={false}
        />
      </Progress.Root>
      <Text size="sm" aria-hidden>
        {complete}/{total}
      </Text>
    </Group>
  );
}

/** `/outcomes/my`: the instructor's sections, soonest due first, with how far each has got. */
export function MySectionsPage() {
  const navigate = useNavigate();
  const query = useQuery({
    queryKey: [...OUTCOMES_KEY, 'my', 'sections'],
    queryFn: ({ signal }) => getMySections({}, signal),
  });
  const items = query.data?.items;
  return (
    <Container size="xl" py="md">
      <title>My sections · EduLedger</title>
      <Stack gap="md">
        <Stack gap={0}>
          <Title order={1}>My sections</Title>
          <Text size="sm" c="dimmed">
            For each section you teach: the results of its CLOs, the numbers and the narratives, due
            by the date shown.
          </Text>
        </Stack>
        {query.isPending && <TableLoading label="Loading your sections…" />}
        {query.isError && (
          <ErrorAlert
            title="Your sections could not be loaded"
            error={query.error}
            onRetry={() => void query.refetch()}
            retrying={query.isFetching}
          />
        )}
        {items?.length === 0 && (
          <TableEmpty
            title="No sections assigned to you"
            description="When an administrator assigns you a section, it appears here and you get an email."
          />
        )}
        {items !== undefined && items.length > 0 && (
          <Table.ScrollContainer minWidth={720}>
            <Table striped highlightOnHover aria-label="My sections">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Section</Table.Th>
                  <Table.Th>Term</Table.Th>
                  <Table.Th>Due</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>CLOs complete</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((section) => (
                  <Table.Tr
                    key={section.id}
                    style={{ cursor: 'pointer' }}
                    onClick={(event) => {
                      // The link handles its own clicks (and new-tab clicks).
                      if ((event.target as HTMLElement).closest('a')) return;
                      void navigate(sectionPath(section.id));
                    }}
                  >
                    <Table.Td>
                      <Anchor component={Link} to={sectionPath(section.id)} size="sm" fw={600}>
                        {sectionName(section)}
                      </Anchor>
                      {section.course.title && (
                        <Text size="xs" c="dimmed">
                          {section.course.title}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{section.term.name}</Table.Td>
                    <Table.Td>
                      <DueDate section={section} />
                    </Table.Td>
                    <Table.Td>
                      <StatusBadge status={SECTION_STATUS[section.status]} />
                    </Table.Td>
                    <Table.Td>
                      <ProgressCell section={section} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Container>
  );
}
